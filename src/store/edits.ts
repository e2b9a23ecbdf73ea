// A document's edit history: every change of its current text, in order.

import type { Database } from 'better-sqlite3';
import { mapRange, type Range } from '../core/mapping';
import type { Edit, EditOrigin, TextChange } from '../core/model';
import { codePointLength } from '../core/offsets';
import { AnnotationMapper } from './annotations';
import { mapStoredAlignment } from './alignment-pieces';
import { touchDocument } from './documents';
import { ConflictError, NotFoundError } from './errors';
import { StoredText } from './text';
import { statement } from './statements';

interface EditRow {
  seq: number;
  start: number;
  end: number;
  removed: string;
  inserted: string;
  origin: string;
  author: string;
  at: string;
}

export function listEdits(db: Database, documentId: string): Edit[] {
  const rows = db
    .prepare('SELECT seq, start, end, removed, inserted, origin, author, at FROM edits WHERE document_id = ? ORDER BY seq')
    .all(documentId) as EditRow[];
  return rows.map((r) => ({ ...r, origin: r.origin as EditOrigin }));
}

export interface AppendResult {
  editCount: number;
  /** Length of the new current text, in code points. */
  length: number;
  updatedAt: string;
  edits: Edit[];
}

/**
 * Applies `changes` in order to the document's current text, records each as
 * an edit and maps the annotations (and a source's alignment) through it. `baseEditCount` is the number
 * of edits the caller's text reflects: a mismatch means the caller is behind.
 * Call inside a transaction.
 */
export function appendEdits(
  db: Database,
  documentId: string,
  baseEditCount: number,
  changes: readonly TextChange[],
  origin: EditOrigin,
  author: string,
  now = new Date().toISOString(),
): AppendResult {
  const row = statement(db, 'SELECT edit_count FROM documents WHERE id = ?').get(documentId) as { edit_count: number } | undefined;
  if (!row) throw new NotFoundError(`no document with id ${documentId}`);
  if (row.edit_count !== baseEditCount) {
    throw new ConflictError(`the document has ${row.edit_count} edits but the change was made on a version with ${baseEditCount}; reload it`);
  }
  // Only the chunks the changes reach are read, rewritten and re-indexed, and only their annotations moved.
  const text = StoredText.open(db, documentId);
  const annotations = new AnnotationMapper(db, documentId, changes, text.layout());
  let seq = row.edit_count;
  const insertEdit = statement(db, 'INSERT INTO edits (document_id, seq, start, end, removed, inserted, origin, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const edits: Edit[] = [];
  for (const change of changes) {
    const removed = text.apply(change);
    seq += 1;
    const edit: Edit = { seq, start: change.start, end: change.end, removed, inserted: change.inserted, origin, author, at: now };
    insertEdit.run(documentId, seq, edit.start, edit.end, edit.removed, edit.inserted, origin, author, now);
    annotations.step(change, codePointLength(change.inserted), removed);
    edits.push(edit);
  }
  text.save();
  annotations.finish(now, text.layout(), (start, end) => text.slice(start, end));
  // A source's alignment follows the translation's edits by the annotations' rule.
  mapStoredAlignment(db, documentId, changes);
  statement(db, 'UPDATE documents SET current_length = ?, edit_count = ?, updated_at = ? WHERE id = ?').run(text.length, seq, now, documentId);
  touchDocument(db, documentId, now);
  return { editCount: seq, length: text.length, updatedAt: now, edits };
}

/**
 * A range computed on the document's text after `baseEditCount` edits, on its
 * current text: mapped through every edit since by the rule that keeps stored
 * annotations on their text (core/mapping), so it covers the same words. A
 * conflict when the document never had that version, or when every character
 * of the range was deleted since: a range is never stored on other text.
 * Not ok when the range ends beyond that version's text (its length given).
 */
export function rangeOnCurrentText(db: Database, documentId: string, baseEditCount: number, range: Range): { ok: true; range: Range } | { ok: false; length: number } {
  const row = db.prepare('SELECT edit_count, current_length FROM documents WHERE id = ?').get(documentId) as { edit_count: number; current_length: number } | undefined;
  if (!row) throw new NotFoundError(`no document with id ${documentId}`);
  if (baseEditCount > row.edit_count) {
    throw new ConflictError(`the document has ${row.edit_count} edits, fewer than the ${baseEditCount} the range was computed on; reload it`);
  }
  const since = db.prepare('SELECT start, end, inserted FROM edits WHERE document_id = ? AND seq > ? ORDER BY seq').all(documentId, baseEditCount) as TextChange[];
  const lengths = since.map((c) => codePointLength(c.inserted));
  const baseLength = since.reduce((length, c, i) => length - (lengths[i]! - (c.end - c.start)), row.current_length);
  if (range.end > baseLength) return { ok: false, length: baseLength };
  let mapped: Range | null = range;
  for (const [i, change] of since.entries()) {
    mapped = mapRange(mapped, change, lengths[i]);
    if (!mapped) throw new ConflictError(`the text of [${range.start}, ${range.end}) was deleted in another window since; reload it`);
  }
  return { ok: true, range: mapped };
}
