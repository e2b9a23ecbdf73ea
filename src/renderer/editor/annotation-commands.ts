// What the user does to annotations, as transactions: each is one undoable
// step of its own, whatever was typed just before.

import { closeHistory } from 'prosemirror-history';
import type { EditorState, Transaction } from 'prosemirror-state';
import { TextSelection } from 'prosemirror-state';
import { AnnotationStep, type AnnotationData } from './annotation-step';
import { annotationState, annotationsAt, placedAnnotations, rangeOf, selectAnnotation } from './annotations';
import { removeRelationsOf } from './relations';

type Dispatch = (tr: Transaction) => void;

function stepTransaction(state: EditorState, step: AnnotationStep): Transaction {
  return closeHistory(state.tr.step(step));
}

export function newAnnotationId(): string {
  return crypto.randomUUID();
}

/** Annotates the selected text with `tagIds` and selects the new annotation. */
export function annotateSelection(state: EditorState, dispatch: Dispatch, tagIds: string[], attributes: Record<string, string> = {}): boolean {
  const { from, to } = state.selection;
  if (from === to || state.doc.textBetween(from, to, '\n').trim() === '') return false;
  const now = new Date().toISOString();
  const annotation: AnnotationData = {
    id: newAnnotationId(),
    documentId: '',
    quote: state.doc.textBetween(from, to, '\n'),
    tagIds,
    note: '',
    attributes,
    author: '',
    createdAt: now,
    updatedAt: now,
    detached: false,
  };
  const tr = stepTransaction(state, new AnnotationStep({ kind: 'add', annotation, from, to }));
  dispatch(selectAnnotation(tr.setSelection(TextSelection.create(tr.doc, to)), annotation.id));
  return true;
}

export function updateAnnotationData(state: EditorState, dispatch: Dispatch, id: string, change: Partial<Pick<AnnotationData, 'tagIds' | 'note' | 'attributes'>>): boolean {
  const before = annotationState(state).data.get(id);
  if (!before) return false;
  const after = { ...before, ...change, updatedAt: new Date().toISOString() };
  dispatch(stepTransaction(state, new AnnotationStep({ kind: 'update', before, after })));
  return true;
}

/** Adds the tag to the annotation, or takes it off when it is there already. */
export function toggleTag(state: EditorState, dispatch: Dispatch, id: string, tagId: string): boolean {
  const a = annotationState(state).data.get(id);
  if (!a) return false;
  const tagIds = a.tagIds.includes(tagId) ? a.tagIds.filter((t) => t !== tagId) : [...a.tagIds, tagId];
  return updateAnnotationData(state, dispatch, id, { tagIds });
}

export function removeAnnotation(state: EditorState, dispatch: Dispatch, id: string): boolean {
  const annotation = annotationState(state).data.get(id);
  if (!annotation) return false;
  const range = rangeOf(state, id) ?? { from: 0, to: 0 };
  // Its relations go first, in the same undo step: undo brings them back with it.
  const tr = removeRelationsOf(state, state.tr, new Set([id]));
  dispatch(closeHistory(tr.step(new AnnotationStep({ kind: 'remove', annotation, ...range }))));
  return true;
}

/** Re-attaches a detached annotation to the selected text. */
export function reattachToSelection(state: EditorState, dispatch: Dispatch, id: string): boolean {
  const annotation = annotationState(state).data.get(id);
  const { from, to } = state.selection;
  if (!annotation || !annotation.detached || from === to) return false;
  const tr = stepTransaction(state, new AnnotationStep({ kind: 'attach', annotation: { ...annotation, quote: state.doc.textBetween(from, to, '\n') }, from, to }));
  dispatch(selectAnnotation(tr, id));
  return true;
}

export function select(state: EditorState, dispatch: Dispatch, id: string | null, scroll = false): void {
  let tr = selectAnnotation(state.tr, id);
  const range = id ? rangeOf(state, id) : null;
  if (range && scroll) tr = tr.setSelection(TextSelection.create(tr.doc, range.from)).scrollIntoView();
  dispatch(tr);
}

/** J / K: the next or previous annotation in document order from the selected one or the caret. */
export function selectAdjacent(state: EditorState, dispatch: Dispatch, direction: 1 | -1): boolean {
  const all = placedAnnotations(state);
  if (all.length === 0) return false;
  const { selectedId } = annotationState(state);
  let index = all.findIndex((a) => a.data.id === selectedId);
  if (index < 0) {
    const caret = state.selection.from;
    index = direction > 0 ? all.findIndex((a) => a.from >= caret) : all.findLastIndex((a) => a.from < caret);
    if (index < 0) index = direction > 0 ? 0 : all.length - 1;
  } else {
    index = (index + direction + all.length) % all.length;
  }
  select(state, dispatch, all[index]!.data.id, true);
  return true;
}

/**
 * A click on highlighted text selects the innermost annotation there; clicking
 * again on the same spot (or pressing O) moves outward through the overlapping ones.
 */
export function selectAt(state: EditorState, dispatch: Dispatch, pos: number): boolean {
  const here = annotationsAt(state, pos);
  if (here.length === 0) {
    if (annotationState(state).selectedId) select(state, dispatch, null);
    return false;
  }
  const current = here.findIndex((a) => a.data.id === annotationState(state).selectedId);
  select(state, dispatch, here[(current + 1) % here.length]!.data.id);
  return true;
}

export function cycleOverlapping(state: EditorState, dispatch: Dispatch): boolean {
  const { selectedId } = annotationState(state);
  const range = selectedId ? rangeOf(state, selectedId) : null;
  return selectAt(state, dispatch, range ? range.from : state.selection.from);
}
