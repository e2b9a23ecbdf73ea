// What the user does to relations, as transactions: each operation is one
// undoable step of its own; the linking flow (R, then the target, then the
// type) is plugin state that history leaves alone.

import { closeHistory } from 'prosemirror-history';
import { Plugin, type EditorState, type Transaction } from 'prosemirror-state';
import type { Relation } from '../../core/relations';
import type { Explain } from './annotate-keys';
import { select } from './annotation-commands';
import { annotationState } from './annotations';
import { currentMode } from './mode';
import { RelationStep } from './relation-step';
import { relationsState, setRelationsMeta, type Linking } from './relations';

type Dispatch = (tr: Transaction) => void;

/** Links `from` to `to` with a relation of the type, as one undo step, and ends the linking flow. */
export function createRelation(state: EditorState, dispatch: Dispatch, documentId: string, from: string, to: string, typeId: string): boolean {
  const { data } = annotationState(state);
  if (from === to || !data.has(from) || !data.has(to)) return false;
  const now = new Date().toISOString();
  const relation: Relation = { id: crypto.randomUUID(), documentId, sourceId: from, targetId: to, typeId, note: '', attributes: {}, author: '', createdAt: now, updatedAt: now };
  const tr = closeHistory(state.tr.step(new RelationStep({ kind: 'add', relation })));
  dispatch(setRelationsMeta(tr, { linking: null, select: relation.id }));
  return true;
}

export function updateRelation(state: EditorState, dispatch: Dispatch, id: string, change: Partial<Pick<Relation, 'typeId' | 'note'>>): boolean {
  const before = relationsState(state).relations.get(id);
  if (!before) return false;
  const after = { ...before, ...change, updatedAt: new Date().toISOString() };
  dispatch(closeHistory(state.tr.step(new RelationStep({ kind: 'update', before, after }))));
  return true;
}

export function deleteRelation(state: EditorState, dispatch: Dispatch, id: string): boolean {
  const relation = relationsState(state).relations.get(id);
  if (!relation) return false;
  dispatch(closeHistory(state.tr.step(new RelationStep({ kind: 'remove', relation }))));
  return true;
}

export function setLinking(state: EditorState, dispatch: Dispatch, linking: Linking | null): void {
  dispatch(setRelationsMeta(state.tr, { linking }));
}

export function selectRelation(state: EditorState, dispatch: Dispatch, id: string | null): void {
  dispatch(setRelationsMeta(state.tr, { select: id }));
}

/**
 * R starts linking from the selected annotation; while linking, J/K (the
 * annotate keys) move the selection to the target, Enter takes it, a letter
 * starts a search by text, Esc gives up. Placed before the annotate keys.
 */
export function relationKeysPlugin(explain: Explain): Plugin {
  return new Plugin({
    props: {
      handleKeyDown(view, event) {
        const { state, dispatch } = view;
        if (currentMode(state) !== 'annotate' || event.ctrlKey || event.metaKey || event.altKey) return false;
        const { linking } = relationsState(state);
        const { selectedId } = annotationState(state);
        if (!linking) {
          if (event.key !== 'r' && event.key !== 'R') return false;
          if (!selectedId) explain('Select an annotation first (click it, or J/K), then press R to link it to another');
          else if (annotationState(state).data.size < 2) explain('A relation links two annotations: annotate another span first');
          else setLinking(state, dispatch, { stage: 'target', from: selectedId });
          return true;
        }
        if (linking.stage !== 'target') return false;
        if (event.key === 'Escape') {
          setLinking(state, dispatch, null);
          select(view.state, view.dispatch, linking.from, true);
          return true;
        }
        if (event.key === 'Enter') {
          if (!selectedId || selectedId === linking.from) explain('Move to the target with J/K (or type to search its text), then press Enter');
          else setLinking(state, dispatch, { stage: 'type', from: linking.from, to: selectedId });
          return true;
        }
        if (/^[jJkKoO]$/.test(event.key)) return false;
        if (event.key.length === 1 && event.key.trim() !== '') {
          setLinking(state, dispatch, { stage: 'search', from: linking.from, query: event.key });
          return true;
        }
        return false;
      },
    },
  });
}
