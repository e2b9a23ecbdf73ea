// The text of a range of a document's current text, read from the chunks
// that hold it: a quote costs no copy of the whole text.

import type { Database } from 'better-sqlite3';
import { NotFoundError } from './errors';
import { oneSnapshot, statement } from './statements';
import { StoredText } from './text';

export function quoteOf(db: Database, documentId: string, start: number, end: number): { quote: string; length: number } {
  return oneSnapshot(db, () => {
    const length = statement(db, 'SELECT current_length FROM documents WHERE id = ?').pluck().get(documentId) as number | undefined;
    if (length === undefined) throw new NotFoundError(`no document with id ${documentId}`);
    return { quote: StoredText.open(db, documentId).slice(start, Math.min(end, length)), length };
  });
}
