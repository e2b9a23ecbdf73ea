// A document's annotations as columns (core/annotation-columns), read
// straight from their rows for opening it: what toColumns(listAnnotations())
// gives, without an object per annotation in between. Opening a long
// document waits for this listing (150,000 rows at 15 MB), and most of its
// time was better-sqlite3 making a JS value of every field of every row. So
// SQLite gathers each field of many rows into one JSON array, which V8 parses
// several times faster than the values come one by one; the tags come from
// the row's own copy of them (migration 13), not a lookup per annotation; and
// the rarely set fields (attributes, a later update, an origin, a source
// range) are one value, 0 when none is set.

import type { Database } from 'better-sqlite3';
import type { AnnotationColumns } from '../core/annotation-columns';
import { chunkStarts } from './annotations';
import { oneSnapshot, statement } from './statements';
import { TextLayout } from './text';

/** A document's annotations of the text field by field, each list in the same (storage) order. */
export interface StoredFields {
  ids: string[];
  /** [start_chunk, start_in_chunk, end_chunk, end_in_chunk, detached] of each row, one after the other (a chunk NULL: a plain offset). */
  anchors: (number | null)[];
  quotes: string[];
  notes: string[];
  authors: string[];
  createdAt: string[];
  /** The row's tag_ids: joined by U+001F, in the user's order. */
  tagIds: string[];
  /** 0 when every rare field is the usual one, else Rare. */
  rare: (0 | Rare)[];
}

/** [attributes (NULL for {}), updated_at (NULL when it is created_at), origin, source_start, source_end] */
type Rare = [string | null, string | null, string | null, number | null, number | null];

/**
 * Rows gathered at a time: each slice's arrays are a part of the answer's
 * JSON, so they stay as far under V8's and SQLite's longest string as the
 * answer itself, and the memory held at once stays small.
 */
const SLICE_ROWS = 10_000;

/**
 * The fields of the document's annotations of the text, `sliceRows` rows at a
 * time in storage (rowid) order. The aggregates of one query step over the
 * same rows in the same order, so the k-th value of every array is one row's.
 */
export function readFields(db: Database, documentId: string, sliceRows = SLICE_ROWS): StoredFields {
  const slice = statement(
    db,
    `SELECT count(*), max(r), json_group_array(id), json_group_array(quote), json_group_array(note), json_group_array(author),
       json_group_array(created_at), json_group_array(tag_ids),
       '[' || group_concat(ifnull(start_chunk, 'null') || ',' || start_in_chunk || ',' || ifnull(end_chunk, 'null') || ',' || end_in_chunk || ',' || detached) || ']',
       json_group_array(CASE WHEN attributes = '{}' AND updated_at = created_at AND origin IS NULL AND source_start IS NULL AND source_end IS NULL THEN 0
         ELSE json_array(nullif(attributes, '{}'), nullif(updated_at, created_at), origin, source_start, source_end) END)
     FROM (SELECT a.rowid AS r, a.id, a.quote, a.note, a.author, a.created_at, a.tag_ids, a.start_chunk, a.start_in_chunk, a.end_chunk, a.end_in_chunk, a.detached,
         a.attributes, a.updated_at, a.origin, a.source_start, a.source_end
       FROM annotations a WHERE a.document_id = ? AND a.side = 'translation' AND a.rowid > ? ORDER BY a.rowid LIMIT ?)`,
  ).raw(true);
  const slices: StoredFields[] = [];
  const parse = <T>(json: string, length: number): T[] => {
    const values = JSON.parse(json) as T[];
    if (values.length !== length) throw new Error(`a slice of annotations gave ${values.length} values, not ${length}`);
    return values;
  };
  for (let after = 0; ; ) {
    const [n, last, ids, quotes, notes, authors, createdAt, tagIds, anchors, rare] = slice.get(documentId, after, sliceRows) as [number, number, ...string[]];
    if (n > 0) {
      slices.push({
        ids: parse(ids!, n),
        quotes: parse(quotes!, n),
        notes: parse(notes!, n),
        authors: parse(authors!, n),
        createdAt: parse(createdAt!, n),
        tagIds: parse(tagIds!, n),
        anchors: parse(anchors!, 5 * n),
        rare: parse(rare!, n),
      });
    }
    if (n < sliceRows) break;
    after = last;
  }
  // Joined once at the end: a copy of each list, not a push per value.
  const joined = <K extends keyof StoredFields>(key: K): StoredFields[K] => ([] as StoredFields[K][number][]).concat(...slices.map((s) => s[key])) as StoredFields[K];
  return {
    ids: joined('ids'),
    quotes: joined('quotes'),
    notes: joined('notes'),
    authors: joined('authors'),
    createdAt: joined('createdAt'),
    tagIds: joined('tagIds'),
    anchors: joined('anchors'),
    rare: joined('rare'),
  };
}

/** The annotations of a document's current text (not its source's), in text order, as columns. */
export function listAnnotationColumns(db: Database, documentId: string): AnnotationColumns {
  return oneSnapshot(db, () => {
    const layout = TextLayout.read(db, documentId);
    const stored = readFields(db, documentId);
    const chunks = chunkStarts(layout);
    const n = stored.ids.length;
    const starts = new Array<number>(n);
    const ends = new Array<number>(n);
    const e = stored.anchors;
    for (let i = 0; i < n; i++) {
      // A plain offset (chunk NULL: detached) is read as it is.
      const startChunk = e[5 * i];
      const endChunk = e[5 * i + 2];
      starts[i] = (startChunk === null ? 0 : (chunks.get(startChunk!) ?? 0)) + e[5 * i + 1]!;
      ends[i] = (endChunk === null ? 0 : (chunks.get(endChunk!) ?? 0)) + e[5 * i + 3]!;
    }
    const ids = stored.ids;
    // Text order (start, longer first, id), as listAnnotations gives it.
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((x, y) => starts[x]! - starts[y]! || ends[y]! - ends[x]! || (ids[x]! < ids[y]! ? -1 : ids[x]! > ids[y]! ? 1 : 0));

    const c: AnnotationColumns = {
      documentId,
      ids: new Array<string>(n),
      starts: new Array<number>(n),
      ends: new Array<number>(n),
      quotes: new Array<string>(n),
      notes: new Array<string>(n),
      createdAt: new Array<string>(n),
      detached: new Array<number>(n),
      tagLists: [],
      tagList: new Array<number>(n),
      authors: [],
      author: new Array<number>(n),
      updatedAt: [],
      attributes: [],
      sourceSide: [],
      sourceRanges: [],
      origins: [],
    };
    // Keyed by the tag ids as stored, so a list is split only the first time it is met.
    const tagListIndex = new Map<string, number>();
    const authorIndex = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const r = order[i]!;
      c.ids[i] = ids[r]!;
      c.starts[i] = starts[r]!;
      c.ends[i] = ends[r]!;
      c.quotes[i] = stored.quotes[r]!;
      c.notes[i] = stored.notes[r]!;
      c.createdAt[i] = stored.createdAt[r]!;
      c.detached[i] = e[5 * r + 4] === 1 ? 1 : 0;
      const tags = stored.tagIds[r]!;
      let list = tagListIndex.get(tags);
      if (list === undefined) {
        list = c.tagLists.length;
        c.tagLists.push(tags === '' ? [] : tags.split('\u001f'));
        tagListIndex.set(tags, list);
      }
      c.tagList[i] = list;
      const author = stored.authors[r]!;
      let by = authorIndex.get(author);
      if (by === undefined) {
        by = c.authors.length;
        c.authors.push(author);
        authorIndex.set(author, by);
      }
      c.author[i] = by;
      const rare = stored.rare[r]!;
      if (rare !== 0) {
        const [attributes, updatedAt, origin, sourceStart, sourceEnd] = rare;
        if (updatedAt !== null) c.updatedAt.push([i, updatedAt]);
        if (attributes !== null) {
          const parsed = JSON.parse(attributes) as Record<string, string>;
          if (Object.keys(parsed).length > 0) c.attributes.push([i, parsed]);
        }
        if (sourceStart !== null && sourceEnd !== null) c.sourceRanges.push([i, sourceStart, sourceEnd]);
        if (origin !== null) c.origins.push([i, origin]);
      }
    }
    return c;
  });
}
