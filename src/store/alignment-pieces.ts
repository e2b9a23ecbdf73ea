// A document's alignment, stored in pieces of consecutive links, so a keystroke
// rewrites only the pieces whose translation ranges it touches: the pieces
// after it only move, by a number added to their `shift`. As one JSON value,
// every keystroke re-read and rewrote all of it (24 ms a keystroke for a 5 MB
// document aligned line by line).

import type { Database } from 'better-sqlite3';
import { mapAlignment } from '../core/bilingual/follow-edits';
import type { AlignmentLink, Span } from '../core/bilingual/types';
import type { TextChange } from '../core/model';
import { codePointLength } from '../core/offsets';
import { statement } from './statements';

/** Links per piece: what one keystroke may have to rewrite. */
export const PIECE_LINKS = 256;

/** A stored span: [start, end]. */
type StoredSpan = [number, number] | null;
/** A stored link: [source, translation], the translation without its piece's shift. */
type StoredLink = [StoredSpan, StoredSpan];

interface PieceRow {
  piece: number;
  shift: number;
  links: string;
}

const toStored = (span: Span | null, shift = 0): StoredSpan => (span ? [span.start - shift, span.end - shift] : null);
const fromStored = (span: StoredSpan, shift = 0): Span | null => (span ? { start: span[0] + shift, end: span[1] + shift } : null);

/** The piece's row values for `links` (their translations as they are now: shift 0). */
function pieceValues(links: readonly AlignmentLink[]): { json: string; minStart: number | null; maxEnd: number | null } {
  let minStart: number | null = null;
  let maxEnd: number | null = null;
  for (const { translation } of links) {
    if (!translation) continue;
    if (minStart === null || translation.start < minStart) minStart = translation.start;
    if (maxEnd === null || translation.end > maxEnd) maxEnd = translation.end;
  }
  const stored: StoredLink[] = links.map((l) => [toStored(l.source), toStored(l.translation)]);
  return { json: JSON.stringify(stored), minStart, maxEnd };
}

function parsePiece(row: PieceRow): AlignmentLink[] {
  return (JSON.parse(row.links) as StoredLink[]).map(([source, translation]) => ({ source: fromStored(source), translation: fromStored(translation, row.shift) }));
}

/** Replaces the document's alignment with `links`, in order. */
export function writeAlignment(db: Database, documentId: string, links: readonly AlignmentLink[]): void {
  db.prepare('DELETE FROM alignment_pieces WHERE document_id = ?').run(documentId);
  const insert = db.prepare('INSERT INTO alignment_pieces (document_id, piece, shift, min_start, max_end) VALUES (?, ?, 0, ?, ?)');
  const insertLinks = db.prepare('INSERT INTO alignment_piece_links (document_id, piece, links) VALUES (?, ?, ?)');
  for (let i = 0; i * PIECE_LINKS < links.length; i++) {
    const { json, minStart, maxEnd } = pieceValues(links.slice(i * PIECE_LINKS, (i + 1) * PIECE_LINKS));
    insert.run(documentId, i, minStart, maxEnd);
    insertLinks.run(documentId, i, json);
  }
}

/** The document's alignment, in order ([] when it has none). */
export function readAlignment(db: Database, documentId: string): AlignmentLink[] {
  const rows = db
    .prepare('SELECT p.piece, p.shift, l.links FROM alignment_pieces p JOIN alignment_piece_links l USING (document_id, piece) WHERE p.document_id = ? ORDER BY p.piece')
    .all(documentId) as PieceRow[];
  return rows.flatMap(parsePiece);
}

/**
 * Maps the alignment's translation side through `changes` (each in the
 * coordinates the previous left), by the annotations' rule (mapAlignment). A
 * link whose translation starts at or after a change's end only moves by the
 * change's length difference (core/mapping.ts mapPosition), and one that ends at
 * or before its start does not move: only pieces with a link in between are
 * read and rewritten.
 */
export function mapStoredAlignment(db: Database, documentId: string, changes: readonly TextChange[]): void {
  const touched = statement(
    db,
    `SELECT p.piece, p.shift, l.links FROM alignment_pieces p JOIN alignment_piece_links l USING (document_id, piece)
     WHERE p.document_id = ? AND p.min_start + p.shift < ? AND p.max_end + p.shift > ? ORDER BY p.piece`,
  );
  const move = statement(db, 'UPDATE alignment_pieces SET shift = shift + ? WHERE document_id = ? AND min_start + shift >= ?');
  const rewrite = statement(db, 'UPDATE alignment_pieces SET shift = 0, min_start = ?, max_end = ? WHERE document_id = ? AND piece = ?');
  const rewriteLinks = statement(db, 'UPDATE alignment_piece_links SET links = ? WHERE document_id = ? AND piece = ?');
  const remove = statement(db, 'DELETE FROM alignment_pieces WHERE document_id = ? AND piece = ?');
  for (const change of changes) {
    // Read before moving: moved pieces must not be taken for touched ones.
    const rows = touched.all(documentId, change.end, change.start) as PieceRow[];
    const delta = codePointLength(change.inserted) - (change.end - change.start);
    if (delta !== 0) move.run(delta, documentId, change.end);
    for (const row of rows) {
      const links = mapAlignment(parsePiece(row), change);
      if (links.length === 0) {
        remove.run(documentId, row.piece);
        continue;
      }
      const { json, minStart, maxEnd } = pieceValues(links);
      rewrite.run(minStart, maxEnd, documentId, row.piece);
      rewriteLinks.run(json, documentId, row.piece);
    }
  }
}
