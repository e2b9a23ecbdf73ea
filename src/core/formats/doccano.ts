// doccano JSONL for sequence labelling: one JSON object per line, a text and
// its labelled spans. doccano is written in Python, so its offsets are str
// indices, i.e. code points, like ours.

import type { Annotation } from '../model';
import { CodePointIndex } from '../offsets';
import { relationContext, relationProblems, type Relation, type RelationType } from '../relations';
import { canonicalOrder, importContext, type DocumentBundle, type ExportResult, type ImportOptions, type ImportResult, type WorkspaceExport } from './bundle';
import { baseName, newDocumentBundle, titleFromFileName } from './documents';
import { FormatError, type FormatIssue } from './errors';
import { fileText, inFile, type FormatCodec } from './format';
import { checkAnnotations } from './invariants';
import { isObject, parseJson } from './json';
import { findRelationType, typesUsed, unknownRelationType, writableRelations } from './relation-records';
import { TagCatalog, TagResolver } from './tagpaths';

/** One span as doccano writes it: start, end, label. */
export type DoccanoSpan = [number, number, string];

/**
 * One line per document: `{"id", "title", "text", "label": [[start, end, tag], ...]}`
 * (doccano keeps keys it does not know, like id and title, as metadata).
 * An annotation with several tags gives one span per tag. Detached and
 * untagged annotations cannot be written and are listed as omitted; notes
 * and attributes have no place in the format, and each annotation or
 * relation that had some is listed as omitted too.
 */
export function exportDoccano(workspace: WorkspaceExport): ExportResult<string> {
  const ordered = canonicalOrder(workspace);
  const catalog = new TagCatalog(ordered.tags);
  const tagIds = new Set(ordered.tags.map((tag) => tag.id));
  const omitted: FormatIssue[] = [];
  const lines = ordered.documents.map((bundle, i) => {
    checkAnnotations(bundle, `documents[${i}]`, undefined, tagIds);
    const label: DoccanoSpan[] = [];
    for (const annotation of bundle.annotations) {
      const reason = annotation.detached ? 'it is detached (its text was deleted)' : annotation.tagIds.length === 0 ? 'it has no tag to use as label' : null;
      if (reason !== null) {
        omitted.push({ record: `annotation ${annotation.id} in document ${bundle.document.id}`, problem: `not written: ${reason}` });
        continue;
      }
      for (const id of annotation.tagIds) label.push([annotation.start, annotation.end, catalog.pathOf(id)!]);
      const lost = lostParts(annotation.note, annotation.attributes);
      if (lost !== null) omitted.push({ record: `annotation ${annotation.id} in document ${bundle.document.id}`, problem: `${lost} not written (doccano spans have none)` });
    }
    if ((bundle.relations ?? []).length > 0) return relationLine(bundle, label, ordered.relationTypes ?? [], omitted);
    return JSON.stringify({ id: bundle.document.id, title: bundle.document.title, text: bundle.document.text, label });
  });
  return { output: lines.map((line) => `${line}\n`).join(''), omitted };
}

/** What of a note and attributes an export leaves out, in words (`its note and attributes severity, source`), or null when nothing. */
function lostParts(note: string, attributes: Readonly<Record<string, string>>): string | null {
  const keys = Object.keys(attributes).sort();
  const parts = [note !== '' ? 'its note' : null, keys.length > 0 ? `its attribute${keys.length > 1 ? 's' : ''} ${keys.join(', ')}` : null].filter((p) => p !== null);
  return parts.length === 0 ? null : parts.join(' and ');
}

/**
 * A document with relations in doccano's relation-extraction shape: spans as
 * `entities` with numeric ids, and `relations` with `from_id`, `to_id` and
 * `type` (the relation type's name). An annotation with several tags gives
 * one entity per tag; its relations go from and to the first.
 */
function relationLine(bundle: DocumentBundle, label: readonly DoccanoSpan[], types: readonly RelationType[], omitted: FormatIssue[]): string {
  const entities = label.map(([start, end, tag], i) => ({ id: i + 1, label: tag, start_offset: start, end_offset: end }));
  const written = new Map<string, string>();
  let next = 0;
  for (const annotation of bundle.annotations) {
    if (annotation.detached || annotation.tagIds.length === 0) continue;
    written.set(annotation.id, String(next + 1));
    next += annotation.tagIds.length;
  }
  const names = new Map(types.map((t) => [t.id, t.name]));
  const relations = writableRelations(bundle, written, omitted).map(({ relation, source, target }, i) => {
    const lost = lostParts(relation.note, relation.attributes);
    if (lost !== null) omitted.push({ record: `relation ${relation.id} in document ${bundle.document.id}`, problem: `${lost} not written (doccano relations have none)` });
    return { id: i + 1, from_id: Number(source), to_id: Number(target), type: names.get(relation.typeId)! };
  });
  return JSON.stringify({ id: bundle.document.id, title: bundle.document.title, text: bundle.document.text, entities, relations });
}

/**
 * Reads doccano JSONL, ours or doccano's own exports: the text under `text`
 * (or `data`, in older doccano), spans under `label` or `labels` as
 * `[start, end, label]`, or under `entities` as objects with `start_offset`,
 * `end_offset` and `label`. Spans with the same range become one annotation
 * with several tags. Each line becomes a new document (titled by its `title`,
 * else file name and `id`); labels resolve to the
 * workspace's tags or become new ones. A line that is not a JSON object with
 * a text throws; a bad span is left out and listed in `issues`. `relations`
 * (`from_id`/`to_id` naming entity ids, `type` a relation type's name in the
 * workspace) become relations; one naming an entity id the line does not
 * have, or an unknown type, throws.
 */
export async function importDoccano(jsonl: string, options: ImportOptions = {}): Promise<ImportResult> {
  const ctx = importContext(options);
  const resolver = new TagResolver(ctx.tags, ctx.newId);
  const issues: FormatIssue[] = [];
  const lines = jsonl.replace(/^\uFEFF/, '').split(/\r?\n/);
  const name = ctx.file === undefined ? 'doccano' : titleFromFileName(ctx.file);
  const documents: DocumentBundle[] = [];
  const allRelations: Relation[] = [];
  for (let n = 1; n <= lines.length; n++) {
    const line = lines[n - 1]!;
    if (line.trim() === '') continue;
    const record = `line ${n}`;
    const data = parseJson(line, ctx.file, record);
    if (!isObject(data)) throw new FormatError({ file: ctx.file, record }, 'a doccano line must be a JSON object with a "text"');
    const text = typeof data.text === 'string' ? data.text : typeof data.data === 'string' ? data.data : undefined;
    if (text === undefined) throw new FormatError({ file: ctx.file, record }, 'there is no "text" (a string) on this line');
    const documentId = ctx.newId();
    const index = new CodePointIndex(text);
    const all = asCodePoints(readSpans(data, record, issues), text, index, record, issues);
    const spans = all.filter((span) => {
      const problem = spanProblem(span, index.length);
      if (problem !== null) issues.push({ record: span.record, problem: `not imported: ${problem}` });
      return problem === null;
    });
    const now = ctx.now();
    const byRange = new Map<string, Annotation>();
    for (const span of spans) {
      const key = `${span.start}:${span.end}`;
      const tagId = resolver.resolve(span.label).id;
      const existing = byRange.get(key);
      if (existing) {
        if (!existing.tagIds.includes(tagId)) existing.tagIds.push(tagId);
        continue;
      }
      byRange.set(key, {
        id: ctx.newId(),
        documentId,
        start: span.start,
        end: span.end,
        quote: text.slice(index.toUtf16(span.start), index.toUtf16(span.end)),
        tagIds: [tagId],
        note: '',
        attributes: {},
        author: ctx.author,
        createdAt: now,
        updatedAt: now,
        detached: false,
      });
    }
    noteDropped(data, record, issues);
    const relations = readDoccanoRelations(data, all, spans, byRange, { file: ctx.file, record }, documentId, ctx.relationTypes, ctx, issues);
    const id = typeof data.id === 'string' || typeof data.id === 'number' ? String(data.id) : String(n);
    const title = typeof data.title === 'string' && data.title !== '' ? data.title : `${name} #${id}`;
    const bundle = await newDocumentBundle(
      { id: documentId, title, sourceName: ctx.file === undefined ? null : baseName(ctx.file), text },
      [...byRange.values()],
      ctx,
    );
    if (relations.length > 0) bundle.relations = relations;
    allRelations.push(...relations);
    documents.push(bundle);
  }
  if (documents.length === 0) throw new FormatError({ file: ctx.file }, 'there are no documents: the file is empty');
  const relationTypes = typesUsed(ctx.relationTypes, allRelations);
  return { bundle: { tags: resolver.created, ...(relationTypes.length === 0 ? {} : { relationTypes }), documents }, issues };
}

interface Span {
  start: number;
  end: number;
  label: string;
  record: string;
  /** An entity's `id`, which relations name. */
  entityId?: unknown;
}

/**
 * The relations of one line. `all` are the spans read (with entity ids),
 * `kept` those imported; a relation whose entity was left out is left out.
 */
function readDoccanoRelations(
  data: Record<string, unknown>,
  all: readonly Span[],
  kept: readonly Span[],
  byRange: ReadonlyMap<string, Annotation>,
  where: { file: string | undefined; record: string },
  documentId: string,
  types: readonly RelationType[],
  ctx: { newId: () => string; now: () => string; author: string },
  issues: FormatIssue[],
): Relation[] {
  const list = data.relations;
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new FormatError(where, '"relations" is not a list');
  const entity = (id: unknown): Span | undefined => all.find((s) => s.entityId !== undefined && s.entityId === id);
  const context = relationContext(byRange.values(), types);
  const now = ctx.now();
  const out: Relation[] = [];
  list.forEach((item: unknown, k) => {
    const record = `${where.record} relations[${k}]`;
    if (!isObject(item) || typeof item.type !== 'string') throw new FormatError({ file: where.file, record }, 'a relation must be an object with from_id, to_id and type');
    const ends: Annotation[] = [];
    for (const key of ['from_id', 'to_id'] as const) {
      const span = entity(item[key]);
      if (span === undefined) throw new FormatError({ file: where.file, record }, `${key} ${JSON.stringify(item[key]) ?? 'is missing'}: no entity on this line has that id`);
      if (!kept.includes(span)) {
        issues.push({ record, problem: `not imported: its ${key} entity ${JSON.stringify(item[key])} was left out` });
        return;
      }
      ends.push(byRange.get(`${span.start}:${span.end}`)!);
    }
    const type = findRelationType(types, item.type);
    if (type === undefined) throw unknownRelationType({ file: where.file, record }, item.type, types);
    const relation: Relation = { id: ctx.newId(), documentId, sourceId: ends[0]!.id, targetId: ends[1]!.id, typeId: type.id, note: '', attributes: {}, author: ctx.author, createdAt: now, updatedAt: now };
    const [problem] = relationProblems(relation, context);
    if (problem !== undefined) throw new FormatError({ file: where.file, record }, problem.message);
    out.push(relation);
  });
  return out;
}

/** Spans in any of doccano's shapes; anything else under those keys becomes an issue. */
function readSpans(data: Record<string, unknown>, record: string, issues: FormatIssue[]): Span[] {
  const spans: Span[] = [];
  for (const key of ['label', 'labels'] as const) {
    const list = data[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      issues.push({ record: `${record} ${key}`, problem: 'not imported: not a list of spans' });
      continue;
    }
    list.forEach((item: unknown, k) => {
      const where = `${record} ${key}[${k}]`;
      if (Array.isArray(item) && item.length === 3 && typeof item[2] === 'string') {
        spans.push({ start: item[0] as number, end: item[1] as number, label: item[2], record: where });
      } else if (typeof item === 'string') {
        issues.push({ record: where, problem: `not imported: ${JSON.stringify(item)} labels the whole text (text classification), not a span` });
      } else {
        issues.push({ record: where, problem: 'not imported: a span must be [start, end, label]' });
      }
    });
  }
  const entities = data.entities;
  if (Array.isArray(entities)) {
    entities.forEach((item: unknown, k) => {
      const where = `${record} entities[${k}]`;
      if (isObject(item) && typeof item.label === 'string') {
        spans.push({ start: item.start_offset as number, end: item.end_offset as number, label: item.label, record: where, entityId: item.id });
      } else {
        issues.push({ record: where, problem: 'not imported: an entity must have start_offset, end_offset and label' });
      }
    });
  }
  return spans;
}

/**
 * Spans written by a tool that counts UTF-16 code units (JavaScript) rather
 * than code points (doccano, Python): with characters beyond the BMP (emoji)
 * in the text, some of its spans end past the text in code points. When every
 * span is a sound UTF-16 range (none splits a character) they are converted,
 * and the issue says so; otherwise they are read as code points.
 */
function asCodePoints(spans: Span[], text: string, index: CodePointIndex, record: string, issues: FormatIssue[]): Span[] {
  if (text.length === index.length) return spans;
  const whole = (u: unknown): u is number => Number.isInteger(u) && (u as number) >= 0 && (u as number) <= text.length;
  const splits = (u: number) => u > 0 && u < text.length && /[\uDC00-\uDFFF]/.test(text[u]!) && /[\uD800-\uDBFF]/.test(text[u - 1]!);
  const onlyUtf16 = spans.some((s) => whole(s.end) && s.end > index.length);
  const soundUtf16 = spans.every((s) => whole(s.start) && whole(s.end) && s.start <= s.end && !splits(s.start) && !splits(s.end));
  if (!onlyUtf16 || !soundUtf16) return spans;
  issues.push({ record, problem: 'its spans count UTF-16 code units (as JavaScript does), not code points: they were converted; check them' });
  return spans.map((s) => ({ ...s, start: index.toCodePoint(s.start), end: index.toCodePoint(s.end) }));
}

function spanProblem(span: Span, length: number): string | null {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0) return `[${String(start)}, ${String(end)}] are not offsets (whole numbers ≥ 0)`;
  if (end < start) return `end ${end} is before start ${start}`;
  if (end > length) return `end ${end} is past the end of the text (length ${length})`;
  if (span.label === '') return 'the label is empty';
  return null;
}

/** Comments have no place in a Scholia document; say so rather than drop them quietly. */
function noteDropped(data: Record<string, unknown>, record: string, issues: FormatIssue[]): void {
  for (const key of ['Comments', 'comments'] as const) {
    const value = data[key];
    if (Array.isArray(value) && value.length > 0) issues.push({ record: `${record} ${key}`, problem: `not imported: ${value.length} ${key.toLowerCase()} (Scholia has no place for them)` });
  }
}

export const doccanoFormat: FormatCodec = {
  detect: (file) => {
    if (!file.json) return undefined;
    const first = file.firstRecord;
    if (isObject(first) && (typeof first.text === 'string' || typeof first.data === 'string')) return 'shape';
    return file.extension === 'jsonl' ? 'extension' : undefined;
  },
  import: async ({ file }, context) => {
    const result = await importDoccano(fileText(file), context.options(file.name));
    return { kind: 'documents', bundle: result.bundle, issues: inFile(file.name, result.issues) };
  },
  export: (workspace, { stem }) => {
    const { output, omitted } = exportDoccano(workspace);
    return { files: [{ name: `${stem}.jsonl`, content: output }], omitted };
  },
};
