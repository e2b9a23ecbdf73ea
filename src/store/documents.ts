// Documents: the immutable original, the current text, and their metadata.

import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { sha256Hex } from '../core/hash';
import type { CurrentDocument, DocumentRecord, DocumentStatus, DocumentSummary } from '../core/model';
import { codePointLength } from '../core/offsets';
import { NotFoundError } from './errors';
import { oneSnapshot } from './statements';
import { readOriginal, readText, writeOriginal, writeText } from './text';

interface DocumentRow {
  id: string;
  title: string;
  source_name: string | null;
  sha256: string;
  source_language: string | null;
  target_language: string | null;
  created_at: string;
  updated_at: string;
  current_length: number;
  edit_count: number;
  annotation_count: number;
  relation_count: number;
  status: DocumentStatus;
}

const SUMMARY_COLUMNS = `d.id, d.title, d.source_name, d.sha256, d.source_language, d.target_language,
  d.created_at, d.updated_at, d.current_length, d.edit_count, d.status,
  (SELECT count(*) FROM annotations a WHERE a.document_id = d.id) AS annotation_count,
  (SELECT count(*) FROM relations r WHERE r.document_id = d.id) AS relation_count`;

function toSummary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    sourceName: row.source_name,
    sha256: row.sha256,
    sourceLanguage: row.source_language,
    targetLanguage: row.target_language,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    length: row.current_length,
    editCount: row.edit_count,
    annotationCount: row.annotation_count,
    relationCount: row.relation_count,
    status: row.status,
  };
}

export interface NewDocument {
  id?: string;
  title: string;
  text: string;
  sourceName?: string | null;
  sourceLanguage?: string | null;
  targetLanguage?: string | null;
}

/** A new document with its text's SHA-256, ready to insert inside a transaction (hashing is asynchronous, a transaction is not). */
export interface HashedDocument extends NewDocument {
  sha256: string;
}

export async function hashDocument(doc: NewDocument): Promise<HashedDocument> {
  return { ...doc, sha256: await sha256Hex(doc.text) };
}

/** Writes the document's row, original and chunked text together (in the caller's transaction, or one of its own). */
export function insertDocument(db: Database, doc: HashedDocument, now = new Date().toISOString()): DocumentSummary {
  const id = doc.id ?? randomUUID();
  return db.transaction(() => {
    db.prepare(
      `INSERT INTO documents (id, title, source_name, sha256, source_language, target_language,
         current_length, edit_count, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
    ).run(id, doc.title, doc.sourceName ?? null, doc.sha256, doc.sourceLanguage ?? null, doc.targetLanguage ?? null, codePointLength(doc.text), now, now);
    writeOriginal(db, id, doc.text);
    writeText(db, id, doc.text);
    return getDocumentSummary(db, id);
  })();
}

export function listDocuments(db: Database): DocumentSummary[] {
  const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d ORDER BY d.updated_at DESC, d.title`).all() as DocumentRow[];
  return rows.map(toSummary);
}

export function getDocumentSummary(db: Database, id: string): DocumentSummary {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.id = ?`).get(id) as DocumentRow | undefined;
  if (!row) throw new NotFoundError(`no document with id ${id}`);
  return toSummary(row);
}

export function documentExists(db: Database, id: string): boolean {
  return db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id) !== undefined;
}

export function getDocument(db: Database, id: string): DocumentRecord {
  // The summary (length, edit count) and the texts from one state of the workspace.
  return oneSnapshot(db, () => ({ ...getDocumentSummary(db, id), originalText: readOriginal(db, id) ?? '', text: readText(db, id) }));
}

/** The document with its current text only: what opening it needs. */
export function getCurrentDocument(db: Database, id: string): CurrentDocument {
  return oneSnapshot(db, () => ({ ...getDocumentSummary(db, id), text: readText(db, id) }));
}

export function renameDocument(db: Database, id: string, title: string, now = new Date().toISOString()): DocumentSummary {
  const result = db.prepare('UPDATE documents SET title = ?, updated_at = ? WHERE id = ?').run(title, now, id);
  if (result.changes === 0) throw new NotFoundError(`no document with id ${id}`);
  return getDocumentSummary(db, id);
}

export function deleteDocument(db: Database, id: string): void {
  const result = db.prepare('DELETE FROM documents WHERE id = ?').run(id);
  if (result.changes === 0) throw new NotFoundError(`no document with id ${id}`);
}

export function setDocumentStatus(db: Database, id: string, status: DocumentStatus, now = new Date().toISOString()): DocumentSummary {
  const result = db.prepare('UPDATE documents SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
  if (result.changes === 0) throw new NotFoundError(`no document with id ${id}`);
  return getDocumentSummary(db, id);
}

/**
 * Marks a document as just worked on (its annotations or text changed): the
 * library's "Last change" moves, and a new document is now in progress.
 */
export function touchDocument(db: Database, id: string, now: string): void {
  db.prepare(`UPDATE documents SET updated_at = ?, status = CASE status WHEN 'new' THEN 'in-progress' ELSE status END WHERE id = ?`).run(now, id);
}
