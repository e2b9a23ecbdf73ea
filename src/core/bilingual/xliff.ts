// XLIFF 1.2 and 2.x in and out. Units (1.2 trans-units, and their
// <mrk mtype="seg"> segments when present; 2.x units and segments) give the
// source, the target and their alignment directly; ids, states and notes are
// read. Writing starts again from the imported file's own text and changes
// only the targets (and their state) that differ, so everything the import did
// not use — other tools' attributes, extensions, inline codes of unchanged
// targets — is kept.

import type { Document, Element } from '@xmldom/xmldom';
import { isCjk } from './sentences';
import type { AlignmentLink } from './types';
import { childElements, children, descendantsNamed, firstChild, hasInlineCodes, inlineText, parseXml, serializeXml, setText, XmlError } from './xml';

export type XliffVersion = '1.2' | '2.0' | '2.1' | '2.2';

export interface XliffSegment {
  /** `file@original` (1.2) or `file@id` (2.x). */
  fileId: string | null;
  unitId: string;
  /** The segment's id (2.x) or `mrk@mid` (1.2), or null for a whole 1.2 trans-unit. */
  segmentId: string | null;
  source: string;
  target: string | null;
  state: string | null;
  notes: string[];
  /** Source or target holds inline codes that the plain text above leaves out. */
  inlineCodes: boolean;
}

export interface XliffDocument {
  version: XliffVersion;
  sourceLanguage: string;
  targetLanguage: string | null;
  segments: XliffSegment[];
  /** The segments' sources joined (units on lines of their own). */
  source: string;
  /** The segments' targets joined the same way. */
  translation: string;
  /** One link per segment, in order; a segment without a target has no translation side. */
  alignment: AlignmentLink[];
}

export class XliffError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XliffError';
  }
}

export type XliffResult = { ok: true; document: XliffDocument } | { ok: false; error: XliffError };

const NS_12 = 'urn:oasis:names:tc:xliff:document:1.2';
const NS_2 = 'urn:oasis:names:tc:xliff:document:2.0';

/** Whether a file is XLIFF: by its extension, or by an `<xliff` root in its first bytes. */
export function detect(fileName: string, text: string): boolean {
  if (/\.(xlf|xliff)$/i.test(fileName)) return true;
  return /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<xliff[\s>]/.test(text.slice(0, 4096).replace(/^\uFEFF/, ''));
}

interface Located {
  segment: XliffSegment;
  sourceElement: Element;
  targetElement: Element | null;
  /** The element that carries the state (1.2 target, 2.x segment). */
  container: Element;
}

interface Parsed {
  document: Document;
  version: XliffVersion;
  sourceLanguage: string;
  targetLanguage: string | null;
  located: Located[];
  /** Whitespace kept between a unit's segments (2.x <ignorable>), by segment index. */
  gaps: Map<number, string>;
}

function read(text: string): Parsed {
  let document: Document;
  try {
    document = parseXml(text);
  } catch (error) {
    throw new XliffError(error instanceof XmlError ? error.message : String(error));
  }
  const root = document.documentElement!;
  if (root.localName !== 'xliff') throw new XliffError(`not an XLIFF file: the root element is <${root.tagName}>`);
  const version = root.getAttribute('version') ?? '';
  if (version === '1.2' || (version === '' && root.namespaceURI === NS_12)) return read12(document, root);
  if (/^2\.[0-2]$/.test(version)) return read2(document, root, version as XliffVersion);
  throw new XliffError(`XLIFF version ${version || '(none)'} is not supported (1.2 and 2.0–2.2 are)`);
}

function notesOf(element: Element): string[] {
  return children(element, 'note').map((n) => inlineText(n).trim());
}

function read12(document: Document, root: Element): Parsed {
  const files = children(root, 'file');
  if (files.length === 0) throw new XliffError('the XLIFF file has no <file>');
  const sourceLanguage = files[0]!.getAttribute('source-language') ?? '';
  if (!sourceLanguage) throw new XliffError('<file> has no source-language');
  const targetLanguage = files[0]!.getAttribute('target-language') || null;
  const located: Located[] = [];
  for (const file of files) {
    if ((file.getAttribute('source-language') ?? '') !== sourceLanguage || (file.getAttribute('target-language') || null) !== targetLanguage) {
      throw new XliffError('the files of this XLIFF have different languages');
    }
    const fileId = file.getAttribute('original');
    for (const unit of descendantsNamed(file, 'trans-unit')) {
      if (unit.getAttribute('translate') === 'no') continue;
      const unitId = unit.getAttribute('id') ?? '';
      const source = firstChild(unit, 'source');
      if (!source) throw new XliffError(`trans-unit ${unitId} has no <source>`);
      const target = firstChild(unit, 'target') ?? null;
      const notes = notesOf(unit);
      const segSource = firstChild(unit, 'seg-source');
      const marks = segSource ? descendantsNamed(segSource, 'mrk').filter((m) => m.getAttribute('mtype') === 'seg') : [];
      if (marks.length > 0) {
        const targetMarks = target ? descendantsNamed(target, 'mrk').filter((m) => m.getAttribute('mtype') === 'seg') : [];
        for (const mark of marks) {
          const mid = mark.getAttribute('mid') ?? '';
          const targetMark = targetMarks.find((t) => t.getAttribute('mid') === mid) ?? null;
          located.push({
            segment: {
              fileId, unitId, segmentId: mid, source: inlineText(mark), target: targetMark ? inlineText(targetMark) : null,
              state: target?.getAttribute('state') || null, notes, inlineCodes: hasInlineCodes(mark) || (targetMark !== null && hasInlineCodes(targetMark)),
            },
            sourceElement: mark,
            targetElement: targetMark,
            container: unit,
          });
        }
        continue;
      }
      located.push({
        segment: {
          fileId, unitId, segmentId: null, source: inlineText(source), target: target ? inlineText(target) : null,
          state: target?.getAttribute('state') || null, notes, inlineCodes: hasInlineCodes(source) || (target !== null && hasInlineCodes(target)),
        },
        sourceElement: source,
        targetElement: target,
        container: unit,
      });
    }
  }
  return { document, version: '1.2', sourceLanguage, targetLanguage, located, gaps: new Map() };
}

function read2(document: Document, root: Element, version: XliffVersion): Parsed {
  const sourceLanguage = root.getAttribute('srcLang') ?? '';
  if (!sourceLanguage) throw new XliffError('<xliff> has no srcLang');
  const targetLanguage = root.getAttribute('trgLang') || null;
  const located: Located[] = [];
  const gaps = new Map<number, string>();
  for (const file of children(root, 'file')) {
    const fileId = file.getAttribute('id');
    for (const unit of descendantsNamed(file, 'unit')) {
      if (unit.getAttribute('translate') === 'no') continue;
      const unitId = unit.getAttribute('id') ?? '';
      const notesElement = firstChild(unit, 'notes');
      const notes = notesElement ? notesOf(notesElement) : [];
      let pending = '';
      for (const part of childElements(unit)) {
        if (part.localName === 'ignorable') {
          pending += inlineText(firstChild(part, 'source') ?? part);
          continue;
        }
        if (part.localName !== 'segment') continue;
        const source = firstChild(part, 'source');
        if (!source) throw new XliffError(`a segment of unit ${unitId} has no <source>`);
        const target = firstChild(part, 'target') ?? null;
        if (pending && located.length > 0 && located[located.length - 1]!.segment.unitId === unitId) gaps.set(located.length, pending);
        pending = '';
        located.push({
          segment: {
            fileId, unitId, segmentId: part.getAttribute('id'), source: inlineText(source), target: target ? inlineText(target) : null,
            state: part.getAttribute('state') || null, notes, inlineCodes: hasInlineCodes(source) || (target !== null && hasInlineCodes(target)),
          },
          sourceElement: source,
          targetElement: target,
          container: part,
        });
      }
    }
  }
  if (children(root, 'file').length === 0) throw new XliffError('the XLIFF file has no <file>');
  return { document, version, sourceLanguage, targetLanguage, located, gaps };
}

/** Joins segments into texts: units on lines of their own, segments of a unit by the kept gap or a space (none in CJK). */
function join(parsed: Parsed): Pick<XliffDocument, 'source' | 'translation' | 'alignment'> {
  let source = '';
  let translation = '';
  let sourceLength = 0;
  let translationLength = 0;
  const alignment: AlignmentLink[] = [];
  const cjkSource = isCjk(parsed.sourceLanguage);
  const cjkTarget = isCjk(parsed.targetLanguage ?? '');
  parsed.located.forEach(({ segment }, i) => {
    if (i > 0) {
      const sameUnit = parsed.located[i - 1]!.segment.unitId === segment.unitId;
      const gap = parsed.gaps.get(i);
      const sourceGap = sameUnit ? (gap ?? (cjkSource ? '' : ' ')) : '\n';
      const translationGap = sameUnit ? (gap !== undefined && !cjkTarget ? gap : cjkTarget ? '' : ' ') : '\n';
      source += sourceGap;
      translation += translationGap;
      sourceLength += [...sourceGap].length;
      translationLength += [...translationGap].length;
    }
    const s = [...segment.source].length;
    const t = segment.target === null ? 0 : [...segment.target].length;
    alignment.push({
      source: s > 0 ? { start: sourceLength, end: sourceLength + s } : null,
      translation: t > 0 ? { start: translationLength, end: translationLength + t } : null,
    });
    source += segment.source;
    translation += segment.target ?? '';
    sourceLength += s;
    translationLength += t;
  });
  return { source, translation, alignment };
}

export function parse(text: string): XliffResult {
  try {
    const parsed = read(text);
    if (parsed.located.length === 0) throw new XliffError('the XLIFF file has no translatable units');
    return {
      ok: true,
      document: {
        version: parsed.version,
        sourceLanguage: parsed.sourceLanguage,
        targetLanguage: parsed.targetLanguage,
        segments: parsed.located.map((l) => l.segment),
        ...join(parsed),
      },
    };
  } catch (error) {
    if (error instanceof XliffError) return { ok: false, error };
    throw error;
  }
}

export interface TargetUpdate {
  /** The segment's position in `XliffDocument.segments`. */
  index: number;
  target: string;
  /** The state to give a changed target; by default `translated` (1.2) or `reviewed` (2.x). */
  state?: string;
}

export type XliffWriteResult =
  | { ok: true; text: string; /** Segments whose inline codes were replaced by plain text. */ flattened: number[] }
  | { ok: false; error: XliffError };

/**
 * The imported XLIFF `original` with its targets replaced where `updates`
 * change them. A target whose text is unchanged is left byte for byte as it
 * was (state included).
 */
export function write(original: string, updates: readonly TargetUpdate[], targetLanguage?: string): XliffWriteResult {
  let parsed: Parsed;
  try {
    parsed = read(original);
  } catch (error) {
    if (error instanceof XliffError) return { ok: false, error };
    throw error;
  }
  const flattened: number[] = [];
  for (const update of updates) {
    const at = parsed.located[update.index];
    if (!at) return { ok: false, error: new XliffError(`there is no segment ${update.index} in this XLIFF`) };
    if (at.segment.target === update.target) continue;
    const state = update.state ?? (parsed.version === '1.2' ? 'translated' : 'reviewed');
    let target = at.targetElement;
    if (!target) target = createTarget(parsed, at);
    if (target.firstChild && hasInlineCodes(target)) flattened.push(update.index);
    setText(target, update.target);
    if (parsed.version === '1.2') (target.localName === 'mrk' ? firstChild(at.container, 'target')! : target).setAttribute('state', state);
    else at.container.setAttribute('state', state);
  }
  if (targetLanguage) {
    const root = parsed.document.documentElement!;
    if (parsed.version === '1.2') for (const file of children(root, 'file')) if (!file.getAttribute('target-language')) file.setAttribute('target-language', targetLanguage);
    if (parsed.version !== '1.2' && !root.getAttribute('trgLang')) root.setAttribute('trgLang', targetLanguage);
  }
  return { ok: true, text: withDeclaration(original, serializeXml(parsed.document)), flattened };
}

/** A new <target> for a segment that had none, where the schema wants it. */
function createTarget(parsed: Parsed, at: Located): Element {
  const document = parsed.document;
  if (parsed.version === '1.2') {
    const unit = at.container;
    let target = firstChild(unit, 'target');
    if (!target) {
      target = document.createElementNS(unit.namespaceURI, 'target');
      const after = firstChild(unit, 'seg-source') ?? firstChild(unit, 'source')!;
      unit.insertBefore(target, after.nextSibling);
    }
    if (at.segment.segmentId === null) return target;
    // A segmented unit: the target holds one <mrk mtype="seg"> per source segment.
    const mark = document.createElementNS(unit.namespaceURI, 'mrk');
    mark.setAttribute('mtype', 'seg');
    mark.setAttribute('mid', at.segment.segmentId);
    target.appendChild(mark);
    return mark;
  }
  const target = document.createElementNS(at.container.namespaceURI ?? NS_2, 'target');
  at.container.insertBefore(target, at.sourceElement.nextSibling);
  return target;
}

/** xmldom drops nothing but may lose the XML declaration's exact form; keep the original's. */
function withDeclaration(original: string, serialised: string): string {
  const declaration = /^\uFEFF?\s*(<\?xml[^>]*\?>)/.exec(original)?.[1];
  const body = serialised.replace(/^<\?xml[^>]*\?>\s*/, '');
  return declaration ? `${declaration}\n${body}` : body;
}

/** Targets for every segment from a translation text and the alignment that came with the XLIFF (mapped through edits). */
export function targetsFromTranslation(document: XliffDocument, translation: string, alignment: readonly AlignmentLink[]): TargetUpdate[] {
  const points = [...translation];
  const updates: TargetUpdate[] = [];
  document.segments.forEach((_, index) => {
    const link = alignment[index];
    if (!link) return;
    const target = link.translation ? points.slice(link.translation.start, link.translation.end).join('') : '';
    if (link.translation || document.segments[index]!.target !== null) updates.push({ index, target });
  });
  return updates;
}
