// The XLIFF schemas' rules that a written file could break, checked without
// the XSDs (no package ships them and this machine cannot fetch them): root
// and namespace, required attributes, element order in units and segments,
// and the enumerated state values. Returns the problems found.

import { DOMParser, type Element } from '@xmldom/xmldom';

const STATES_12 = new Set(['new', 'needs-translation', 'needs-l10n', 'needs-adaptation', 'translated', 'needs-review-translation', 'needs-review-l10n', 'needs-review-adaptation', 'final', 'signed-off']);
const STATES_2 = new Set(['initial', 'translated', 'reviewed', 'final']);

function elements(parent: Element): Element[] {
  const out: Element[] = [];
  for (let c = parent.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}

function all(root: Element, name: string): Element[] {
  return elements(root).flatMap((e) => [...(e.localName === name ? [e] : []), ...all(e, name)]);
}

export function validXliffStructure(text: string): string[] {
  const problems: string[] = [];
  const root = new DOMParser({ onError: (level, message) => void (level !== 'warning' && problems.push(message)) }).parseFromString(text, 'text/xml').documentElement!;
  const version = root.getAttribute('version');
  if (root.localName !== 'xliff') return [...problems, 'root is not <xliff>'];
  if (version === '1.2') {
    if (root.namespaceURI !== 'urn:oasis:names:tc:xliff:document:1.2') problems.push('wrong namespace');
    for (const file of elements(root)) {
      if (file.localName !== 'file') problems.push(`<${file.localName}> in <xliff>`);
      for (const attr of ['original', 'source-language', 'datatype']) if (!file.hasAttribute(attr)) problems.push(`<file> without ${attr}`);
      if (!elements(file).some((e) => e.localName === 'body')) problems.push('<file> without <body>');
    }
    for (const unit of all(root, 'trans-unit')) {
      const kids = elements(unit).map((e) => e.localName);
      if (!unit.hasAttribute('id')) problems.push('<trans-unit> without id');
      if (kids[0] !== 'source') problems.push(`trans-unit ${unit.getAttribute('id')} does not start with <source>`);
      const target = kids.indexOf('target');
      if (target >= 0 && kids.slice(target + 1).some((k) => k === 'source' || k === 'seg-source' || k === 'target')) problems.push(`trans-unit ${unit.getAttribute('id')}: <target> out of order`);
      for (const t of elements(unit).filter((e) => e.localName === 'target')) {
        const state = t.getAttribute('state');
        if (state && !STATES_12.has(state) && !state.startsWith('x-')) problems.push(`state ${state} is not an XLIFF 1.2 state`);
      }
    }
  } else if (/^2\.[0-2]$/.test(version ?? '')) {
    if (root.namespaceURI !== 'urn:oasis:names:tc:xliff:document:2.0') problems.push('wrong namespace');
    if (!root.getAttribute('srcLang')) problems.push('<xliff> without srcLang');
    if (all(root, 'target').length > 0 && !root.getAttribute('trgLang')) problems.push('targets without trgLang');
    for (const file of elements(root).filter((e) => e.localName === 'file')) if (!file.hasAttribute('id')) problems.push('<file> without id');
    for (const unit of all(root, 'unit')) {
      if (!unit.hasAttribute('id')) problems.push('<unit> without id');
      if (!elements(unit).some((e) => e.localName === 'segment')) problems.push(`unit ${unit.getAttribute('id')} without <segment>`);
    }
    for (const segment of all(root, 'segment')) {
      const kids = elements(segment).map((e) => e.localName);
      if (kids[0] !== 'source' || (kids.length > 1 && kids[1] !== 'target') || kids.length > 2) problems.push(`segment ${segment.getAttribute('id')}: children ${kids.join(', ')}`);
      const state = segment.getAttribute('state');
      if (state && !STATES_2.has(state)) problems.push(`state ${state} is not an XLIFF 2 state`);
    }
  } else problems.push(`version ${version}`);
  return problems;
}
