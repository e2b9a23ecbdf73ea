// An annotation whose every character was deleted is kept, detached (never
// dropped). Undo brings its text back; a person expects the annotation back
// with it. This plugin remembers where each such annotation was and, after an
// undo that restored exactly the text it covered, attaches it there again in
// a step appended to the undo: the store is told like any re-attachment, and
// redo (which deletes the text again) detaches it again.

import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Mapping } from 'prosemirror-transform';
import { AnnotationStep } from './annotation-step';
import { annotationsBetween, annotationState } from './annotations';

/** Where a detached annotation was: at `at` (the deletion's start, mapped since), `relFrom`–`relTo` after it, over `text`. */
interface Removed {
  id: string;
  at: number;
  relFrom: number;
  relTo: number;
  text: string;
}

/** The deletions remembered: enough for a long run of undos, not the whole session's. */
const REMEMBERED = 200;
/** prosemirror-history marks its undo and redo transactions with its plugin key's meta. */
const HISTORY_META = 'history$';

const removedKey = new PluginKey<readonly Removed[]>('scholia-undo-reattach');

export function undoReattachPlugin(): Plugin<readonly Removed[]> {
  return new Plugin<readonly Removed[]>({
    key: removedKey,
    state: {
      init: () => [],
      apply(tr, removed, oldState, newState) {
        const consumed = tr.getMeta(removedKey) as ReadonlySet<string> | undefined;
        if (!tr.docChanged) return consumed ? removed.filter((r) => !consumed.has(r.id)) : removed;
        const kept = removed.flatMap((r) => {
          if (consumed?.has(r.id)) return [];
          const mapped = tr.mapping.mapResult(r.at, -1);
          return mapped.deleted ? [] : [{ ...r, at: mapped.pos }];
        });
        const added = detachedBy(tr, oldState, newState);
        return added.length === 0 ? kept : [...kept, ...added].slice(-REMEMBERED);
      },
    },
    appendTransaction(transactions, _oldState, newState) {
      if (!transactions.some((tr) => tr.getMeta(HISTORY_META))) return null;
      const removed = removedKey.getState(newState) ?? [];
      const { data } = annotationState(newState);
      const { doc } = newState;
      let tr: Transaction | null = null;
      const attached = new Set<string>();
      for (const r of removed) {
        const annotation = data.get(r.id);
        const from = r.at + r.relFrom;
        const to = r.at + r.relTo;
        if (!annotation?.detached || to > doc.content.size || doc.textBetween(from, to, '\n') !== r.text) continue;
        tr ??= newState.tr;
        tr.step(new AnnotationStep({ kind: 'attach', annotation, from, to }));
        attached.add(r.id);
      }
      return tr?.setMeta(removedKey, attached) ?? null;
    },
  });
}

/** The annotations this transaction's deletions detached, with where they were. */
function detachedBy(tr: Transaction, oldState: EditorState, newState: EditorState): Removed[] {
  const after = annotationState(newState).data;
  const found: Removed[] = [];
  tr.steps.forEach((step, i) => {
    // New mappings of the maps, not tr.mapping.slice(): a slice's invert() walks every step's map.
    const back = new Mapping(tr.mapping.maps.slice(0, i)).invert();
    const forward = new Mapping(tr.mapping.maps.slice(i));
    step.getMap().forEach((oldStart, oldEnd) => {
      if (oldEnd <= oldStart) return;
      // In the coordinates of the document before the transaction, where the highlights were.
      const from = back.map(oldStart, 1);
      const to = back.map(oldEnd, -1);
      for (const placed of annotationsBetween(oldState, from, to)) {
        if (placed.from < from || placed.to > to || !after.get(placed.data.id)?.detached) continue;
        if (found.some((f) => f.id === placed.data.id)) continue;
        found.push({
          id: placed.data.id,
          at: forward.map(oldStart, -1),
          relFrom: placed.from - from,
          relTo: placed.to - from,
          text: oldState.doc.textBetween(placed.from, placed.to, '\n'),
        });
      }
    });
  });
  return found;
}
