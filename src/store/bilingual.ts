// A document's source, its alignment with the translation, and the exchange
// file it came in; and the workspace's glossary. Call the writers inside a
// transaction: each checks everything before it writes.

import type { Database } from 'better-sqlite3';
import { AlignmentError, alignmentProblem } from '../core/bilingual/alignment-edits';
import type { GlossaryEntry } from '../core/bilingual/glossary';
import type { AlignmentLink, BilingualSource, ExchangeFormat } from '../core/bilingual/types';
import { codePointLength, hasLoneSurrogate } from '../core/offsets';
import { readAlignment, writeAlignment } from './alignment-pieces';
import { NotFoundError } from './errors';

export type DocumentSource = BilingualSource;

/** A BCP 47 tag as far as a store can tell: letters, digits and hyphens in 1–8 character parts. */
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;
export const MAX_GLOSSARY_ENTRIES = 100_000;
export const MAX_TERM_LENGTH = 1000;

export function isLanguageTag(tag: string): boolean {
  return tag.length <= 64 && LANGUAGE_TAG.test(tag);
}

interface SourceRow {
  text: string;
  language: string;
  exchange_format: ExchangeFormat | null;
  exchange_text: string | null;
}

export function getSource(db: Database, documentId: string): DocumentSource | null {
  const row = db.prepare('SELECT text, language, exchange_format, exchange_text FROM document_sources WHERE document_id = ?').get(documentId) as
    | SourceRow
    | undefined;
  if (!row) return null;
  return {
    text: row.text,
    language: row.language,
    alignment: readAlignment(db, documentId),
    exchange: row.exchange_format !== null && row.exchange_text !== null ? { format: row.exchange_format, text: row.exchange_text } : null,
  };
}

function currentLength(db: Database, documentId: string): number {
  const row = db.prepare('SELECT current_length FROM documents WHERE id = ?').get(documentId) as { current_length: number } | undefined;
  if (!row) throw new NotFoundError(`no document with id ${documentId}`);
  return row.current_length;
}

/**
 * Gives a document its source (or replaces it). Throws an AlignmentError,
 * writing nothing, when the language is not a tag, the text is not text, or
 * the alignment does not fit the source and the document's current text.
 */
export function setSource(db: Database, documentId: string, source: DocumentSource, now = new Date().toISOString()): void {
  const translationLength = currentLength(db, documentId);
  if (!isLanguageTag(source.language)) throw new AlignmentError(`"${source.language}" is not a language tag (BCP 47, such as zh or zh-Hans)`);
  if (source.text.length === 0) throw new AlignmentError('the source is empty');
  if (hasLoneSurrogate(source.text) || source.text.includes('\u0000')) throw new AlignmentError('the source holds a lone surrogate or a NUL character, which is not text');
  if (source.exchange && hasLoneSurrogate(source.exchange.text)) throw new AlignmentError('the exchange file holds a lone surrogate');
  const length = codePointLength(source.text);
  const problem = alignmentProblem(source.alignment, length, translationLength);
  if (problem) throw new AlignmentError(problem);
  // Annotations of the source and source ranges are offsets into this text: another text would misplace them.
  const before = db.prepare('SELECT text FROM document_sources WHERE document_id = ?').get(documentId) as { text: string } | undefined;
  if (before && before.text !== source.text) {
    const anchored = db.prepare("SELECT count(*) AS n FROM annotations WHERE document_id = ? AND (side = 'source' OR source_start IS NOT NULL)").get(documentId) as { n: number };
    if (anchored.n > 0) throw new AlignmentError(`${anchored.n} annotation(s) are anchored in the present source; delete them or their source ranges before giving another source`);
  }
  db.prepare(
    `INSERT INTO document_sources (document_id, text, length, language, exchange_format, exchange_text, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET text = excluded.text, length = excluded.length, language = excluded.language,
       exchange_format = excluded.exchange_format, exchange_text = excluded.exchange_text, updated_at = excluded.updated_at`,
  ).run(documentId, source.text, length, source.language, source.exchange?.format ?? null, source.exchange?.text ?? null, now);
  writeAlignment(db, documentId, source.alignment);
  // The document's own column says where it was translated from, for the library and the exports.
  db.prepare('UPDATE documents SET source_language = ? WHERE id = ?').run(source.language, documentId);
}

/** Replaces a document's alignment after checking it fits both texts; throws NotFoundError when it has no source. */
export function setAlignment(db: Database, documentId: string, alignment: readonly AlignmentLink[], now = new Date().toISOString()): AlignmentLink[] {
  const translationLength = currentLength(db, documentId);
  const row = db.prepare('SELECT length FROM document_sources WHERE document_id = ?').get(documentId) as { length: number } | undefined;
  if (!row) throw new NotFoundError(`document ${documentId} has no source`);
  const problem = alignmentProblem(alignment, row.length, translationLength);
  if (problem) throw new AlignmentError(problem);
  db.prepare('UPDATE document_sources SET updated_at = ? WHERE document_id = ?').run(now, documentId);
  writeAlignment(db, documentId, alignment);
  return readAlignment(db, documentId);
}

export function listGlossary(db: Database): GlossaryEntry[] {
  const rows = db.prepare('SELECT source, target, forbidden, note FROM glossary_entries ORDER BY position').all() as {
    source: string;
    target: string;
    forbidden: string;
    note: string;
  }[];
  return rows.map((r) => ({ source: r.source, target: r.target, forbidden: JSON.parse(r.forbidden) as string[], note: r.note }));
}

/**
 * Adds entries to the glossary (or, with `replace`, makes them the whole
 * glossary). An entry with the source and target of one already there
 * replaces it. Checks every entry before writing any.
 */
export function importGlossary(db: Database, entries: readonly GlossaryEntry[], replace: boolean): { added: number; total: number } {
  for (const [i, e] of entries.entries()) {
    for (const value of [e.source, e.target, e.note, ...e.forbidden]) {
      if (value.length > MAX_TERM_LENGTH) throw new AlignmentError(`glossary entry ${i + 1}: a term or note is longer than ${MAX_TERM_LENGTH} characters`);
      if (hasLoneSurrogate(value) || value.includes('\u0000')) throw new AlignmentError(`glossary entry ${i + 1}: holds a lone surrogate or a NUL character`);
    }
    if (e.source.trim() === '' || e.target.trim() === '') throw new AlignmentError(`glossary entry ${i + 1}: a source term and its required translation are both needed`);
  }
  if (replace) db.prepare('DELETE FROM glossary_entries').run();
  const before = (db.prepare('SELECT count(*) AS n FROM glossary_entries').get() as { n: number }).n;
  const next = (db.prepare('SELECT coalesce(max(position), -1) + 1 AS p FROM glossary_entries').get() as { p: number }).p;
  const upsert = db.prepare(
    `INSERT INTO glossary_entries (source, target, forbidden, note, position) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (source, target) DO UPDATE SET forbidden = excluded.forbidden, note = excluded.note`,
  );
  entries.forEach((e, i) => upsert.run(e.source, e.target, JSON.stringify(e.forbidden), e.note, next + i));
  const total = (db.prepare('SELECT count(*) AS n FROM glossary_entries').get() as { n: number }).n;
  if (total > MAX_GLOSSARY_ENTRIES) throw new AlignmentError(`a glossary holds at most ${MAX_GLOSSARY_ENTRIES} entries (this import would make ${total})`);
  return { added: total - before, total };
}
