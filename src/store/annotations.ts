// Annotations: ranges of a document's current text with tags, note and
// attributes, kept anchored as the text changes.

import type { Database } from 'better-sqlite3';
import { mapRange } from '../core/edits';
import type { Annotation, TextChange } from '../core/model';
import type { CodePointIndex } from '../core/offsets';
import { NotFoundError } from './errors';

interface AnnotationRow {
  id: string;
  document_id: string;
  start: number;
  end: number;
  quote: string;
  note: string;
  attributes: string;
  author: string;
  created_at: string;
  updated_at: string;
  detached: number;
  tag_ids: string | null;
}

const SELECT = `SELECT a.*,
    (SELECT group_concat(tag_id, char(31)) FROM (SELECT tag_id FROM annotation_tags t WHERE t.annotation_id = a.id ORDER BY position)) AS tag_ids
  FROM annotations a`;

function toAnnotation(row: AnnotationRow): Annotation {
  return {
    id: row.id,
    documentId: row.document_id,
    start: row.start,
    end: row.end,
    quote: row.quote,
    tagIds: row.tag_ids ? row.tag_ids.split('\u001f') : [],
    note: row.note,
    attributes: JSON.parse(row.attributes) as Record<string, string>,
    author: row.author,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    detached: row.detached === 1,
  };
}

export function listAnnotations(db: Database, documentId: string): Annotation[] {
  const rows = db.prepare(`${SELECT} WHERE a.document_id = ? ORDER BY a.start, a.end DESC, a.id`).all(documentId) as AnnotationRow[];
  return rows.map(toAnnotation);
}

export function getAnnotation(db: Database, id: string): Annotation {
  const row = db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AnnotationRow | undefined;
  if (!row) throw new NotFoundError(`no annotation with id ${id}`);
  return toAnnotation(row);
}

/** Inserts an annotation exactly as given (ids kept, so undo can restore one). */
export function insertAnnotation(db: Database, a: Annotation): void {
  db.prepare(
    `INSERT INTO annotations (id, document_id, start, end, quote, note, attributes, author, created_at, updated_at, detached)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(a.id, a.documentId, a.start, a.end, a.quote, a.note, JSON.stringify(a.attributes), a.author, a.createdAt, a.updatedAt, a.detached ? 1 : 0);
  setAnnotationTags(db, a.id, a.tagIds);
}

export function setAnnotationTags(db: Database, annotationId: string, tagIds: readonly string[]): void {
  db.prepare('DELETE FROM annotation_tags WHERE annotation_id = ?').run(annotationId);
  const insert = db.prepare('INSERT INTO annotation_tags (annotation_id, tag_id, position) VALUES (?, ?, ?)');
  [...new Set(tagIds)].forEach((tagId, position) => insert.run(annotationId, tagId, position));
}

export interface AnnotationChanges {
  start?: number;
  end?: number;
  quote?: string;
  note?: string;
  attributes?: Record<string, string>;
  tagIds?: readonly string[];
  detached?: boolean;
}

export function updateAnnotation(db: Database, id: string, changes: AnnotationChanges, now: string): void {
  const current = getAnnotation(db, id);
  db.prepare(
    `UPDATE annotations SET start = ?, end = ?, quote = ?, note = ?, attributes = ?, detached = ?, updated_at = ? WHERE id = ?`,
  ).run(
    changes.start ?? current.start,
    changes.end ?? current.end,
    changes.quote ?? current.quote,
    changes.note ?? current.note,
    JSON.stringify(changes.attributes ?? current.attributes),
    (changes.detached ?? current.detached) ? 1 : 0,
    now,
    id,
  );
  if (changes.tagIds) setAnnotationTags(db, id, changes.tagIds);
}

export function deleteAnnotation(db: Database, id: string): void {
  const result = db.prepare('DELETE FROM annotations WHERE id = ?').run(id);
  if (result.changes === 0) throw new NotFoundError(`no annotation with id ${id}`);
}

/**
 * Maps a document's attached annotations through one change already applied
 * to the text: those after it shift in one statement, those it touches are
 * mapped one by one (and detached when all their text went).
 */
export function mapAnnotationsThroughChange(db: Database, documentId: string, change: TextChange, insertedLength: number, newText: string, newIndex: CodePointIndex, now: string): void {
  const delta = insertedLength - (change.end - change.start);
  const touched = db
    .prepare('SELECT id, start, end FROM annotations WHERE document_id = ? AND detached = 0 AND start <= ? AND end >= ?')
    .all(documentId, change.end, change.start) as { id: string; start: number; end: number }[];
  if (delta !== 0) {
    db.prepare('UPDATE annotations SET start = start + ?, end = end + ? WHERE document_id = ? AND detached = 0 AND start > ?').run(delta, delta, documentId, change.end);
  }
  const update = db.prepare('UPDATE annotations SET start = ?, end = ?, quote = ?, detached = ?, updated_at = ? WHERE id = ?');
  for (const a of touched) {
    const mapped = mapRange(a, change, insertedLength);
    if (mapped) {
      const quote = newText.slice(newIndex.toUtf16(mapped.start), newIndex.toUtf16(mapped.end));
      update.run(mapped.start, mapped.end, quote, 0, now, a.id);
    } else {
      // Keep the last quote so the user can see what it was and re-attach it.
      const at = change.start + insertedLength;
      db.prepare('UPDATE annotations SET start = ?, end = ?, detached = 1, updated_at = ? WHERE id = ?').run(at, at, now, a.id);
    }
  }
}
