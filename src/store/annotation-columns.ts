// A document's annotations as columns (core/annotation-columns), read
// straight from their rows for opening it: what toColumns(listAnnotations())
// gives, without an object per annotation in between. Opening a long
// document waits for this listing (150,000 rows at 15 MB), so it is one pass
// over the rows with the fewest values made per row: the tags from the row's
// own copy of them (migration 13), not a lookup per annotation; the rarely
// set fields (attributes, a later update, an origin, a source range) as one
// value, NULL when none is set; the columns filled in text order.

import type { Database } from 'better-sqlite3';
import type { AnnotationColumns } from '../core/annotation-columns';
import { chunkStarts } from './annotations';
import { oneSnapshot, statement } from './statements';
import { TextLayout } from './text';

/**
 * [id, start_chunk, start_in_chunk, end_chunk, end_in_chunk, quote, note, author, created_at, detached,
 *  tag ids (joined by U+001F), the rare fields (NULL when all are usual, else a JSON array Rare)]
 */
type ColumnRow = [string, number | null, number, number | null, number, string, string, string, string, number, string, string | null];

/** [attributes (NULL for {}), updated_at (NULL when it is created_at), origin, source_start, source_end] */
type Rare = [string | null, string | null, string | null, number | null, number | null];

/** The annotations of a document's current text (not its source's), in text order, as columns. */
export function listAnnotationColumns(db: Database, documentId: string): AnnotationColumns {
  return oneSnapshot(db, () => {
    const layout = TextLayout.read(db, documentId);
    const rows = statement(
      db,
      `SELECT a.id, a.start_chunk, a.start_in_chunk, a.end_chunk, a.end_in_chunk, a.quote, a.note, a.author, a.created_at, a.detached, a.tag_ids,
         CASE WHEN a.attributes = '{}' AND a.updated_at = a.created_at AND a.origin IS NULL AND a.source_start IS NULL AND a.source_end IS NULL THEN NULL
           ELSE json_array(nullif(a.attributes, '{}'), nullif(a.updated_at, a.created_at), a.origin, a.source_start, a.source_end) END
       FROM annotations a WHERE a.document_id = ? AND a.side = 'translation'`,
    )
      .raw(true)
      .all(documentId) as ColumnRow[];
    const chunks = chunkStarts(layout);
    const n = rows.length;
    const starts = new Array<number>(n);
    const ends = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      // A plain offset (chunk NULL: detached) is read as it is.
      starts[i] = row[1] === null ? row[2] : (chunks.get(row[1]) ?? 0) + row[2];
      ends[i] = row[3] === null ? row[4] : (chunks.get(row[3]) ?? 0) + row[4];
    }
    // Text order (start, longer first, id), as listAnnotations gives it.
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((x, y) => starts[x]! - starts[y]! || ends[y]! - ends[x]! || (rows[x]![0] < rows[y]![0] ? -1 : rows[x]![0] > rows[y]![0] ? 1 : 0));

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
      const row = rows[r]!;
      c.ids[i] = row[0];
      c.starts[i] = starts[r]!;
      c.ends[i] = ends[r]!;
      c.quotes[i] = row[5];
      c.notes[i] = row[6];
      c.createdAt[i] = row[8];
      c.detached[i] = row[9] === 1 ? 1 : 0;
      const tags = row[10];
      let list = tagListIndex.get(tags);
      if (list === undefined) {
        list = c.tagLists.length;
        c.tagLists.push(tags === '' ? [] : tags.split('\u001f'));
        tagListIndex.set(tags, list);
      }
      c.tagList[i] = list;
      const author = row[7];
      let by = authorIndex.get(author);
      if (by === undefined) {
        by = c.authors.length;
        c.authors.push(author);
        authorIndex.set(author, by);
      }
      c.author[i] = by;
      if (row[11] !== null) {
        const [attributes, updatedAt, origin, sourceStart, sourceEnd] = JSON.parse(row[11]) as Rare;
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
