// Builds the editor for one document: ProseMirror view, mode, history,
// keyboard, and the save queue that turns transactions into stored edits.

import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { EditorState, type Command } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { ApiClient } from '../../api/client';
import type { DocumentRecord } from '../../core/model';
import { currentMode, modePlugin, setMode, type Mode } from './mode';
import { SaveQueue, type SaveStatus } from './save-queue';
import { textChangesOf } from './text-changes';
import { textToDoc } from './text-doc';

export interface EditorCallbacks {
  onStatus(status: SaveStatus): void;
  onMode(mode: Mode): void;
}

export interface EditorHandle {
  readonly view: EditorView;
  setMode(mode: Mode): void;
  toggleMode(): void;
  undo(): void;
  redo(): void;
  /** Sends every pending change to the store. */
  flush(): Promise<void>;
  readonly hasUnsaved: boolean;
  destroy(): void;
}

export function createEditor(mount: HTMLElement, document: DocumentRecord, client: ApiClient, callbacks: EditorCallbacks): EditorHandle {
  const queue = new SaveQueue(
    {
      send: async (baseEditCount, changes) =>
        (await client.call('edits.apply', { documentId: document.id, baseEditCount, changes })).editCount,
    },
    document.editCount,
    callbacks.onStatus,
  );

  const toggle: Command = (state, dispatch) => {
    dispatch?.(setMode(state.tr, currentMode(state) === 'edit' ? 'annotate' : 'edit'));
    return true;
  };

  const state = EditorState.create({
    doc: textToDoc(document.text),
    plugins: [
      modePlugin('annotate'),
      history(),
      keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Mod-Shift-z': redo, 'Mod-e': toggle }),
      keymap(baseKeymap),
    ],
  });

  const view: EditorView = new EditorView(mount, {
    state,
    attributes: { 'data-testid': 'editor', spellcheck: 'false', 'aria-label': `Text of ${document.title}` },
    dispatchTransaction(tr) {
      const before = currentMode(view.state);
      // applyTransaction drops what the mode filter refused and adds appended transactions.
      const { state: next, transactions } = view.state.applyTransaction(tr);
      view.updateState(next);
      for (const applied of transactions) if (applied.docChanged) queue.add(textChangesOf(applied));
      const after = currentMode(view.state);
      if (after !== before) callbacks.onMode(after);
    },
    handleDOMEvents: {
      blur: () => {
        void queue.flush();
        return false;
      },
    },
  });

  const flushOnHide = () => {
    if (globalThis.document.visibilityState === 'hidden') void queue.flush();
  };
  const flushOnPageHide = () => void queue.flush();
  globalThis.document.addEventListener('visibilitychange', flushOnHide);
  window.addEventListener('pagehide', flushOnPageHide);

  return {
    view,
    setMode: (mode) => view.dispatch(setMode(view.state.tr, mode)),
    toggleMode: () => toggle(view.state, view.dispatch),
    undo: () => undo(view.state, view.dispatch),
    redo: () => redo(view.state, view.dispatch),
    flush: () => queue.flush(),
    get hasUnsaved() {
      return queue.hasUnsaved;
    },
    destroy() {
      globalThis.document.removeEventListener('visibilitychange', flushOnHide);
      window.removeEventListener('pagehide', flushOnPageHide);
      view.destroy();
    },
  };
}
