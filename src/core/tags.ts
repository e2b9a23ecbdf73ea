// The rules a workspace's tags keep: sibling names differ (ignoring case), no
// tag sits under itself, and a shortcut key belongs to one tag. Pure checks
// over the list of tags; the api refuses a change that breaks one.

import type { Tag } from './model';

/** A tag as it would be after a create (id null) or an update. */
export interface TagDraft {
  id: string | null;
  name: string;
  parentId: string | null;
  key: string | null;
}

export type TagProblem =
  /** A sibling (same parent) has the same name, ignoring case. */
  | { kind: 'name-taken'; clash: Tag }
  /** The parent is the tag itself or one of its descendants. */
  | { kind: 'parent-cycle' }
  /** Another tag has the shortcut key. */
  | { kind: 'key-taken'; key: string; holder: Tag };

/** What is wrong with putting `draft` among `tags` (the workspace's, the draft's old self included), in the order a user would fix it. */
export function tagProblems(tags: readonly Tag[], draft: TagDraft): TagProblem[] {
  const problems: TagProblem[] = [];
  const name = draft.name.toLowerCase();
  const clash = tags.find((t) => t.id !== draft.id && t.parentId === draft.parentId && t.name.toLowerCase() === name);
  if (clash) problems.push({ kind: 'name-taken', clash });
  if (draft.id !== null && draft.parentId !== null && isAncestorOrSelf(tags, draft.id, draft.parentId)) problems.push({ kind: 'parent-cycle' });
  if (draft.key !== null) {
    const holder = tags.find((t) => t.key === draft.key && t.id !== draft.id);
    if (holder) problems.push({ kind: 'key-taken', key: draft.key, holder });
  }
  return problems;
}

/** Whether `id` is `start` or one of its ancestors. */
function isAncestorOrSelf(tags: readonly Tag[], id: string, start: string): boolean {
  const parentOf = new Map(tags.map((t) => [t.id, t.parentId]));
  const seen = new Set<string>();
  // `seen` stops a walk through a loop that is already there, instead of running forever.
  for (let p: string | null | undefined = start; p != null && !seen.has(p); p = parentOf.get(p)) {
    if (p === id) return true;
    seen.add(p);
  }
  return false;
}

/** The problem as a user reads it. */
export function tagProblemMessage(problem: TagProblem): string {
  switch (problem.kind) {
    case 'name-taken':
      return `a tag named “${problem.clash.name}” already exists ${problem.clash.parentId ? 'under that parent' : 'at the top level'}`;
    case 'parent-cycle':
      return 'a tag cannot be placed under itself or one of its children';
    case 'key-taken':
      return `shortcut key ${problem.key} is already used by tag “${problem.holder.name}”`;
  }
}
