// A document's annotations as columns (core/annotation-columns), read
// straight from their rows for opening it: what toColumns(listAnnotations())
// gives, without an object per annotation in between. Opening a long
// document waits for this listing (50,000 rows at 5 MB), so the rows carry
// NULL for the usual values (attributes {}, updatedAt = createdAt) rather
// than a string to make and compare, and the columns are filled in text
// order, each row read once.

import type { Database } from 'better-sqlite3';
import type { AnnotationColumns } from '../core/annotation-columns';
import { chunkStarts } from './annotations';
import { oneSnapshot, statement } from './statements';
import { TextLayout } from './text';

/**
 * [id, start_chunk, start_in_chunk, end_chunk, end_in_chunk, quote, note, attributes (NULL for {}), author,
 *  created_at, updated_at (NULL when it is created_at), detached, origin, the tag id ('' for none, NULL for
 *  more than one), source_start, source_end]
 */
type ColumnRow = [
  string,
  number | null,
  number,
  number | null,
  number,
  string,
  string,
  string | null,
  string,
  string,
  string | null,
  number,
  string | null,
  string | null,
  number | null,
  number | null,
];

/** The annotations of a document's current text (not its source's), in text order, as columns. */
export function listAnnotationColumns(db: Database, documentId: string): AnnotationColumns {
  return oneSnapshot(db, () => {
    const layout = TextLayout.read(db, documentId);
    // One tag is read as it is; more than one (NULL here) are read again, in their order.
    const rows = statement(
      db,
      `SELECT a.id, a.start_chunk, a.start_in_chunk, a.end_chunk, a.end_in_chunk, a.quote, a.note, nullif(a.attributes, '{}'), a.author,
         a.created_at, nullif(a.updated_at, a.created_at), a.detached, a.origin,
         (SELECT CASE count(*) WHEN 0 THEN '' WHEN 1 THEN min(t.tag_id) END FROM annotation_tags t WHERE t.annotation_id = a.id),
         a.source_start, a.source_end
       FROM annotations a WHERE a.document_id = ? AND a.side = 'translation'`,
    )
      .raw(true)
      .all(documentId) as ColumnRow[];
    const orderedTags = statement(db, 'SELECT tag_id FROM annotation_tags WHERE annotation_id = ? ORDER BY position').pluck();
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
    const tagListIndex = new Map<string, number>();
    const authorIndex = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const r = order[i]!;
      const [id, , , , , quote, note, attributes, author, createdAt, updatedAt, detached, origin, tag, sourceStart, sourceEnd] = rows[r]!;
      c.ids[i] = id;
      c.starts[i] = starts[r]!;
      c.ends[i] = ends[r]!;
      c.quotes[i] = quote;
      c.notes[i] = note;
      c.createdAt[i] = createdAt;
      c.detached[i] = detached === 1 ? 1 : 0;
      // Tag ids never hold a comma (contract ids are letters, digits, - and _).
      const tagKey = tag ?? (orderedTags.all(id) as string[]).join(',');
      let list = tagListIndex.get(tagKey);
      if (list === undefined) {
        list = c.tagLists.length;
        c.tagLists.push(tagKey === '' ? [] : tag !== null ? [tag] : tagKey.split(','));
        tagListIndex.set(tagKey, list);
      }
      c.tagList[i] = list;
      let by = authorIndex.get(author);
      if (by === undefined) {
        by = c.authors.length;
        c.authors.push(author);
        authorIndex.set(author, by);
      }
      c.author[i] = by;
      if (updatedAt !== null) c.updatedAt.push([i, updatedAt]);
      if (attributes !== null) {
        const parsed = JSON.parse(attributes) as Record<string, string>;
        if (Object.keys(parsed).length > 0) c.attributes.push([i, parsed]);
      }
      if (sourceStart !== null && sourceEnd !== null) c.sourceRanges.push([i, sourceStart, sourceEnd]);
      if (origin !== null) c.origins.push([i, origin]);
    }
    return c;
  });
}
