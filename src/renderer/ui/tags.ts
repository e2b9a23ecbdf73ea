import type { Tag } from '../../core/model';

/** "Parent › Child" for display and filtering. */
export function tagPath(tag: Tag, byId: ReadonlyMap<string, Tag>): string {
  const names = [tag.name];
  const seen = new Set([tag.id]);
  for (let p = tag.parentId; p && !seen.has(p); p = byId.get(p)?.parentId ?? null) {
    seen.add(p);
    names.unshift(byId.get(p)?.name ?? '?');
  }
  return names.join(' › ');
}

/** The tag and every tag below it. */
export function withDescendants(id: string, tags: readonly Tag[]): Set<string> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of tags) {
      if (t.parentId && ids.has(t.parentId) && !ids.has(t.id)) {
        ids.add(t.id);
        grew = true;
      }
    }
  }
  return ids;
}
