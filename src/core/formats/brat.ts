// brat standoff: per document a .txt (the text) and an .ann (one annotation
// per line). brat reads files with Python 3, so its offsets count code points,
// like ours; a CRLF line end counts as two.
//
// Mapping: an annotation is a T line typed by its first tag; further tags are
// `Tag` A lines, attributes are A lines, the note an AnnotatorNotes # line.
// Names, types and values cannot hold whitespace in brat: a space is written
// as "_", and "_", "%", other whitespace and control characters as %XX (UTF-8),
// so every name comes back as it was.

import { decodeText } from '../decode';
import type { Annotation } from '../model';
import { CodePointIndex } from '../offsets';
import { relationContext, relationProblems, type Relation, type RelationType } from '../relations';
import {
  canonicalOrder,
  compare,
  importContext,
  type DocumentBundle,
  type ExportResult,
  type ImportContext,
  type ImportOptions,
  type ImportResult,
  type WorkspaceExport,
} from './bundle';
import { newDocumentBundle } from './documents';
import { FormatError, type FormatIssue } from './errors';
import { fileStem, stemOf, uniqueName } from './file-names';
import { fileText, type FormatCodec } from './format';
import { checkAnnotations, show } from './invariants';
import { findRelationType, typesUsed, unknownRelationType, writableRelations } from './relation-records';
import { TagCatalog, TagResolver } from './tagpaths';
import { titleForImport } from '../titles';

/** One exported document: files `${name}.txt` and `${name}.ann`. */
export interface BratFile {
  name: string;
  txt: string;
  ann: string;
}

/** One document to import: the .txt (bytes are decoded like any text file) and its .ann. */
export interface BratSource {
  name: string;
  txt: string | Uint8Array;
  ann: string;
}

/** The A line name that carries an annotation's second and further tags. */
const EXTRA_TAG = 'Tag';
/** What brat (Python's str.splitlines) takes for a line end. */
const LINE_BREAK = /[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;

/** A tag path, attribute name or value as a brat name without whitespace. */
export function toBratName(label: string): string {
  let out = '';
  for (const ch of label) {
    if (ch === ' ') out += '_';
    else if (ch === '_' || ch === '%' || /[\s\p{Cc}]/u.test(ch)) out += percentEncode(ch);
    else out += ch;
  }
  return out;
}

/** The inverse of toBratName; a foreign name with a stray "%" is taken as it is. */
export function fromBratName(name: string): string {
  const spaced = name.replace(/_/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

function percentEncode(ch: string): string {
  return [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/**
 * Each document as .txt and .ann. A span across line ends is written as
 * brat writes one, in fragments between them; line ends at a span's edges
 * cannot be written and are left off. Detached and untagged annotations, and
 * spans of nothing but line ends, are left out and listed as omitted.
 */
export function exportBrat(workspace: WorkspaceExport): ExportResult<BratFile[]> {
  const ordered = canonicalOrder(workspace);
  const catalog = new TagCatalog(ordered.tags);
  const tagIds = new Set(ordered.tags.map((tag) => tag.id));
  const omitted: FormatIssue[] = [];
  const names = new Set<string>();
  const output = ordered.documents.map((bundle, i) => {
    checkAnnotations(bundle, `documents[${i}]`, undefined, tagIds);
    const name = uniqueName(fileStem(bundle.document.title) || fileStem(bundle.document.id) || 'document', names);
    const written = new Map<string, string>();
    const ann = annFile(bundle, catalog, omitted, written);
    return { name, txt: bundle.document.text, ann: ann + relationLines(bundle, ordered.relationTypes ?? [], written, omitted) };
  });
  return { output, omitted };
}

/** The .ann lines of a document's annotations; `written` gets each written annotation's T id. */
function annFile(bundle: DocumentBundle, catalog: TagCatalog, omitted: FormatIssue[], written: Map<string, string>): string {
  const { text } = bundle.document;
  const index = new CodePointIndex(text);
  const lines: string[] = [];
  let t = 0;
  let a = 0;
  let n = 0;
  for (const annotation of bundle.annotations) {
    const record = `annotation ${annotation.id} in document ${bundle.document.id}`;
    const [first, ...more] = annotation.tagIds;
    if (annotation.detached || first === undefined) {
      omitted.push({ record, problem: `not written: ${annotation.detached ? 'it is detached (its text was deleted)' : 'it has no tag to use as its brat type'}` });
      continue;
    }
    const fragments = splitAtLineBreaks(text, index, annotation.start, annotation.end);
    if (fragments.length === 0) {
      omitted.push({ record, problem: 'not written: it covers nothing but line ends, which brat cannot show' });
      continue;
    }
    if (fragments[0]!.start !== annotation.start || fragments[fragments.length - 1]!.end !== annotation.end) {
      omitted.push({ record, problem: 'line ends at the edges of its span are left off' });
    }
    const id = `T${++t}`;
    written.set(annotation.id, id);
    const offsets = fragments.map((f) => `${f.start} ${f.end}`).join(';');
    lines.push(`${id}\t${toBratName(catalog.pathOf(first)!)} ${offsets}\t${fragments.map((f) => f.text).join(' ')}`);
    for (const tagId of more) lines.push(`A${++a}\t${EXTRA_TAG} ${id} ${toBratName(catalog.pathOf(tagId)!)}`);
    for (const key of Object.keys(annotation.attributes).sort(compare)) {
      const value = annotation.attributes[key]!;
      // A user attribute called "Tag" must not read back as a tag: escape its T.
      const attribute = key === EXTRA_TAG ? '%54ag' : toBratName(key);
      // An empty value is brat's binary attribute: present, without a value.
      lines.push(value === '' ? `A${++a}\t${attribute} ${id}` : `A${++a}\t${attribute} ${id} ${toBratName(value)}`);
    }
    if (annotation.note !== '') lines.push(`#${++n}\tAnnotatorNotes ${id}\t${escapeNote(annotation.note)}`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

/**
 * A document's relations as brat writes them, `R1\tType Arg1:T1 Arg2:T2`,
 * typed by the relation type's name; a relation one of whose ends was not
 * written is listed as omitted. Notes and attributes of relations are left
 * out too (brat has them only for its configured attribute types).
 */
function relationLines(bundle: DocumentBundle, types: readonly RelationType[], written: ReadonlyMap<string, string>, omitted: FormatIssue[]): string {
  const names = new Map(types.map((t) => [t.id, t.name]));
  return writableRelations(bundle, written, omitted)
    .map(({ relation, source, target }, i) => {
      if (relation.note !== '' || Object.keys(relation.attributes).length > 0) {
        omitted.push({ record: `relation ${relation.id} in document ${bundle.document.id}`, problem: 'its note and attributes are not written (brat relations have none)' });
      }
      return `R${i + 1}\t${toBratName(names.get(relation.typeId)!)} Arg1:${source} Arg2:${target}\n`;
    })
    .join('');
}

interface Fragment {
  start: number;
  end: number;
  text: string;
}

/** The runs of [start, end) between line ends, in code points. */
function splitAtLineBreaks(text: string, index: CodePointIndex, start: number, end: number): Fragment[] {
  const fragments: Fragment[] = [];
  const covered = text.slice(index.toUtf16(start), index.toUtf16(end));
  let cp = start;
  let run = '';
  let runStart = start;
  for (const ch of covered) {
    if (LINE_BREAK.test(ch)) {
      if (run !== '') fragments.push({ start: runStart, end: cp, text: run });
      run = '';
      runStart = cp + 1;
    } else {
      run += ch;
    }
    cp++;
  }
  if (run !== '') fragments.push({ start: runStart, end: cp, text: run });
  return fragments;
}

/** Notes are one line in brat: line ends and backslashes are escaped. */
function escapeNote(note: string): string {
  return note.replace(/[\\\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function unescapeNote(note: string): string {
  return note.replace(/\\(\\|n|r|u[0-9a-fA-F]{4})/g, (_, c: string) =>
    c === '\\' ? '\\' : c === 'n' ? '\n' : c === 'r' ? '\r' : String.fromCharCode(parseInt(c.slice(1), 16)),
  );
}

/**
 * Reads .txt + .ann pairs as new documents. T lines become annotations
 * (typed by their tag), `Tag` A lines further tags, other A and M lines
 * attributes, AnnotatorNotes notes. A T line whose text does not match the
 * .txt is left out. Discontinuous spans whose gaps are whitespace (how brat
 * writes a span across lines) become one range; otherwise the first part is
 * kept. R lines become relations, their type found by name among the
 * workspace's relation types; events and normalizations have no place in
 * Scholia. All that is left out is listed in `issues`. A relation naming a
 * type the workspace does not have, or a T the file does not define, throws.
 */
export async function importBrat(sources: readonly BratSource[], options: ImportOptions = {}): Promise<ImportResult> {
  const ctx = importContext(options);
  const resolver = new TagResolver(ctx.tags, ctx.newId);
  const issues: FormatIssue[] = [];
  const documents: DocumentBundle[] = [];
  const relations: Relation[] = [];
  for (const source of sources) {
    const txtName = `${source.name}.txt`;
    let text: string;
    if (typeof source.txt === 'string') text = source.txt;
    else {
      const decoded = decodeText(source.txt, undefined, { keepUtf8Bom: true });
      if (!decoded.ok) throw new FormatError({ file: txtName }, decoded.error.message);
      text = decoded.text;
    }
    const documentId = ctx.newId();
    const found: BratRelationInput = { lines: [], spans: new Map(), defined: new Set() };
    const annotations = readAnn(source.ann, text, `${source.name}.ann`, documentId, resolver, ctx, issues, found);
    // Our own exports are `<title>.brat.txt`: the title is the part before `.brat`.
    const title = titleForImport(`${source.name.replace(BRAT_STEM_SUFFIX, '')}.txt`, text);
    const bundle = await newDocumentBundle({ id: documentId, title, sourceName: txtName, text }, annotations, ctx);
    const own = readBratRelations(found, `${source.name}.ann`, documentId, ctx, issues);
    if (own.length > 0) bundle.relations = own;
    relations.push(...own);
    documents.push(bundle);
  }
  const relationTypes = typesUsed(ctx.relationTypes, relations);
  return { bundle: { tags: resolver.created, ...(relationTypes.length === 0 ? {} : { relationTypes }), documents }, issues };
}

const T_LINE = /^T(\S+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t(.*))?$/;
const A_LINE = /^[AM](\S+)\t(\S+) (\S+)(?: (\S+))?$/;
const NOTE_LINE = /^#(\S*)\t(\S+) (\S+)(?:\t(.*))?$/;

function readAnn(
  ann: string,
  text: string,
  file: string,
  documentId: string,
  resolver: TagResolver,
  ctx: ImportContext,
  issues: FormatIssue[],
  found: BratRelationInput,
): Annotation[] {
  const index = new CodePointIndex(text);
  const now = ctx.now();
  const byId = found.spans;
  const lineOf = new Map<string, number>();
  const later: Array<{ line: string; record: string; number: number }> = [];
  ann.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (line.trim() === '') return;
    const record = `${file} line ${i + 1}`;
    const skip = (problem: string) => issues.push({ record, problem: `${line.split('\t')[0]}: not imported: ${problem}` });
    const t = T_LINE.exec(line);
    if (t) {
      const [, num, type, offsets, quoted] = t;
      // A second T line with the same id would silently replace the first span.
      const first = lineOf.get(`T${num}`);
      if (first !== undefined) throw new FormatError({ file, record: `line ${i + 1}` }, `T${num} is also the id on line ${first}: brat ids are unique in a file`);
      lineOf.set(`T${num}`, i + 1);
      found.defined.add(`T${num}`);
      const range = textBoundRange(offsets!, quoted, text, index, (problem) => issues.push({ record, problem: `T${num}: ${problem}` }));
      if (typeof range === 'string') {
        skip(range);
        return;
      }
      byId.set(`T${num}`, {
        id: ctx.newId(),
        documentId,
        start: range.start,
        end: range.end,
        quote: text.slice(index.toUtf16(range.start), index.toUtf16(range.end)),
        tagIds: [resolver.resolve(fromBratName(type!)).id],
        note: '',
        attributes: {},
        author: ctx.author,
        createdAt: now,
        updatedAt: now,
        detached: false,
      });
    } else if (/^[AM#]/.test(line)) {
      later.push({ line, record, number: i + 1 });
    } else if (line.startsWith('R')) {
      found.lines.push({ line, record });
    } else if (/^[EN*]/.test(line)) {
      skip('events and normalizations have no place in a Scholia document');
    } else {
      issues.push({ record, problem: `not imported: not a brat annotation line: ${show(line)}` });
    }
  });
  // Attributes and notes may come before the T line they refer to.
  const attributeLines = new Map<string, number>();
  for (const { line, record, number } of later) {
    const skip = (problem: string) => issues.push({ record, problem: `${line.split('\t')[0]}: not imported: ${problem}` });
    const attribute = A_LINE.exec(line);
    const note = NOTE_LINE.exec(line);
    const target = attribute?.[3] ?? note?.[3];
    const annotation = target === undefined ? undefined : byId.get(target);
    if (attribute === null && note === null) skip('not an attribute or note line brat writes');
    else if (annotation === undefined) skip(`${target} is not a text span imported from this file`);
    else if (attribute !== null) {
      const [, , name, , value] = attribute;
      if (name === EXTRA_TAG) {
        if (value === undefined) skip(`a ${EXTRA_TAG} attribute needs a value`);
        else {
          const tagId = resolver.resolve(fromBratName(value)).id;
          if (!annotation.tagIds.includes(tagId)) annotation.tagIds.push(tagId);
        }
      } else {
        // A repeated attribute would silently take the last value.
        const key = `${target}\u0000${name}`;
        const first = attributeLines.get(key);
        if (first !== undefined) throw new FormatError({ file, record: `line ${number}` }, `attribute ${fromBratName(name!)} of ${target} is also given on line ${first}`);
        attributeLines.set(key, number);
        annotation.attributes[fromBratName(name!)] = value === undefined ? '' : fromBratName(value);
      }
    } else if (note![2] !== 'AnnotatorNotes') {
      skip(`only AnnotatorNotes comments are imported, not ${note![2]}`);
    } else {
      const body = unescapeNote(note![4] ?? '');
      annotation.note = annotation.note === '' ? body : `${annotation.note}\n${body}`;
    }
  }
  return [...byId.values()];
}

/** What readAnn gathers for the relations: R lines, imported spans by T id, and every T id the file defines. */
interface BratRelationInput {
  lines: { line: string; record: string }[];
  spans: Map<string, Annotation>;
  defined: Set<string>;
}

const R_LINE = /^R(\S+)\t(\S+) Arg1:(\S+) Arg2:(\S+)\s*$/;

/**
 * The relations of R lines. An R line naming a T the file does not define, or
 * a type the workspace does not have, or breaking the type's tag rules, throws
 * a FormatError naming the line; one whose T was left out is left out too.
 */
function readBratRelations(found: BratRelationInput, file: string, documentId: string, ctx: ImportContext, issues: FormatIssue[]): Relation[] {
  const relations: Relation[] = [];
  const now = ctx.now();
  const context = relationContext(found.spans.values(), ctx.relationTypes);
  for (const { line, record } of found.lines) {
    const r = R_LINE.exec(line);
    const id = line.split('\t')[0];
    if (r === null) {
      issues.push({ record, problem: `${id}: not imported: not a relation line brat writes (R1<tab>Type Arg1:T1 Arg2:T2)` });
      continue;
    }
    const [, , typeName, arg1, arg2] = r;
    for (const [arg, t] of [['Arg1', arg1!], ['Arg2', arg2!]] as const) {
      if (!found.defined.has(t)) throw new FormatError({ file, record: record.slice(file.length + 1) }, `${id}: its ${arg} ${show(t)} is not a text span (T line) in this file`);
    }
    const source = found.spans.get(arg1!);
    const target = found.spans.get(arg2!);
    if (source === undefined || target === undefined) {
      issues.push({ record, problem: `${id}: not imported: its ${source === undefined ? arg1 : arg2} was not imported` });
      continue;
    }
    const name = fromBratName(typeName!);
    const type = findRelationType(ctx.relationTypes, name);
    if (type === undefined) throw unknownRelationType({ file, record: record.slice(file.length + 1) }, name, ctx.relationTypes);
    const relation: Relation = { id: ctx.newId(), documentId, sourceId: source.id, targetId: target.id, typeId: type.id, note: '', attributes: {}, author: ctx.author, createdAt: now, updatedAt: now };
    const [problem] = relationProblems(relation, context);
    if (problem !== undefined) throw new FormatError({ file, record: record.slice(file.length + 1) }, `${id}: ${problem.message}`);
    relations.push(relation);
  }
  return relations;
}

/**
 * The range of a T line, checked against the text, or a reason it cannot be
 * imported. Fragments separated only by whitespace merge into one range; of
 * others only the first part is kept, and `partial` says so.
 */
function textBoundRange(
  offsets: string,
  quoted: string | undefined,
  text: string,
  index: CodePointIndex,
  partial: (problem: string) => void,
): { start: number; end: number } | string {
  const fragments = offsets.split(';').map((pair) => pair.split(' ').map(Number) as [number, number]);
  for (const [start, end] of fragments) {
    if (end < start) return `end ${end} is before start ${start}`;
    if (end > index.length) return `end ${end} is past the end of the .txt (length ${index.length})`;
  }
  const slice = (start: number, end: number) => text.slice(index.toUtf16(start), index.toUtf16(end));
  // brat writes a discontinuous span's text as its fragments joined by spaces.
  const actual = fragments.map(([start, end]) => slice(start, end)).join(' ');
  if (quoted !== undefined && quoted !== actual) return `its text ${show(quoted)} does not match the .txt at ${offsets}, which is ${show(actual)}`;
  let [start, end] = fragments[0]!;
  const rest = fragments.slice(1);
  while (rest.length > 0 && rest[0]![0] >= end && slice(end, rest[0]![0]).trim() === '') end = rest.shift()![1];
  if (rest.length > 0) {
    partial(`only its first part [${start}, ${end}) was imported (a Scholia annotation is one range); ${rest.map(([s, e]) => `[${s}, ${e})`).join(', ')} left out`);
  }
  return { start, end };
}

/** What exported brat file names carry before `.txt` and `.ann`. */
const BRAT_SUFFIX = 'brat';
const BRAT_STEM_SUFFIX = /\.brat$/i;

/** An .ann line: an id (T1, A2, R3, E4, N5, #6, *) and a tab. */
const BRAT_LINE = /^([TAMREN#]\d*|\*)\t\S/;

export const bratFormat: FormatCodec = {
  detect: (file) => {
    if (file.extension === 'ann') return 'name';
    // A .txt is brat's text file, whatever it holds.
    if (file.head === undefined || file.json || file.extension === 'txt') return undefined;
    const lines = file.head.split(/\r?\n/).filter((line) => line.trim() !== '');
    // The last line of a cut-off head may be incomplete.
    if (file.truncated) lines.pop();
    return lines.some((line) => /^T\d/.test(line)) && lines.every((line) => BRAT_LINE.test(line)) ? 'shape' : undefined;
  },
  import: async ({ file: ann, text: txt }, context) => {
    if (txt === undefined) throw new FormatError({ file: ann.name }, `brat annotations need their text: ${stemOf(ann.name)}.txt was not given with them`);
    const result = await importBrat([{ name: stemOf(ann.name), txt: txt.bytes, ann: ann.bytes.length === 0 ? '' : fileText(ann) }], context.options(ann.name));
    return { kind: 'documents', bundle: result.bundle, issues: result.issues };
  },
  export: (workspace) => {
    const { output, omitted } = exportBrat(workspace);
    // `.brat` in both names: the text file must not take plain text's `<title>.txt`.
    return { files: output.flatMap((f) => [{ name: `${f.name}.${BRAT_SUFFIX}.txt`, content: f.txt }, { name: `${f.name}.${BRAT_SUFFIX}.ann`, content: f.ann }]), omitted };
  },
};
