// Annotations: ranges of a document's current text with tags, note and
// attributes, kept anchored as the text changes. An attached annotation of
// the translation has each end stored as an offset into a chunk of the text
// (store/text.ts), so a change moves only the annotations of the chunks it
// reaches. The others keep plain offsets (the chunk NULL): annotations of the
// source (its text never changes) and detached ones (they stay where their
// text was when it went).

import type { Database } from 'better-sqlite3';
import { mapRange } from '../core/mapping';
import type { Annotation, TextChange } from '../core/model';
import { CodePointIndex, codePointLength } from '../core/offsets';
import { NotFoundError } from './errors';
import { CUT_AGAIN, TextLayout, type Anchor } from './text';
import { oneSnapshot, statement } from './statements';

/** Between the tag ids the annotation's row keeps (annotations.tag_ids, migration 13). */
const TAG_SEPARATOR = '\u001f';

interface AnnotationRow {
  id: string;
  document_id: string;
  start_chunk: number | null;
  start_in_chunk: number;
  end_chunk: number | null;
  end_in_chunk: number;
  quote: string;
  note: string;
  attributes: string;
  author: string;
  created_at: string;
  updated_at: string;
  detached: number;
  origin: string | null;
  /** Joined by U+001F, in the user's order ('' for none): a copy annotation_tags' triggers keep (migration 13). */
  tag_ids: string;
  side: 'translation' | 'source';
  source_start: number | null;
  source_end: number | null;
}

const SELECT = 'SELECT a.* FROM annotations a';

/** Whether an annotation's ends are anchored in the text's chunks (else they are plain offsets). */
const anchored = (a: Pick<Annotation, 'side' | 'detached'>): boolean => a.side !== 'source' && !a.detached;

/** The stored ends of an annotation: anchors in `layout` when anchored, else plain offsets. */
function endsOf(a: Annotation, layout: () => TextLayout): [Anchor, Anchor] {
  if (!anchored(a)) return [[null, a.start], [null, a.end]];
  const l = layout();
  return [l.anchorStart(a.start), l.anchorEnd(a.end)];
}

function toAnnotation(row: AnnotationRow, layout: TextLayout | null): Annotation {
  // A plain offset (chunk NULL) is read as it is, whatever the layout.
  const at = (chunk: number | null, inChunk: number) => (chunk === null || layout === null ? inChunk : layout.offset(chunk, inChunk));
  return {
    id: row.id,
    documentId: row.document_id,
    start: at(row.start_chunk, row.start_in_chunk),
    end: at(row.end_chunk, row.end_in_chunk),
    quote: row.quote,
    tagIds: row.tag_ids === '' ? [] : row.tag_ids.split(TAG_SEPARATOR),
    note: row.note,
    attributes: row.attributes === '{}' ? {} : (JSON.parse(row.attributes) as Record<string, string>),
    author: row.author,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    detached: row.detached === 1,
    ...(row.side === 'source' && { side: 'source' as const }),
    ...(row.source_start !== null && row.source_end !== null && { sourceRange: { start: row.source_start, end: row.source_end } }),
    ...(row.origin !== null && { origin: row.origin }),
  };
}

/**
 * [id, start_chunk, start_in_chunk, end_chunk, end_in_chunk, quote, note, attributes, author, created_at,
 *  updated_at, detached, origin, the tag id ('' for none, NULL for more than one), source_start, source_end]
 */
type ListedRow = [
  string,
  number | null,
  number,
  number | null,
  number,
  string,
  string,
  string,
  string,
  string,
  string,
  number,
  string | null,
  string | null,
  number | null,
  number | null,
];

/** The annotations of a document's current text (not those of its source), in text order. */
export function listAnnotations(db: Database, documentId: string): Annotation[] {
  return listSide(db, documentId, 'translation');
}

/** The annotations of a document's source, in source order. */
export function listSourceAnnotations(db: Database, documentId: string): Annotation[] {
  return listSide(db, documentId, 'source');
}

/**
 * A long document has tens of thousands of annotations, and opening or
 * exporting it reads them all, so the work per row is kept small: the
 * document and side are not read back (they are the arguments), the tags of
 * an annotation with one tag (nearly all) are read without a sort by
 * position, and each annotation is built once, straight from its row.
 */
function listSide(db: Database, documentId: string, side: 'translation' | 'source'): Annotation[] {
  return oneSnapshot(db, () => {
    const layout = side === 'translation' ? TextLayout.read(db, documentId) : null;
    const rows = listedRows(db, documentId, side);
    const orderedTags = statement(db, 'SELECT tag_id FROM annotation_tags WHERE annotation_id = ? ORDER BY position').pluck();
    const starts = layout === null ? null : chunkStarts(layout);
    // A plain offset (chunk NULL) is read as it is, whatever the layout.
    const at = (chunk: number | null, inChunk: number) => (chunk === null || starts === null ? inChunk : (starts.get(chunk) ?? 0) + inChunk);
    const annotations: Annotation[] = new Array<Annotation>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const [id, startChunk, startInChunk, endChunk, endInChunk, quote, note, attributes, author, createdAt, updatedAt, detached, origin, tags, sourceStart, sourceEnd] = rows[i]!;
      const annotation: Annotation = {
        id,
        documentId,
        start: at(startChunk, startInChunk),
        end: at(endChunk, endInChunk),
        quote,
        tagIds: tags === null ? (orderedTags.all(id) as string[]) : tags === '' ? [] : [tags],
        note,
        attributes: attributes === '{}' ? {} : (JSON.parse(attributes) as Record<string, string>),
        author,
        createdAt,
        updatedAt,
        detached: detached === 1,
      };
      if (side === 'source') annotation.side = 'source';
      if (sourceStart !== null && sourceEnd !== null) annotation.sourceRange = { start: sourceStart, end: sourceEnd };
      if (origin !== null) annotation.origin = origin;
      annotations[i] = annotation;
    }
    // Text order (start, longer first, id): offsets exist only once anchors are read, so the sort is here, not in SQL.
    return annotations.sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  });
}

/** Where each chunk of the layout starts, by its row id. */
export function chunkStarts(layout: TextLayout): Map<number, number> {
  const starts = new Map<number, number>();
  for (let i = 0; i < layout.ids.length; i++) starts.set(layout.ids[i]!, layout.starts[i]!);
  return starts;
}

function listedRows(db: Database, documentId: string, side: 'translation' | 'source'): ListedRow[] {
  // One tag is read as it is; more than one (NULL here) are read again, in their order, by listSide.
  return statement(
    db,
    `SELECT a.id, a.start_chunk, a.start_in_chunk, a.end_chunk, a.end_in_chunk, a.quote, a.note, a.attributes, a.author, a.created_at,
       a.updated_at, a.detached, a.origin,
       (SELECT CASE count(*) WHEN 0 THEN '' WHEN 1 THEN min(t.tag_id) END FROM annotation_tags t WHERE t.annotation_id = a.id),
       a.source_start, a.source_end
     FROM annotations a WHERE a.document_id = ? AND a.side = ?`,
  )
    .raw(true)
    .all(documentId, side) as ListedRow[];
}

export function annotationExists(db: Database, id: string): boolean {
  return statement(db, 'SELECT 1 FROM annotations WHERE id = ?').get(id) !== undefined;
}

export function getAnnotation(db: Database, id: string): Annotation {
  return oneSnapshot(db, () => {
    const row = statement(db, `${SELECT} WHERE a.id = ?`).get(id) as AnnotationRow | undefined;
    if (!row) throw new NotFoundError(`no annotation with id ${id}`);
    const chunked = row.start_chunk !== null || row.end_chunk !== null;
    return toAnnotation(row, chunked ? TextLayout.read(db, row.document_id) : null);
  });
}

/**
 * Inserts an annotation exactly as given (ids kept, so undo can restore one).
 * `layout` is its document's (TextLayout.read): pass one when inserting many.
 */
export function insertAnnotation(db: Database, a: Annotation, layout?: TextLayout): void {
  const [[startChunk, startInChunk], [endChunk, endInChunk]] = endsOf(a, () => layout ?? TextLayout.read(db, a.documentId));
  statement(
    db,
    `INSERT INTO annotations (id, document_id, start_chunk, start_in_chunk, end_chunk, end_in_chunk, quote, note, attributes, author, created_at, updated_at, detached, side, source_start, source_end, origin, tag_ids)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    a.id,
    a.documentId,
    startChunk,
    startInChunk,
    endChunk,
    endInChunk,
    a.quote,
    a.note,
    JSON.stringify(a.attributes),
    a.author,
    a.createdAt,
    a.updatedAt,
    a.detached ? 1 : 0,
    a.side ?? 'translation',
    a.sourceRange?.start ?? null,
    a.sourceRange?.end ?? null,
    a.origin ?? null,
    tagList(a.tagIds).join(TAG_SEPARATOR),
  );
  insertTagRows(db, a.id, tagList(a.tagIds));
}

/** An annotation's tags, each once, in the user's order. */
const tagList = (tagIds: readonly string[]): string[] => [...new Set(tagIds)];
function insertTagRows(db: Database, annotationId: string, tags: readonly string[]): void {
  const insert = statement(db, 'INSERT INTO annotation_tags (annotation_id, tag_id, position) VALUES (?, ?, ?)');
  tags.forEach((tagId, position) => insert.run(annotationId, tagId, position));
}

/** Sets an annotation's tags, and the copy of them its row keeps (no trigger writes it on insert). */
export function setAnnotationTags(db: Database, annotationId: string, tagIds: readonly string[]): void {
  const tags = tagList(tagIds);
  statement(db, 'DELETE FROM annotation_tags WHERE annotation_id = ?').run(annotationId);
  insertTagRows(db, annotationId, tags);
  statement(db, 'UPDATE annotations SET tag_ids = ? WHERE id = ?').run(tags.join(TAG_SEPARATOR), annotationId);
}

/** Writes an annotation's range, quote, note, attributes, tags and state (core/annotation-patch gives the new record). */
export function writeAnnotation(db: Database, a: Annotation, now: string): void {
  const [[startChunk, startInChunk], [endChunk, endInChunk]] = endsOf(a, () => TextLayout.read(db, a.documentId));
  statement(
    db,
    `UPDATE annotations SET start_chunk = ?, start_in_chunk = ?, end_chunk = ?, end_in_chunk = ?, quote = ?, note = ?, attributes = ?, detached = ?,
       source_start = ?, source_end = ?, updated_at = ? WHERE id = ?`,
  ).run(
    startChunk,
    startInChunk,
    endChunk,
    endInChunk,
    a.quote,
    a.note,
    JSON.stringify(a.attributes),
    a.detached ? 1 : 0,
    a.sourceRange?.start ?? null,
    a.sourceRange?.end ?? null,
    now,
    a.id,
  );
  setAnnotationTags(db, a.id, a.tagIds);
}

export function deleteAnnotation(db: Database, id: string): void {
  const result = db.prepare('DELETE FROM annotations WHERE id = ?').run(id);
  if (result.changes === 0) throw new NotFoundError(`no annotation with id ${id}`);
}

/** A stretch a batch of changes replaced: [oldStart, oldEnd] in the text before the batch is [newStart, newEnd] after it. */
export interface ChangedRegion {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/**
 * Composes changes, each in the coordinates the previous one left, into the
 * disjoint regions of the text before them that they replaced, in order.
 * Outside the regions the text is the same, shifted.
 */
export function changedRegions(changes: readonly TextChange[]): ChangedRegion[] {
  // Kept sorted and disjoint, changed in place: a change finds its place by binary search and
  // shifts the regions after it without copying them (5,000 changes cost milliseconds, not seconds).
  const regions: ChangedRegion[] = [];
  const growth = (r: ChangedRegion) => r.newEnd - r.newStart - (r.oldEnd - r.oldStart);
  for (const change of changes) {
    const { start, end } = change;
    const delta = codePointLength(change.inserted) - (end - start);
    // The regions before the change end before it starts; the merged ones reach into it (touching counts).
    let lo = 0;
    let hi = regions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (regions[mid]!.newEnd < start) lo = mid + 1;
      else hi = mid;
    }
    let last = lo;
    while (last < regions.length && regions[last]!.newStart <= end) last++;
    // Growth of the text before the change, and up to its end.
    let shiftBefore = 0;
    for (let i = 0; i < lo; i++) shiftBefore += growth(regions[i]!);
    let shiftToEnd = shiftBefore;
    // An end inside a region it merges with takes that region's end.
    const region: ChangedRegion = { oldStart: start - shiftBefore, oldEnd: 0, newStart: start, newEnd: end };
    for (let i = lo; i < last; i++) {
      const r = regions[i]!;
      shiftToEnd += growth(r);
      region.oldStart = Math.min(region.oldStart, r.oldStart);
      region.newStart = Math.min(region.newStart, r.newStart);
      region.newEnd = Math.max(region.newEnd, r.newEnd);
    }
    region.oldEnd = end - shiftToEnd;
    for (let i = lo; i < last; i++) region.oldEnd = Math.max(region.oldEnd, regions[i]!.oldEnd);
    region.newEnd += delta;
    for (let i = last; i < regions.length; i++) {
      regions[i]!.newStart += delta;
      regions[i]!.newEnd += delta;
    }
    regions.splice(lo, last - lo, region);
  }
  return regions;
}

interface Loaded {
  /** Its row (annotations' rowid): written by rowid, one index search fewer than by id. */
  rowid: number;
  start: number;
  end: number;
  /** Where it is stored, to write only what moved. */
  stored: [Anchor, Anchor];
  /** Detached by a change of this batch. */
  detached: boolean;
  /** A change touched it (typing inside, or all its text deleted): its quote and time are written. */
  touched: boolean;
}

/** [rowid, start_chunk, start_in_chunk, end_chunk, end_in_chunk] */
type AnchorRow = [number, number | null, number, number | null, number];
const ANCHOR_COLUMNS = 'rowid, start_chunk, start_in_chunk, end_chunk, end_in_chunk';

/**
 * Maps a document's attached annotations through a batch of changes, as the
 * text is changed one change after the other. Annotations are anchored in
 * the text's chunks, so only those in a chunk the batch reaches (or spanning
 * one) can move: the rest keep their rows, however much text before them
 * changed. Of those, the ones reaching into a changed region are followed
 * change by change (typing inside extends them; they are detached when all
 * their text went); the others shift, each once, by the growth of the
 * regions before them.
 *
 *   const mapper = new AnnotationMapper(db, documentId, changes, layoutBefore);
 *   for each change: apply it to the text, then mapper.step(change, insertedLength, removed)
 *   mapper.finish(now, layoutAfter, quoteOf)
 */
export class AnnotationMapper {
  private readonly regions: ChangedRegion[];
  /** Reaching into a changed region: followed change by change. */
  private readonly followed: Loaded[] = [];
  /** In a reached chunk but clear of every region: shifted once in finish. */
  private readonly shifting: Loaded[] = [];
  /** The quotes of the annotations detached by this batch: the text they had when it went. */
  private readonly quotes = new Map<Loaded, string>();

  constructor(
    private readonly db: Database,
    documentId: string,
    changes: readonly TextChange[],
    layout: TextLayout,
  ) {
    const regions = (this.regions = changedRegions(changes));
    if (regions.length === 0) return;
    // The chunks a region reaches (touching counts): [start, end] of a chunk meets [oldStart, oldEnd] of a region.
    // Regions are sorted, so each is placed by binary search rather than by walking every chunk.
    // Each with the offset in it where the first region reaching it starts: what ends before stays as it is,
    // unless the batch may make a piece long enough to be cut again (text.ts), which moves text across pieces.
    const reached = new Map<number, number>();
    for (const region of regions) {
      for (let i = layout.firstTouching(region.oldStart); i < layout.ids.length && layout.starts[i]! <= region.oldEnd; i++) {
        if (!reached.has(i)) reached.set(i, Math.max(0, region.oldStart - layout.starts[i]!));
      }
    }
    const chunkEnd = (i: number) => (i + 1 < layout.ids.length ? layout.starts[i + 1]! : layout.length);
    let growing = changes.reduce((n, c) => n + codePointLength(c.inserted), 0);
    for (const i of reached.keys()) growing += chunkEnd(i) - layout.starts[i]!;
    // Code points to UTF-16 units: at most two each.
    if (2 * growing > CUT_AGAIN) for (const i of reached.keys()) reached.set(i, 0);
    const load = ([rowid, startChunk, startInChunk, endChunk, endInChunk]: AnchorRow, startBase: number, endBase: number): void => {
      const start = startBase + startInChunk;
      const end = endBase + endInChunk;
      const a: Loaded = { rowid, start, end, stored: [[startChunk, startInChunk], [endChunk, endInChunk]], detached: false, touched: false };
      (this.reaches(start, end) ? this.followed : this.shifting).push(a);
    };
    const inChunk = statement(
      db,
      `SELECT ${ANCHOR_COLUMNS} FROM annotations WHERE start_chunk = ? AND end_chunk = ? AND end_in_chunk >= ? AND start_chunk IS NOT NULL`,
    ).raw(true);
    for (const [i, from] of reached) {
      const base = layout.starts[i]!;
      for (const row of inChunk.iterate(layout.ids[i], layout.ids[i], from)) load(row as AnchorRow, base, base);
    }
    // Attached annotations over more than one chunk (few), or in none (a text that was empty):
    // each loaded when it may reach a region.
    const loose = statement(
      db,
      `SELECT ${ANCHOR_COLUMNS} FROM annotations
       WHERE document_id = ? AND side = 'translation' AND detached = 0 AND (start_chunk IS NULL OR start_chunk IS NOT end_chunk)`,
    ).raw(true);
    for (const row of loose.iterate(documentId)) {
      const [, startChunk, , endChunk] = row as AnchorRow;
      if (startChunk === null || endChunk === null) {
        load(row as AnchorRow, 0, 0);
        continue;
      }
      const from = layout.position(startChunk);
      const to = layout.position(endChunk);
      for (let i = from; i <= to; i++) {
        if (reached.has(i)) {
          load(row as AnchorRow, layout.starts[from]!, layout.starts[to]!);
          break;
        }
      }
    }
  }

  /** Whether [start, end] reaches into a changed region (touching counts); regions are sorted and disjoint. */
  private reaches(start: number, end: number): boolean {
    const regions = this.regions;
    let lo = 0;
    let hi = regions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (regions[mid]!.oldEnd < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < regions.length && regions[lo]!.oldStart <= end;
  }

  /** Where `offset` of the text before the batch is after it, for an offset outside every region. */
  private shifted(offset: number): number {
    let growth = 0;
    for (const r of this.regions) {
      if (r.oldEnd >= offset) break;
      growth += r.newEnd - r.newStart - (r.oldEnd - r.oldStart);
    }
    return offset + growth;
  }

  /**
   * Follows the next change; `removed` is the text it replaced. Quotes are
   * read once, in finish, from the text the batch leaves: reading each after
   * every change costs a slice per change and annotation.
   */
  step(change: TextChange, insertedLength: number, removed: string): void {
    const delta = insertedLength - (change.end - change.start);
    let removedIndex: CodePointIndex | null = null;
    for (const a of this.followed) {
      if (a.detached) continue;
      if (a.start > change.end) {
        a.start += delta;
        a.end += delta;
      } else if (a.end >= change.start) {
        a.touched = true;
        const mapped = mapRange(a, change, insertedLength);
        if (mapped) {
          a.start = mapped.start;
          a.end = mapped.end;
        } else {
          // All its text went with this change: keep that text as the quote, so the user can see what it was and re-attach it.
          removedIndex ??= new CodePointIndex(removed);
          this.quotes.set(a, removed.slice(removedIndex.toUtf16(a.start - change.start), removedIndex.toUtf16(a.end - change.start)));
          a.start = a.end = change.start + insertedLength;
          a.detached = true;
        }
      }
    }
  }

  /**
   * Writes the annotations that moved: anchored in the text as the batch
   * leaves it (`layout`, after the changed chunks were saved), or, once
   * detached, at the plain offset where their text went; those a change
   * touched get their quote (`quoteOf` reads the text after the batch) and time.
   */
  finish(now: string, layout: TextLayout, quoteOf: (start: number, end: number) => string): void {
    const touched = statement(this.db, 'UPDATE annotations SET start_chunk = ?, start_in_chunk = ?, end_chunk = ?, end_in_chunk = ?, quote = ?, detached = ?, updated_at = ? WHERE rowid = ?');
    const moved = statement(this.db, 'UPDATE annotations SET start_chunk = ?, start_in_chunk = ?, end_chunk = ?, end_in_chunk = ? WHERE rowid = ?');
    // Most moves stay in their chunk: setting only the offsets leaves the chunk index as it is.
    const movedInChunk = statement(this.db, 'UPDATE annotations SET start_in_chunk = ?, end_in_chunk = ? WHERE rowid = ?');
    for (const a of this.shifting) {
      a.start = this.shifted(a.start);
      a.end = this.shifted(a.end);
    }
    for (const a of [...this.followed, ...this.shifting]) {
      const [start, end]: [Anchor, Anchor] = a.detached ? [[null, a.start], [null, a.end]] : [layout.anchorStart(a.start), layout.anchorEnd(a.end)];
      if (a.touched) {
        const quote = a.detached ? this.quotes.get(a)! : quoteOf(a.start, a.end);
        touched.run(...start, ...end, quote, a.detached ? 1 : 0, now, a.rowid);
      } else if (start[0] !== a.stored[0][0] || end[0] !== a.stored[1][0]) moved.run(...start, ...end, a.rowid);
      else if (start[1] !== a.stored[0][1] || end[1] !== a.stored[1][1]) movedInChunk.run(start[1], end[1], a.rowid);
    }
  }
}
