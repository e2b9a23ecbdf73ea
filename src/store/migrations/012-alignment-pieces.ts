// Schema v12: a document's alignment moves from one JSON value on its source
// row (rewritten whole by every keystroke) into pieces of consecutive links
// (store/alignment-pieces.ts), each with a shift that edits before it add to.

import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';

/** A link as schema 11 stored it. */
type OldSpan = { start: number; end: number } | null;
/** Links per piece (alignment-pieces.ts PIECE_LINKS then; any size reads back the same). */
const PIECE = 256;

export const alignmentPieces: Migration = {
  version: 12,
  description: 'alignments stored in pieces',
  up(db: Database) {
    db.exec(`
      CREATE TABLE alignment_pieces (
        document_id TEXT NOT NULL REFERENCES document_sources(document_id) ON DELETE CASCADE,
        -- The piece's place in the alignment's order.
        piece INTEGER NOT NULL,
        -- Added to every translation offset of the piece: edits before it move it without rewriting it.
        shift INTEGER NOT NULL,
        -- The smallest start and largest end of the piece's translations (before the shift); NULL when none has one.
        min_start INTEGER,
        max_end INTEGER,
        PRIMARY KEY (document_id, piece)
      ) STRICT, WITHOUT ROWID;
      -- The links apart from the row a keystroke updates, so moving a piece rewrites a few numbers, not its links.
      CREATE TABLE alignment_piece_links (
        document_id TEXT NOT NULL,
        piece INTEGER NOT NULL,
        -- JSON array of links [source, translation], each [start, end] in code points or null.
        links TEXT NOT NULL,
        PRIMARY KEY (document_id, piece),
        FOREIGN KEY (document_id, piece) REFERENCES alignment_pieces(document_id, piece) ON DELETE CASCADE
      ) STRICT;
    `);
    // Written here as schema 12 has it, not through alignment-pieces.ts, which follows later schemas.
    const piece = db.prepare('INSERT INTO alignment_pieces (document_id, piece, shift, min_start, max_end) VALUES (?, ?, 0, ?, ?)');
    const pieceLinks = db.prepare('INSERT INTO alignment_piece_links (document_id, piece, links) VALUES (?, ?, ?)');
    const rows = db.prepare('SELECT document_id, alignment FROM document_sources').all() as { document_id: string; alignment: string }[];
    for (const row of rows) {
      const links = JSON.parse(row.alignment) as { source: OldSpan; translation: OldSpan }[];
      for (let i = 0; i * PIECE < links.length; i++) {
        const part = links.slice(i * PIECE, (i + 1) * PIECE);
        const translations = part.flatMap((l) => (l.translation ? [l.translation] : []));
        const lowest = translations.length > 0 ? Math.min(...translations.map((t) => t.start)) : null;
        const highest = translations.length > 0 ? Math.max(...translations.map((t) => t.end)) : null;
        piece.run(row.document_id, i, lowest, highest);
        pieceLinks.run(row.document_id, i, JSON.stringify(part.map((l) => [l.source && [l.source.start, l.source.end], l.translation && [l.translation.start, l.translation.end]])));
      }
    }
    db.exec('ALTER TABLE document_sources DROP COLUMN alignment');
  },
};
