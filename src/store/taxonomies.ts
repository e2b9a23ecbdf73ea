// Ready-made taxonomies a user can add with one action. Their tags have fixed
// ids (see core/mqm.ts), so adding one twice adds nothing.

import type { Database } from 'better-sqlite3';
import { MQM_CORE } from '../core/mqm';
import type { Tag } from '../core/model';
import { insertTag, listTags } from './tags';

export const taxonomies = { mqm: MQM_CORE } as const;
export type TaxonomyName = keyof typeof taxonomies;

/** Adds the taxonomy's tags that are not there yet; returns the added ones. */
export function addTaxonomy(db: Database, name: TaxonomyName, now = new Date().toISOString()): Tag[] {
  const existing = new Set(listTags(db).map((t) => t.id));
  const added: Tag[] = [];
  for (const dimension of taxonomies[name]) {
    if (!existing.has(dimension.id)) {
      added.push(insertTag(db, { id: dimension.id, name: dimension.name, color: dimension.color, parentId: null, key: null, description: dimension.description }, now));
    }
    for (const child of dimension.children) {
      if (!existing.has(child.id)) {
        added.push(insertTag(db, { id: child.id, name: child.name, color: dimension.color, parentId: dimension.id, key: null, description: child.description }, now));
      }
    }
  }
  return added;
}
