// The text of a range of a document's current text, read in SQLite: its
// substr counts characters (code points) as our offsets do, so a quote costs
// no copy of the whole text.

import type { Database } from 'better-sqlite3';
import { NotFoundError } from './errors';

export function quoteOf(db: Database, documentId: string, start: number, end: number): { quote: string; length: number } {
  const row = db.prepare('SELECT substr(current_text, ?, ?) AS quote, current_length AS length FROM documents WHERE id = ?').get(start + 1, end - start, documentId) as
    | { quote: string; length: number }
    | undefined;
  if (!row) throw new NotFoundError(`no document with id ${documentId}`);
  return row;
}
