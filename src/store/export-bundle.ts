// Reading documents with everything that belongs to them, for the exporters.

import type { Database } from 'better-sqlite3';
import type { WorkspaceExport } from '../core/formats';
import type { Tag } from '../core/model';
import { listAnnotations, listSourceAnnotations } from './annotations';
import { getSource } from './bilingual';
import { getDocument } from './documents';
import { listEdits } from './edits';
import { listRelations, listRelationTypes } from './relations';
import { listTags } from './tags';

/**
 * The documents (all of them, or those named, in that order) with their
 * annotations and edits, and the tags they use with those tags' ancestors:
 * a file about these documents, not a copy of the whole taxonomy. Read in one
 * transaction, so a save arriving meanwhile is either wholly in it or not.
 * Throws NotFoundError for an unknown document id.
 */
export function exportBundle(db: Database, documentIds: readonly string[] | 'all'): WorkspaceExport {
  return db
    .transaction((): WorkspaceExport => {
      const ids = documentIds === 'all' ? (db.prepare('SELECT id FROM documents ORDER BY created_at, rowid').all() as { id: string }[]).map((r) => r.id) : [...new Set(documentIds)];
      const documents = ids.map((id) => {
        const document = getDocument(db, id);
        const relations = listRelations(db, id);
        const source = getSource(db, id);
        const sourceAnnotations = source ? listSourceAnnotations(db, id) : [];
        return {
          document,
          annotations: listAnnotations(db, id),
          edits: listEdits(db, id),
          ...(relations.length === 0 ? {} : { relations }),
          ...(source && { source }),
          ...(sourceAnnotations.length > 0 && { sourceAnnotations }),
        };
      });
      const typesUsed = new Set(documents.flatMap((d) => (d.relations ?? []).map((r) => r.typeId)));
      const relationTypes = listRelationTypes(db).filter((t) => typesUsed.has(t.id));
      // A relation type's allowed tags go with it, so the file's taxonomy is whole.
      const used = new Set(relationTypes.flatMap((t) => [...(t.sourceTagIds ?? []), ...(t.targetTagIds ?? [])]));
      // A loop, not flatMap: a long document has tens of thousands of annotations.
      for (const d of documents) {
        for (const list of [d.annotations, d.sourceAnnotations ?? []]) for (const a of list) for (const id of a.tagIds) used.add(id);
      }
      return { tags: withAncestors(listTags(db), used), ...(relationTypes.length === 0 ? {} : { relationTypes }), documents };
    })
    .deferred();
}

function withAncestors(tags: readonly Tag[], used: ReadonlySet<string>): Tag[] {
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const wanted = new Set<string>();
  for (const id of used) {
    for (let tag = byId.get(id); tag !== undefined && !wanted.has(tag.id); tag = tag.parentId === null ? undefined : byId.get(tag.parentId)) {
      wanted.add(tag.id);
    }
  }
  return tags.filter((tag) => wanted.has(tag.id));
}
