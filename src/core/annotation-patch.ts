// An update of an annotation as a patch of the fields changed, so that two
// windows changing one annotation never undo each other's work: tags are
// added and removed one by one, attributes set and removed by name, and a
// note changes only from the note the window saw (a note is one text typed
// as a whole, so a mismatch is a conflict for the window to resolve, never a
// silent overwrite that loses lines).

import type { Annotation } from './model';

export interface AnnotationPatch {
  addTagIds?: string[];
  removeTagIds?: string[];
  /** The note the window saw and the note it wants. */
  note?: { base: string; value: string };
  setAttributes?: Record<string, string>;
  removeAttributes?: string[];
}

/** The fields of an annotation a patch may change. */
export type PatchedFields = Pick<Annotation, 'tagIds' | 'note' | 'attributes'>;

export type PatchResult = { ok: true; fields: PatchedFields } | { ok: false; conflict: 'note' };

/** Applies a patch to the current fields; a note patch from another note than the current one is a conflict. */
export function applyPatch(current: PatchedFields, patch: AnnotationPatch): PatchResult {
  if (patch.note && patch.note.base !== current.note) return { ok: false, conflict: 'note' };
  const removed = new Set(patch.removeTagIds ?? []);
  const tagIds = [...new Set([...current.tagIds, ...(patch.addTagIds ?? [])])].filter((t) => !removed.has(t));
  const attributes = { ...current.attributes, ...patch.setAttributes };
  for (const key of patch.removeAttributes ?? []) delete attributes[key];
  return { ok: true, fields: { tagIds, note: patch.note ? patch.note.value : current.note, attributes } };
}

/** The patch that turns `before` into `after` (as a window saw and changed them); empty fields are left out. */
export function patchBetween(before: PatchedFields, after: PatchedFields): AnnotationPatch {
  const patch: AnnotationPatch = {};
  const addTagIds = after.tagIds.filter((t) => !before.tagIds.includes(t));
  const removeTagIds = before.tagIds.filter((t) => !after.tagIds.includes(t));
  if (addTagIds.length > 0) patch.addTagIds = addTagIds;
  if (removeTagIds.length > 0) patch.removeTagIds = removeTagIds;
  if (after.note !== before.note) patch.note = { base: before.note, value: after.note };
  const setAttributes = Object.fromEntries(Object.entries(after.attributes).filter(([k, v]) => before.attributes[k] !== v));
  const removeAttributes = Object.keys(before.attributes).filter((k) => !Object.hasOwn(after.attributes, k));
  if (Object.keys(setAttributes).length > 0) patch.setAttributes = setAttributes;
  if (removeAttributes.length > 0) patch.removeAttributes = removeAttributes;
  return patch;
}
