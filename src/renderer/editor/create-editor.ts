// Builds the editor for one document: ProseMirror view, mode, history,
// annotations, keyboard, and the queue that saves every change in order.

import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { EditorState, type Command, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { ApiCallError, type ApiClient } from '../../api/client';
import type { Annotation, DocumentRecord, Tag } from '../../core/model';
import { annotateKeysPlugin } from './annotate-keys';
import { AnnotationStep, type AnnotationOp } from './annotation-step';
import { annotationKey, annotationPlugin, type AnnotationState } from './annotations';
import { findKey, findPlugin } from './find';
import { currentMode, modePlugin, setMode, type Mode } from './mode';
import { DocPositions } from './positions';
import { PermanentFailure, SyncQueue, type SaveStatus } from './sync-queue';
import { textChangesOf } from './text-changes';
import { textToDoc } from './text-doc';

export interface EditorCallbacks {
  onStatus(status: SaveStatus): void;
  onMode(mode: Mode): void;
  /** The annotations or the selected one changed. */
  onAnnotations(state: AnnotationState): void;
  openTagPicker(): void;
  openFind(): void;
  /** Find matches changed (count, current index). */
  onFind(count: number, current: number): void;
}

export interface EditorInput {
  document: DocumentRecord;
  annotations: readonly Annotation[];
  tags: readonly Tag[];
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

export function createEditor(mount: HTMLElement, input: EditorInput, client: ApiClient, callbacks: EditorCallbacks): EditorHandle {
  const documentId = input.document.id;
  const queue = new SyncQueue(
    {
      sendText: async (baseEditCount, changes) => (await client.call('edits.apply', { documentId, baseEditCount, changes })).editCount,
    },
    input.document.editCount,
    callbacks.onStatus,
  );

  // Calls that cannot succeed on a retry are dropped (and reported) so they do not block later saves.
  const permanent = async (call: () => Promise<unknown>): Promise<void> => {
    try {
      await call();
    } catch (error) {
      if (error instanceof ApiCallError && (error.code === 'invalid_input' || error.code === 'not_found')) throw new PermanentFailure(error.message);
      throw error;
    }
  };

  const sendOperation = (op: AnnotationOp, start: number, end: number): Promise<void> =>
    permanent(() => {
      switch (op.kind) {
        case 'add': {
          const a = op.annotation;
          return client.call('annotations.create', { id: a.id, documentId, start, end, tagIds: a.tagIds, note: a.note, attributes: a.attributes, createdAt: a.createdAt });
        }
        case 'remove':
          return client.call('annotations.delete', { id: op.annotation.id });
        case 'update':
          return client.call('annotations.update', { id: op.after.id, tagIds: op.after.tagIds, note: op.after.note, attributes: op.after.attributes });
        case 'attach':
          return client.call('annotations.update', { id: op.annotation.id, range: { start, end } });
        case 'detach':
          return client.call('annotations.update', { id: op.annotation.id, detach: true });
      }
    });

  const save = (tr: Transaction): void => {
    queue.addText(textChangesOf(tr));
    tr.steps.forEach((step, i) => {
      if (!(step instanceof AnnotationStep)) return;
      const op = step.op;
      // Positions go out in the coordinates of the text after this transaction,
      // which is the store's text once the changes queued before are applied.
      const rest = tr.mapping.slice(i + 1);
      const positions = DocPositions.of(tr.doc);
      const from = 'from' in op ? rest.map(op.from, 1) : 0;
      const to = 'to' in op ? Math.max(from, rest.map(op.to, -1)) : 0;
      const start = positions.codePointAt(from);
      const end = positions.codePointAt(to);
      queue.addOperation(() => sendOperation(op, start, end));
    });
  };

  const toggle: Command = (state, dispatch) => {
    dispatch?.(setMode(state.tr, currentMode(state) === 'edit' ? 'annotate' : 'edit'));
    return true;
  };

  const doc = textToDoc(input.document.text);
  const state = EditorState.create({
    doc,
    plugins: [
      modePlugin('annotate'),
      annotationPlugin(doc, input.annotations, input.tags),
      history(),
      findPlugin(),
      annotateKeysPlugin(callbacks.openTagPicker),
      keymap({
        'Mod-z': undo,
        'Mod-y': redo,
        'Mod-Shift-z': redo,
        'Mod-e': toggle,
        'Mod-f': () => {
          callbacks.openFind();
          return true;
        },
      }),
      keymap(baseKeymap),
    ],
  });

  const view: EditorView = new EditorView(mount, {
    state,
    attributes: { 'data-testid': 'editor', spellcheck: 'false', 'aria-label': `Text of ${input.document.title}` },
    dispatchTransaction(tr) {
      const before = view.state;
      // applyTransaction drops what the mode filter refused and adds appended transactions.
      const { state: next, transactions } = before.applyTransaction(tr);
      view.updateState(next);
      for (const applied of transactions) if (applied.docChanged) save(applied);
      if (currentMode(next) !== currentMode(before)) callbacks.onMode(currentMode(next));
      const annotations = annotationKey.getState(next)!;
      if (annotations !== annotationKey.getState(before)) callbacks.onAnnotations(annotations);
      const find = findKey.getState(next)!;
      if (find !== findKey.getState(before)) callbacks.onFind(find.matches.length, find.current);
    },
    handleDOMEvents: {
      blur: () => {
        void queue.flush();
        return false;
      },
    },
  });
  callbacks.onAnnotations(annotationKey.getState(view.state)!);

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
