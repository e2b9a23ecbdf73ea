// Schema v10: texts out of the documents row. A document's current text is
// kept in chunks (text_chunks) and the full-text index has a row per chunk,
// so a keystroke's save rewrites and re-indexes one chunk of about 16k
// characters instead of the whole text; its original moves to
// document_originals, so updating a document's row (edit count, times) no
// longer rewrites the original with it. Existing texts are cut into chunks
// and indexed again; documents.current_text and original_text go, and with
// them migration 2's triggers and document_search. documents.text_version
// is a random number each write of a text's chunks changes, so a connection
// may keep a text's chunk layout and know when it is stale (store/text.ts).

import type { Database } from 'better-sqlite3';
import { codePointLength } from '../../core/offsets';
import type { Migration } from './migration';

// Frozen here rather than imported from text.ts: this migration cuts texts the same way whatever the code does later.
// Any cut works for the store; these match what text.ts writes today.
const CHUNK = 16_384;
const SEQ_STEP = 1 << 16;
const OVERLAP = 1_000;

function cut(text: string): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < text.length; ) {
    let end: number;
    if (text.length - at <= 2 * CHUNK) end = text.length;
    else {
      // Looked for only near the cut: a text without line breaks is not searched end to end per piece.
      const near = text.slice(at + CHUNK / 4, at + 2 * CHUNK);
      const before = near.lastIndexOf('\n', (3 * CHUNK) / 4 - 1);
      const after = near.indexOf('\n', (3 * CHUNK) / 4);
      if (before >= 0) end = at + CHUNK / 4 + before + 1;
      else if (after >= 0) end = at + CHUNK / 4 + after + 1;
      else {
        end = at + CHUNK;
        const c = text.charCodeAt(end - 1);
        if (c >= 0xd800 && c <= 0xdbff) end++;
      }
    }
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}

function overlap(text: string, next: string | undefined): string {
  if (next === undefined || /[\r\n]$/.test(text)) return '';
  const lineEnd = next.search(/[\r\n]/);
  return next.slice(0, lineEnd < 0 ? OVERLAP : Math.min(lineEnd, OVERLAP));
}

export const textChunks: Migration = {
  version: 10,
  description: 'current texts in indexed chunks; originals in a table of their own',
  up(db: Database) {
    db.exec(`
      CREATE TABLE document_originals (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        text TEXT NOT NULL
      ) STRICT;

      -- The chunks in seq order make the current text; seqs have gaps, so a chunk cut in two needs no
      -- renumbering. id is also the chunk's row in documents_fts.
      CREATE TABLE text_chunks (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        -- In code points.
        length INTEGER NOT NULL,
        text TEXT NOT NULL
      ) STRICT;
      -- Covers reading a document's chunk layout without touching the texts.
      CREATE INDEX text_chunks_layout ON text_chunks (document_id, seq, length);

      DROP TRIGGER documents_search_insert;
      DROP TRIGGER documents_search_update;
      DROP TRIGGER documents_search_delete;
      DROP TABLE document_search;
      DROP TABLE documents_fts;
      -- As in migration 2, but a row per chunk (text.ts writes them; a chunk not ending a line is
      -- indexed with the start of the next, so a phrase across the cut is found).
      CREATE VIRTUAL TABLE documents_fts USING fts5(
        text,
        content = '',
        contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      -- A chunk deleted (or its document, by cascade) leaves the index with it.
      CREATE TRIGGER text_chunks_unindex AFTER DELETE ON text_chunks BEGIN
        DELETE FROM documents_fts WHERE rowid = old.id;
      END;
      -- Chunks whose index row is not yet their text (re-indexed when typing moves on, text.ts);
      -- search reads their documents' text whatever the index says.
      CREATE TABLE search_pending (
        chunk_id INTEGER PRIMARY KEY REFERENCES text_chunks(id) ON DELETE CASCADE,
        document_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX search_pending_by_document ON search_pending (document_id);

      INSERT INTO document_originals (document_id, text) SELECT id, original_text FROM documents;
      ALTER TABLE documents ADD COLUMN text_version INTEGER NOT NULL DEFAULT 0;
    `);
    const insert = db.prepare('INSERT INTO text_chunks (document_id, seq, length, text) VALUES (?, ?, ?, ?)');
    const index = db.prepare('INSERT INTO documents_fts (rowid, text) VALUES (?, ?)');
    const read = db.prepare('SELECT current_text FROM documents WHERE id = ?').pluck();
    // One document's text in memory at a time.
    for (const id of db.prepare('SELECT id FROM documents ORDER BY rowid').pluck().all() as string[]) {
      const pieces = cut(read.get(id) as string);
      pieces.forEach((piece, i) => {
        const rowid = insert.run(id, (i + 1) * SEQ_STEP, codePointLength(piece), piece).lastInsertRowid;
        index.run(rowid, piece + overlap(piece, pieces[i + 1]));
      });
    }
    db.exec(`
      ALTER TABLE documents DROP COLUMN current_text;
      ALTER TABLE documents DROP COLUMN original_text;
    `);
  },
};
