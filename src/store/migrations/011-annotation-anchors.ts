// Schema v11: an attached annotation of the translation keeps each end as an
// offset into a chunk of the text (v10) instead of an offset into the whole
// text, so a keystroke moves the annotations of the chunk it changed, not
// every annotation after it. Each end: the chunk's row id and the code points
// from that chunk's start (a start in the chunk holding the code point at it,
// an end in the chunk holding the one before it). An end whose chunk is NULL
// is a plain offset: annotations of the source (v8; its text never changes),
// detached annotations (they stay where their text was) and ends on an empty
// text. annotations.start and end go.

import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';

export const annotationAnchors: Migration = {
  version: 11,
  description: 'annotation ends anchored in the chunks of the text',
  up(db: Database) {
    db.exec(`
      DROP INDEX annotations_by_document;
      ALTER TABLE annotations ADD COLUMN start_chunk INTEGER;
      ALTER TABLE annotations ADD COLUMN start_in_chunk INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE annotations ADD COLUMN end_chunk INTEGER;
      ALTER TABLE annotations ADD COLUMN end_in_chunk INTEGER NOT NULL DEFAULT 0;
      -- Plain offsets first; the anchored ones are rewritten below.
      UPDATE annotations SET start_in_chunk = start, end_in_chunk = "end";
    `);
    const layout = db.prepare('SELECT id, length FROM text_chunks WHERE document_id = ? ORDER BY seq').raw(true);
    const write = db.prepare('UPDATE annotations SET start_chunk = ?, start_in_chunk = ?, end_chunk = ?, end_in_chunk = ? WHERE id = ?');
    const annotations = db.prepare(`SELECT id, start, "end" FROM annotations WHERE document_id = ? AND side = 'translation' AND detached = 0`).raw(true);
    for (const documentId of db.prepare('SELECT id FROM documents').pluck().all() as string[]) {
      const chunks = layout.all(documentId) as [number, number][];
      if (chunks.length === 0) continue;
      const starts: number[] = [];
      let total = 0;
      for (const [, length] of chunks) {
        starts.push(total);
        total += length;
      }
      const anchor = (offset: number, isEnd: boolean): [number, number] => {
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >>> 1;
          if (isEnd ? starts[mid]! < offset : starts[mid]! <= offset) lo = mid;
          else hi = mid - 1;
        }
        return [chunks[lo]![0], offset - starts[lo]!];
      };
      for (const [id, start, end] of annotations.all(documentId) as [string, number, number][]) {
        write.run(...anchor(start, false), ...anchor(end, true), id);
      }
    }
    db.exec(`
      ALTER TABLE annotations DROP COLUMN start;
      ALTER TABLE annotations DROP COLUMN "end";
      CREATE INDEX annotations_by_document ON annotations (document_id);
      -- The annotations of one chunk (start_chunk = end_chunk) ending at or after a change, read when it reaches the chunk.
      CREATE INDEX annotations_by_chunk ON annotations (start_chunk, end_chunk, end_in_chunk) WHERE start_chunk IS NOT NULL;
      -- The few attached annotations over more than one chunk (or on an empty text), read whole for every change.
      CREATE INDEX annotations_loose ON annotations (document_id)
        WHERE side = 'translation' AND detached = 0 AND (start_chunk IS NULL OR start_chunk IS NOT end_chunk);
    `);
  },
};
