// Annotations: ranges of a document's current text with tags, note and
// attributes, kept anchored as the text changes.

import type { Database, Statement } from 'better-sqlite3';
import { mapRange } from '../core/mapping';
import type { Annotation, TextChange } from '../core/model';
import { codePointLength } from '../core/offsets';
import { NotFoundError } from './errors';

interface AnnotationRow {
  id: string;
  document_id: string;
  start: number;
  end: number;
  quote: string;
  note: string;
  attributes: string;
  author: string;
  created_at: string;
  updated_at: string;
  detached: number;
  tag_ids: string | null;
  side: 'translation' | 'source';
  source_start: number | null;
  source_end: number | null;
}

// Statements prepared once per connection: preparing costs more than running
// one of these small statements, and imports run them per annotation.
const prepared = new WeakMap<Database, Map<string, Statement>>();

function statement(db: Database, sql: string): Statement {
  let statements = prepared.get(db);
  if (!statements) prepared.set(db, (statements = new Map()));
  let found = statements.get(sql);
  if (!found) statements.set(sql, (found = db.prepare(sql)));
  return found;
}

const TAG_IDS = '(SELECT group_concat(tag_id, char(31)) FROM (SELECT tag_id FROM annotation_tags t WHERE t.annotation_id = a.id ORDER BY position))';

const SELECT = `SELECT a.*, ${TAG_IDS} AS tag_ids FROM annotations a`;

function toAnnotation(row: AnnotationRow): Annotation {
  return {
    id: row.id,
    documentId: row.document_id,
    start: row.start,
    end: row.end,
    quote: row.quote,
    tagIds: row.tag_ids ? row.tag_ids.split('\u001f') : [],
    note: row.note,
    attributes: row.attributes === '{}' ? {} : (JSON.parse(row.attributes) as Record<string, string>),
    author: row.author,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    detached: row.detached === 1,
    ...(row.side === 'source' && { side: 'source' as const }),
    ...(row.source_start !== null && row.source_end !== null && { sourceRange: { start: row.source_start, end: row.source_end } }),
  };
}

type ListedRow = [string, string, number, number, string, string, string, string, string, string, number, string | null, 'translation' | 'source', number | null, number | null];

/** The annotations of a document's current text (not those of its source), in text order. */
export function listAnnotations(db: Database, documentId: string): Annotation[] {
  return listSide(db, documentId, 'translation');
}

/** The annotations of a document's source, in source order. */
export function listSourceAnnotations(db: Database, documentId: string): Annotation[] {
  return listSide(db, documentId, 'source');
}

function listSide(db: Database, documentId: string, side: 'translation' | 'source'): Annotation[] {
  // Rows as arrays (no object per row): a long document has tens of thousands.
  const rows = statement(
    db,
    `SELECT a.id, a.document_id, a.start, a.end, a.quote, a.note, a.attributes, a.author, a.created_at, a.updated_at, a.detached, ${TAG_IDS} AS tag_ids,
       a.side, a.source_start, a.source_end
     FROM annotations a WHERE a.document_id = ? AND a.side = ? ORDER BY a.start, a.end DESC, a.id`,
  )
    .raw(true)
    .all(documentId, side) as ListedRow[];
  return rows.map(([id, document_id, start, end, quote, note, attributes, author, created_at, updated_at, detached, tag_ids, side, source_start, source_end]) =>
    toAnnotation({ id, document_id, start, end, quote, note, attributes, author, created_at, updated_at, detached, tag_ids, side, source_start, source_end }),
  );
}

export function annotationExists(db: Database, id: string): boolean {
  return db.prepare('SELECT 1 FROM annotations WHERE id = ?').get(id) !== undefined;
}

export function getAnnotation(db: Database, id: string): Annotation {
  const row = statement(db, `${SELECT} WHERE a.id = ?`).get(id) as AnnotationRow | undefined;
  if (!row) throw new NotFoundError(`no annotation with id ${id}`);
  return toAnnotation(row);
}

/** Inserts an annotation exactly as given (ids kept, so undo can restore one). */
export function insertAnnotation(db: Database, a: Annotation): void {
  statement(
    db,
    `INSERT INTO annotations (id, document_id, start, end, quote, note, attributes, author, created_at, updated_at, detached, side, source_start, source_end)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    a.id,
    a.documentId,
    a.start,
    a.end,
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
  );
  setAnnotationTags(db, a.id, a.tagIds);
}

export function setAnnotationTags(db: Database, annotationId: string, tagIds: readonly string[]): void {
  statement(db, 'DELETE FROM annotation_tags WHERE annotation_id = ?').run(annotationId);
  const insert = statement(db, 'INSERT INTO annotation_tags (annotation_id, tag_id, position) VALUES (?, ?, ?)');
  [...new Set(tagIds)].forEach((tagId, position) => insert.run(annotationId, tagId, position));
}

/** Writes an annotation's range, quote, note, attributes, tags and state (core/annotation-patch gives the new record). */
export function writeAnnotation(db: Database, a: Annotation, now: string): void {
  statement(db, 'UPDATE annotations SET start = ?, end = ?, quote = ?, note = ?, attributes = ?, detached = ?, source_start = ?, source_end = ?, updated_at = ? WHERE id = ?').run(
    a.start,
    a.end,
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

/** Above this many shifted stretches, shifting is done row by row rather than in one statement. */
const MAX_GAPS_IN_ONE_STATEMENT = 16;

interface Candidate {
  id: string;
  start: number;
  end: number;
  quote: string;
  detached: boolean;
  /** A change touched it (typing inside, or all its text deleted): its quote and time are written. */
  touched: boolean;
}

/**
 * Maps a document's attached annotations through a batch of changes, as the
 * text is changed one change after the other. Only the annotations a change
 * touches are followed one by one (typing inside extends them; they are
 * detached when all their text went); the others shift, each once for the
 * whole batch, in one statement per stretch between changed regions.
 *
 *   const mapper = new AnnotationMapper(db, documentId, changes);
 *   for each change: apply it to the text, then mapper.step(change, quoteOf)
 *   mapper.finish(now)
 */
export class AnnotationMapper {
  private readonly regions: ChangedRegion[];
  private readonly candidates: Candidate[];

  constructor(
    private readonly db: Database,
    private readonly documentId: string,
    changes: readonly TextChange[],
  ) {
    this.regions = changedRegions(changes);
    // Annotations reaching into a region (touching it counts) may be touched by a change; the rest only shift.
    // One pass over the document's annotations, each placed among the (sorted, disjoint) regions by binary
    // search: a query per region would scan every annotation before it, regions × annotations in all.
    const regions = this.regions;
    const reaches = (start: number, end: number): boolean => {
      let lo = 0;
      let hi = regions.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (regions[mid]!.oldEnd < start) lo = mid + 1;
        else hi = mid;
      }
      return lo < regions.length && regions[lo]!.oldStart <= end;
    };
    const rows = regions.length === 0 ? [] : (db.prepare("SELECT id, start, end FROM annotations WHERE document_id = ? AND detached = 0 AND side = 'translation'").raw().iterate(documentId) as IterableIterator<[string, number, number]>);
    const ids: string[] = [];
    for (const [id, start, end] of rows) if (reaches(start, end)) ids.push(id);
    const quoteOf = db.prepare('SELECT start, end, quote FROM annotations WHERE id = ?');
    this.candidates = ids.map((id) => ({ id, ...(quoteOf.get(id) as { start: number; end: number; quote: string }), detached: false, touched: false }));
  }

  /** Follows the next change (already applied to the text); `quoteOf` reads the text after it. */
  step(change: TextChange, insertedLength: number, quoteOf: (start: number, end: number) => string): void {
    const delta = insertedLength - (change.end - change.start);
    for (const a of this.candidates) {
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
          a.quote = quoteOf(mapped.start, mapped.end);
        } else {
          // Keep the last quote so the user can see what it was and re-attach it.
          a.start = a.end = change.start + insertedLength;
          a.detached = true;
        }
      }
    }
  }

  /** Writes the batch: the shifts between regions, then the followed annotations. */
  finish(now: string): void {
    const { db, documentId, regions } = this;
    // Each stretch strictly between two regions (or after the last) shifts by the growth before it;
    // nothing in a stretch reaches into a region, so the candidates are left out by construction.
    const gaps: { after: number; before: number | null; shift: number }[] = [];
    let shift = 0;
    regions.forEach((r, i) => {
      shift += r.newEnd - r.newStart - (r.oldEnd - r.oldStart);
      if (shift !== 0) gaps.push({ after: r.oldEnd, before: regions[i + 1]?.oldStart ?? null, shift });
    });
    if (gaps.length > 0 && gaps.length <= MAX_GAPS_IN_ONE_STATEMENT) {
      // One statement, so every row moves once, by what its position before the batch says.
      const when = gaps.map((g) => (g.before === null ? 'WHEN start > ? THEN ?' : 'WHEN start > ? AND end < ? THEN ?')).join(' ');
      const values = gaps.flatMap((g) => (g.before === null ? [g.after, g.shift] : [g.after, g.before, g.shift]));
      const by = `(CASE ${when} ELSE 0 END)`;
      db.prepare(`UPDATE annotations SET start = start + ${by}, end = end + ${by} WHERE document_id = ? AND detached = 0 AND side = 'translation' AND start > ? AND ${by} <> 0`).run(
        ...values,
        ...values,
        documentId,
        gaps[0]!.after,
        ...values,
      );
    } else if (gaps.length > 0) {
      // Many regions (a fix applied all over the text): one pass over the annotations after the first.
      const rows = db.prepare("SELECT id, start, end FROM annotations WHERE document_id = ? AND detached = 0 AND side = 'translation' AND start > ?").all(documentId, gaps[0]!.after) as {
        id: string;
        start: number;
        end: number;
      }[];
      const move = db.prepare('UPDATE annotations SET start = ?, end = ? WHERE id = ?');
      for (const row of rows) {
        // The last gap starting before the row.
        let lo = 0;
        let hi = gaps.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >>> 1;
          if (gaps[mid]!.after < row.start) lo = mid;
          else hi = mid - 1;
        }
        const gap = gaps[lo]!;
        if (gap.after < row.start && (gap.before === null || row.end < gap.before)) move.run(row.start + gap.shift, row.end + gap.shift, row.id);
      }
    }
    const touched = db.prepare('UPDATE annotations SET start = ?, end = ?, quote = ?, detached = ?, updated_at = ? WHERE id = ?');
    const moved = db.prepare('UPDATE annotations SET start = ?, end = ? WHERE id = ?');
    for (const a of this.candidates) {
      if (a.touched) touched.run(a.start, a.end, a.quote, a.detached ? 1 : 0, now, a.id);
      else moved.run(a.start, a.end, a.id);
    }
  }
}
