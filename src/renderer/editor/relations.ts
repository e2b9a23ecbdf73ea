// Relations in the editor: the document's relations and the taxonomy's
// relation types as plugin state, changed by RelationSteps (so undo and redo
// cover them), with the selected relation and the keyboard linking flow.
// Drawing them is the overlay's business (document/RelationArcs.svelte).

import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { relationsOfDeleted, type Relation, type RelationType } from '../../core/relations';
import { RelationStep } from './relation-step';

/**
 * Making a relation from the keyboard or the mouse: choosing the target
 * (J/K move the selection to it), searching for it by its text, then
 * choosing the type.
 */
export type Linking = { stage: 'target'; from: string } | { stage: 'search'; from: string; query: string } | { stage: 'type'; from: string; to: string };

export interface RelationsState {
  relations: ReadonlyMap<string, Relation>;
  types: readonly RelationType[];
  selectedId: string | null;
  linking: Linking | null;
}

interface Meta {
  load?: { relations: readonly Relation[]; types: readonly RelationType[] };
  types?: readonly RelationType[];
  select?: string | null;
  linking?: Linking | null;
}

export const relationsKey = new PluginKey<RelationsState>('scholia-relations');

export function relationsPlugin(): Plugin<RelationsState> {
  return new Plugin<RelationsState>({
    key: relationsKey,
    state: {
      init: () => ({ relations: new Map(), types: [], selectedId: null, linking: null }),
      apply: (tr, value) => applyTransaction(tr, value),
    },
  });
}

function applyTransaction(tr: Transaction, value: RelationsState): RelationsState {
  const meta = tr.getMeta(relationsKey) as Meta | undefined;
  const steps = tr.steps.filter((s): s is RelationStep => s instanceof RelationStep);
  if (!meta && steps.length === 0) return value;
  let { relations, types, selectedId, linking } = value;
  if (steps.length > 0) {
    const next = new Map(relations);
    for (const { op } of steps) {
      if (op.kind === 'remove') next.delete(op.relation.id);
      else if (op.kind === 'add') next.set(op.relation.id, op.relation);
      else next.set(op.after.id, op.after);
    }
    relations = next;
    if (selectedId && !relations.has(selectedId)) selectedId = null;
  }
  if (meta?.load) {
    // Loaded after the editor opened: operations made meanwhile stay.
    const loaded = new Map(meta.load.relations.map((r) => [r.id, r]));
    for (const [id, r] of relations) loaded.set(id, r);
    relations = loaded;
    types = meta.load.types;
  }
  if (meta?.types) {
    // A type deleted in the Tags panel took its relations with it in the store.
    types = meta.types;
    const known = new Set(types.map((t) => t.id));
    if ([...relations.values()].some((r) => !known.has(r.typeId))) relations = new Map([...relations].filter(([, r]) => known.has(r.typeId)));
  }
  if (meta?.select !== undefined) selectedId = meta.select;
  if (meta?.linking !== undefined) linking = meta.linking;
  return { relations, types, selectedId, linking };
}

export function relationsState(state: EditorState): RelationsState {
  return relationsKey.getState(state)!;
}

export function setRelationsMeta(tr: Transaction, meta: Meta): Transaction {
  return tr.setMeta(relationsKey, meta);
}

/**
 * Removes the relations of annotations about to be deleted, in the same
 * transaction before them, so the store deletes them first and one undo
 * brings the annotation back with its relations.
 */
export function removeRelationsOf(state: EditorState, tr: Transaction, annotationIds: ReadonlySet<string>): Transaction {
  const value = relationsKey.getState(state);
  if (!value) return tr;
  for (const relation of relationsOfDeleted([...value.relations.values()], annotationIds)) tr.step(new RelationStep({ kind: 'remove', relation }));
  return tr;
}
