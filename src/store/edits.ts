// A document's edit history: every change of its current text, in order.

import type { Database } from 'better-sqlite3';
import { EditError } from '../core/edits';
import type { Edit, EditOrigin, TextChange } from '../core/model';
import { codePointLength } from '../core/offsets';
import { AnnotationMapper } from './annotations';
import { touchDocument } from './documents';
import { ConflictError, NotFoundError } from './errors';

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
 * an edit and maps the annotations through it. `baseEditCount` is the number
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
  const row = db.prepare('SELECT current_text, edit_count FROM documents WHERE id = ?').get(documentId) as
    | { current_text: string; edit_count: number }
    | undefined;
  if (!row) throw new NotFoundError(`no document with id ${documentId}`);
  if (row.edit_count !== baseEditCount) {
    throw new ConflictError(`the document has ${row.edit_count} edits but the change was made on a version with ${baseEditCount}; reload it`);
  }
  let text = row.current_text;
  const index = new TextIndex(text);
  const annotations = new AnnotationMapper(db, documentId, changes);
  let seq = row.edit_count;
  const insertEdit = db.prepare(
    'INSERT INTO edits (document_id, seq, start, end, removed, inserted, origin, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const edits: Edit[] = [];
  for (const change of changes) {
    const { start, end } = change;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > index.length) {
      throw new EditError(`change [${start}, ${end}) is outside the text (length ${index.length})`);
    }
    const from = index.toUtf16(start);
    const to = index.toUtf16(end);
    const removed = text.slice(from, to);
    text = text.slice(0, from) + change.inserted + text.slice(to);
    index.replace(from, to, change.inserted, end - start);
    seq += 1;
    const edit: Edit = { seq, start, end, removed, inserted: change.inserted, origin, author, at: now };
    insertEdit.run(documentId, seq, edit.start, edit.end, edit.removed, edit.inserted, origin, author, now);
    const current = text;
    annotations.step(change, codePointLength(change.inserted), (a, b) => current.slice(index.toUtf16(a), index.toUtf16(b)));
    edits.push(edit);
  }
  annotations.finish(now);
  db.prepare('UPDATE documents SET current_text = ?, current_length = ?, edit_count = ?, updated_at = ? WHERE id = ?').run(
    text,
    index.length,
    seq,
    now,
    documentId,
  );
  touchDocument(db, documentId, now);
  return { editCount: seq, length: index.length, updatedAt: now, edits };
}

/**
 * Code point offsets to UTF-16 indices in a text being changed, kept up to
 * date change by change: a change costs its own size and the number of astral
 * characters after it, where a fresh index would read the whole text again.
 */
class TextIndex {
  /** UTF-16 indices at which an astral character (surrogate pair) starts, ascending. */
  private astral: number[];
  /** Length in code points. */
  length: number;

  constructor(text: string) {
    this.astral = astralStarts(text, 0);
    this.length = text.length - this.astral.length;
  }

  /** UTF-16 index of code point offset `cp`. */
  toUtf16(cp: number): number {
    const astral = this.astral;
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (astral[mid]! - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    return cp + lo;
  }

  /** The text's UTF-16 [from, to) (`removedLength` code points) became `inserted`. */
  replace(from: number, to: number, inserted: string, removedLength: number): void {
    const astral = this.astral;
    const first = lowerBound(astral, from);
    const last = lowerBound(astral, to);
    const delta = inserted.length - (to - from);
    const added = astralStarts(inserted, from);
    for (let i = last; i < astral.length; i++) astral[i]! += delta;
    astral.splice(first, last - first, ...added);
    this.length += inserted.length - added.length - removedLength;
  }
}

function astralStarts(text: string, offset: number): number[] {
  const starts: number[] = [];
  if (!/[\uD800-\uDFFF]/.test(text)) return starts;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        starts.push(offset + i);
        i++;
      }
    }
  }
  return starts;
}

/** First index of `sorted` whose value is at least `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
