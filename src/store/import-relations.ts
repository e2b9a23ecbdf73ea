// Writing imported relation types and relations, inside the import's
// transaction (import-bundle.ts): types meet the workspace's by id, then by
// name; relations follow their annotations' ids as the import wrote them.

import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { FormatError } from '../core/formats';
import { RelationError, type Relation, type RelationType } from '../core/relations';
import { insertRelation, insertRelationType, listRelationTypes } from './relations';

/** The file's relation type ids mapped to the workspace's, inserting the types it lacks. */
export function writeRelationTypes(db: Database, file: string, types: readonly RelationType[], tagIds: ReadonlyMap<string, string>, now: string): Map<string, string> {
  const ids = new Map<string, string>();
  const existing = listRelationTypes(db);
  types.forEach((type, i) => {
    const same = existing.find((t) => t.id === type.id) ?? existing.find((t) => t.name.toLowerCase() === type.name.toLowerCase());
    if (same !== undefined) {
      ids.set(type.id, same.id);
      return;
    }
    const mapTags = (list: string[] | null): string[] | null => list && list.map((id) => tagIds.get(id) ?? id);
    const keyTaken = type.key !== null && existing.some((t) => t.key === type.key);
    const taken = db.prepare('SELECT 1 FROM relation_types WHERE id = ?').get(type.id) !== undefined;
    const id = taken ? randomUUID() : type.id;
    try {
      insertRelationType(db, { ...type, id, key: keyTaken ? null : type.key, sourceTagIds: mapTags(type.sourceTagIds), targetTagIds: mapTags(type.targetTagIds) }, now);
    } catch (error) {
      throw new FormatError({ file, record: `relationTypes[${i}]` }, `cannot be added: ${error instanceof Error ? error.message : String(error)}`);
    }
    ids.set(type.id, id);
  });
  return ids;
}

/**
 * Inserts a document's relations with their ends and type mapped to the ids
 * the import gave them. A relation to an annotation the import did not write,
 * or breaking a rule of its type, throws a FormatError naming it.
 */
export function writeRelations(
  db: Database,
  file: string,
  parent: string,
  documentId: string,
  relations: readonly Relation[],
  annotationIds: ReadonlyMap<string, string>,
  typeIds: ReadonlyMap<string, string>,
): number {
  relations.forEach((relation, j) => {
    const record = `${parent}.relations[${j}] (${relation.id})`;
    const end = (which: 'source' | 'target', id: string): string => {
      const mapped = annotationIds.get(id);
      if (mapped === undefined) throw new FormatError({ file, record }, `its ${which} ${JSON.stringify(id)} is not an annotation of this document in the file`);
      return mapped;
    };
    const taken = db.prepare('SELECT 1 FROM relations WHERE id = ?').get(relation.id) !== undefined || !/^[A-Za-z0-9_-]{1,100}$/.test(relation.id);
    try {
      insertRelation(db, {
        ...relation,
        id: taken ? randomUUID() : relation.id,
        documentId,
        sourceId: end('source', relation.sourceId),
        targetId: end('target', relation.targetId),
        typeId: typeIds.get(relation.typeId) ?? relation.typeId,
      });
    } catch (error) {
      if (error instanceof RelationError) throw new FormatError({ file, record }, error.message);
      throw error;
    }
  });
  return relations.length;
}
