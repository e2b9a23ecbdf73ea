// Tags: the workspace's taxonomy of labels.

import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Tag } from '../core/model';
import { NotFoundError } from './errors';
import { statement } from './statements';

interface TagRow {
  id: string;
  name: string;
  color: string;
  parent_id: string | null;
  key: string | null;
  description: string;
}

function toTag(row: TagRow): Tag {
  return { id: row.id, name: row.name, color: row.color, parentId: row.parent_id, key: row.key, description: row.description };
}

export function listTags(db: Database): Tag[] {
  const rows = db.prepare('SELECT id, name, color, parent_id, key, description FROM tags ORDER BY position, name').all() as TagRow[];
  return rows.map(toTag);
}

export function getTag(db: Database, id: string): Tag {
  const row = statement(db, 'SELECT id, name, color, parent_id, key, description FROM tags WHERE id = ?').get(id) as TagRow | undefined;
  if (!row) throw new NotFoundError(`no tag with id ${id}`);
  return toTag(row);
}

export type NewTag = Omit<Tag, 'id'> & { id?: string };

export function insertTag(db: Database, tag: NewTag, now = new Date().toISOString()): Tag {
  const id = tag.id ?? randomUUID();
  const position = (db.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM tags').get() as { p: number }).p;
  db.prepare('INSERT INTO tags (id, name, color, parent_id, key, description, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    id,
    tag.name,
    tag.color,
    tag.parentId,
    tag.key,
    tag.description,
    position,
    now,
  );
  return getTag(db, id);
}

export function updateTag(db: Database, id: string, changes: Partial<Omit<Tag, 'id'>>): Tag {
  const current = getTag(db, id);
  const next = { ...current, ...changes };
  db.prepare('UPDATE tags SET name = ?, color = ?, parent_id = ?, key = ?, description = ? WHERE id = ?').run(
    next.name,
    next.color,
    next.parentId,
    next.key,
    next.description,
    id,
  );
  return getTag(db, id);
}

/** What deleting a tag takes with it: the tag and every tag under it, at any depth. */
export interface TagUsage {
  /** The tag itself and all its descendants. */
  tagCount: number;
  /** Annotations that hold at least one of those tags (and lose it). */
  annotationCount: number;
}

export function countTagUsage(db: Database, id: string): TagUsage {
  return db
    .prepare(
      `WITH RECURSIVE subtree(id) AS (
         SELECT id FROM tags WHERE id = ?
         UNION SELECT t.id FROM tags t JOIN subtree s ON t.parent_id = s.id
       )
       SELECT (SELECT count(*) FROM subtree) AS tagCount,
              (SELECT count(DISTINCT annotation_id) FROM annotation_tags WHERE tag_id IN (SELECT id FROM subtree)) AS annotationCount`,
    )
    .get(id) as TagUsage;
}

/** Levels in the tag's subtree, itself included (a tag without children: 1). */
export function subtreeHeight(db: Database, id: string): number {
  return (
    db
      .prepare(
        `WITH RECURSIVE subtree(id, level) AS (
           SELECT id, 1 FROM tags WHERE id = ?
           UNION SELECT t.id, s.level + 1 FROM tags t JOIN subtree s ON t.parent_id = s.id
         )
         SELECT max(level) AS height FROM subtree`,
      )
      .get(id) as { height: number | null }
  ).height ?? 0;
}

export function deleteTag(db: Database, id: string): void {
  const result = db.prepare('DELETE FROM tags WHERE id = ?').run(id);
  if (result.changes === 0) throw new NotFoundError(`no tag with id ${id}`);
}

/** The taxonomy a new workspace starts with, for readouts and press releases. */
export const DEFAULT_TAGS: readonly Omit<Tag, 'id' | 'parentId'>[] = [
  { name: 'Person', color: '#e8590c', key: '1', description: 'A named person or office holder' },
  { name: 'Organisation', color: '#1c7ed6', key: '2', description: 'A government body, party organ, company or institution' },
  { name: 'Place', color: '#2f9e44', key: '3', description: 'A city, region, country or site' },
  { name: 'Policy', color: '#9c36b5', key: '4', description: 'A named policy, plan, programme or law' },
  { name: 'Date', color: '#0c8599', key: '5', description: 'A date, period or deadline' },
  { name: 'Figure', color: '#e03131', key: '6', description: 'A number, amount, share or target' },
  { name: 'Commitment', color: '#f08c00', key: '7', description: 'Something an actor undertakes or calls for' },
];

export function insertDefaultTags(db: Database, now = new Date().toISOString()): void {
  for (const tag of DEFAULT_TAGS) insertTag(db, { ...tag, parentId: null }, now);
}
