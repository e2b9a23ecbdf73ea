// Annotate vs Edit mode. In Annotate mode the text cannot be changed by
// typing, pasting or dropping; programmatic changes (fixes, undo) still can.

import { isHistoryTransaction } from 'prosemirror-history';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { changesText } from './annotation-step';

export type Mode = 'annotate' | 'edit';

export const modeKey = new PluginKey<Mode>('scholia-mode');

/** Meta flag for text changes made by the program (e.g. applying a fix) in any mode. */
export const PROGRAMMATIC = 'scholia-programmatic';

export function modePlugin(initial: Mode): Plugin<Mode> {
  return new Plugin<Mode>({
    key: modeKey,
    state: {
      init: () => initial,
      apply: (tr, mode) => (tr.getMeta(modeKey) as Mode | undefined) ?? mode,
    },
    filterTransaction: (tr, state) =>
      !changesText(tr) || modeKey.getState(state) === 'edit' || tr.getMeta(PROGRAMMATIC) === true || isHistoryTransaction(tr),
    props: {
      attributes: (state): Record<string, string> => ({ 'data-mode': modeKey.getState(state) ?? initial }),
    },
  });
}

export function currentMode(state: EditorState): Mode {
  return modeKey.getState(state) ?? 'annotate';
}

export function setMode(tr: Transaction, mode: Mode): Transaction {
  return tr.setMeta(modeKey, mode);
}
