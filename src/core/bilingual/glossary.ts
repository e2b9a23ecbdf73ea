// Glossaries of required translations, read from CSV (source,target[,forbidden
// variants separated by |][,note]) or TBX (TermBase eXchange, v2 martif and v3
// tbx; a term marked deprecated or forbidden becomes a forbidden variant).

import type { Element } from '@xmldom/xmldom';
import { childElements, descendantsWhere, parseXml, XmlError } from './xml';

export interface GlossaryEntry {
  source: string;
  target: string;
  /** Translations known to be wrong; when one is found it is replaced by `target`. */
  forbidden: string[];
  note: string;
}

export class GlossaryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GlossaryError';
  }
}

export type GlossaryResult = { ok: true; entries: GlossaryEntry[] } | { ok: false; error: GlossaryError };

/** Parses CSV rows (RFC 4180 quoting). A first row naming `source` and `target` is a header. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',' || ch === '\t') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new GlossaryError('a quoted field is not closed');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

export function glossaryFromCsv(text: string): GlossaryResult {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    return { ok: false, error: error as GlossaryError };
  }
  if (rows.length > 0 && /^source/i.test(rows[0]![0]!.trim()) && /^target/i.test((rows[0]![1] ?? '').trim())) rows = rows.slice(1);
  const entries: GlossaryEntry[] = [];
  for (const [i, row] of rows.entries()) {
    const [source, target, forbidden, note] = row.map((f) => f.trim());
    if (!source || !target) return { ok: false, error: new GlossaryError(`row ${i + 1} needs a source term and a target term`) };
    entries.push({ source, target, forbidden: forbidden ? forbidden.split('|').map((f) => f.trim()).filter(Boolean) : [], note: note ?? '' });
  }
  return { ok: true, entries };
}

/** Entries for `sourceLanguage` → `targetLanguage` (primary subtags compared). */
export function glossaryFromTbx(text: string, sourceLanguage: string, targetLanguage: string): GlossaryResult {
  let root: Element;
  try {
    root = parseXml(text).documentElement!;
  } catch (error) {
    return { ok: false, error: new GlossaryError(error instanceof XmlError ? error.message : String(error)) };
  }
  if (!/^(martif|tbx)$/.test(root.localName ?? '')) return { ok: false, error: new GlossaryError(`not a TBX file (root element <${root.tagName}>)`) };
  const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  const entries: GlossaryEntry[] = [];
  for (const concept of descendantsWhere(root, (e) => e.localName === 'termEntry' || e.localName === 'conceptEntry')) {
    const terms = new Map<string, { preferred: string[]; forbidden: string[] }>();
    for (const langSet of childElements(concept).filter((e) => e.localName === 'langSet' || e.localName === 'langSec')) {
      const lang = primary(langSet.getAttribute('xml:lang') ?? '')!;
      const bucket = terms.get(lang) ?? { preferred: [], forbidden: [] };
      for (const termHolder of childElements(langSet).filter((e) => /^(tig|ntig|termSec)$/.test(e.localName ?? ''))) {
        const term = descendantsWhere(termHolder, (e) => e.localName === 'term')[0]?.textContent?.trim();
        if (!term) continue;
        const status = descendantsWhere(termHolder, (e) => e.localName === 'termNote' && /administrativeStatus|normativeAuthorization/.test(e.getAttribute('type') ?? ''))[0]?.textContent ?? '';
        (/deprecated|superseded|forbidden|notRecommended/i.test(status) ? bucket.forbidden : bucket.preferred).push(term);
      }
      terms.set(lang, bucket);
    }
    const source = terms.get(primary(sourceLanguage)!);
    const target = terms.get(primary(targetLanguage)!);
    if (!source || !target || target.preferred.length === 0) continue;
    const note = descendantsWhere(concept, (e) => e.localName === 'descrip' || e.localName === 'note')[0]?.textContent?.trim() ?? '';
    for (const term of source.preferred) entries.push({ source: term, target: target.preferred[0]!, forbidden: target.forbidden, note });
  }
  return { ok: true, entries };
}

/** The glossary as CSV, readable back by glossaryFromCsv. */
export function glossaryToCsv(entries: readonly GlossaryEntry[]): string {
  const field = (f: string) => (/[",\n\r\t]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return ['source,target,forbidden,note', ...entries.map((e) => [e.source, e.target, e.forbidden.join('|'), e.note].map(field).join(','))].join('\n') + '\n';
}
