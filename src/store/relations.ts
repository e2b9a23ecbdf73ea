// Relations between annotations and the relation types of the taxonomy.
// Every write is checked against core's relation rules first.

import type { Database } from 'better-sqlite3';
import { relationContext, RelationError, relationProblems, type Relation, type RelationType } from '../core/relations';
import { listAnnotations } from './annotations';
import { NotFoundError } from './errors';

interface RelationTypeRow {
  id: string;
  name: string;
  color: string;
  key: string | null;
  description: string;
  source_tag_ids: string | null;
  target_tag_ids: string | null;
}

interface RelationRow {
  id: string;
  document_id: string;
  source_id: string;
  target_id: string;
  type_id: string;
  note: string;
  attributes: string;
  author: string;
  created_at: string;
  updated_at: string;
}

const tagList = (json: string | null): string[] | null => (json === null ? null : (JSON.parse(json) as string[]));

function toRelationType(row: RelationTypeRow): RelationType {
  return { id: row.id, name: row.name, color: row.color, key: row.key, description: row.description, sourceTagIds: tagList(row.source_tag_ids), targetTagIds: tagList(row.target_tag_ids) };
}

function toRelation(row: RelationRow): Relation {
  return {
    id: row.id,
    documentId: row.document_id,
    sourceId: row.source_id,
    targetId: row.target_id,
    typeId: row.type_id,
    note: row.note,
    attributes: JSON.parse(row.attributes) as Record<string, string>,
    author: row.author,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listRelationTypes(db: Database): RelationType[] {
  return (db.prepare('SELECT * FROM relation_types ORDER BY position, name').all() as RelationTypeRow[]).map(toRelationType);
}

/** Inserts a relation type as given (its id kept), after the others. */
export function insertRelationType(db: Database, type: RelationType, now: string): RelationType {
  const { n } = db.prepare('SELECT coalesce(max(position) + 1, 0) AS n FROM relation_types').get() as { n: number };
  db.prepare(
    `INSERT INTO relation_types (id, name, color, key, description, source_tag_ids, target_tag_ids, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(type.id, type.name, type.color, type.key, type.description, type.sourceTagIds && JSON.stringify(type.sourceTagIds), type.targetTagIds && JSON.stringify(type.targetTagIds), n, now);
  return type;
}

/** A document's relations, oldest first. */
export function listRelations(db: Database, documentId: string): Relation[] {
  return (db.prepare('SELECT * FROM relations WHERE document_id = ? ORDER BY created_at, id').all(documentId) as RelationRow[]).map(toRelation);
}

export function getRelation(db: Database, id: string): Relation {
  const row = db.prepare('SELECT * FROM relations WHERE id = ?').get(id) as RelationRow | undefined;
  if (!row) throw new NotFoundError(`no relation with id ${id}`);
  return toRelation(row);
}

/** Throws a RelationError if `relation` breaks a rule against the document's annotations and the types. */
function check(db: Database, relation: Relation): void {
  const problems = relationProblems(relation, relationContext(listAnnotations(db, relation.documentId), listRelationTypes(db)));
  if (problems.length > 0) throw new RelationError(problems);
}

/** Inserts a relation as given (ids and times kept, so undo can restore one), after checking it. */
export function insertRelation(db: Database, relation: Relation): Relation {
  check(db, relation);
  db.prepare(
    `INSERT INTO relations (id, document_id, source_id, target_id, type_id, note, attributes, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(relation.id, relation.documentId, relation.sourceId, relation.targetId, relation.typeId, relation.note, JSON.stringify(relation.attributes), relation.author, relation.createdAt, relation.updatedAt);
  return getRelation(db, relation.id);
}

export interface RelationChanges {
  typeId?: string;
  sourceId?: string;
  targetId?: string;
  note?: string;
  attributes?: Record<string, string>;
}

/** Changes only the fields given, so two windows editing one relation keep each other's fields. */
export function updateRelation(db: Database, id: string, changes: RelationChanges, now: string): Relation {
  const next = { ...getRelation(db, id), ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)), updatedAt: now } as Relation;
  check(db, next);
  db.prepare('UPDATE relations SET source_id = ?, target_id = ?, type_id = ?, note = ?, attributes = ?, updated_at = ? WHERE id = ?').run(
    next.sourceId,
    next.targetId,
    next.typeId,
    next.note,
    JSON.stringify(next.attributes),
    now,
    id,
  );
  return getRelation(db, id);
}

export function deleteRelation(db: Database, id: string): void {
  const { changes } = db.prepare('DELETE FROM relations WHERE id = ?').run(id);
  if (changes === 0) throw new NotFoundError(`no relation with id ${id}`);
}

/** How many relations the workspace holds, for the library. */
export function countRelations(db: Database, documentId?: string): number {
  const row = (documentId === undefined ? db.prepare('SELECT count(*) AS n FROM relations').get() : db.prepare('SELECT count(*) AS n FROM relations WHERE document_id = ?').get(documentId)) as { n: number };
  return row.n;
}

/** Writes a relation type's fields (its id and place kept). */
export function updateRelationType(db: Database, type: RelationType): RelationType {
  const { changes } = db
    .prepare('UPDATE relation_types SET name = ?, color = ?, key = ?, description = ?, source_tag_ids = ?, target_tag_ids = ? WHERE id = ?')
    .run(type.name, type.color, type.key, type.description, type.sourceTagIds && JSON.stringify(type.sourceTagIds), type.targetTagIds && JSON.stringify(type.targetTagIds), type.id);
  if (changes === 0) throw new NotFoundError(`no relation type with id ${type.id}`);
  return getRelationType(db, type.id);
}

export function getRelationType(db: Database, id: string): RelationType {
  const row = db.prepare('SELECT * FROM relation_types WHERE id = ?').get(id) as RelationTypeRow | undefined;
  if (!row) throw new NotFoundError(`no relation type with id ${id}`);
  return toRelationType(row);
}

/** How many relations, in all documents, are of the type. */
export function countRelationTypeUsage(db: Database, id: string): number {
  return (db.prepare('SELECT count(*) AS n FROM relations WHERE type_id = ?').get(id) as { n: number }).n;
}

/** Deletes a relation type and every relation of it; answers how many relations went with it. */
export function deleteRelationType(db: Database, id: string): number {
  getRelationType(db, id);
  const { changes } = db.prepare('DELETE FROM relations WHERE type_id = ?').run(id);
  db.prepare('DELETE FROM relation_types WHERE id = ?').run(id);
  return changes;
}
