// Builds the editor for one document: ProseMirror view, mode, history,
// annotations, keyboard, and the queue that saves every change in order.

import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { ApiCallError, type ApiClient } from '../../api/common/client';
import { patchBetween } from '../../core/annotation-patch';
import { replayEdits, revertChange } from '../../core/edits';
import type { Range } from '../../core/mapping';
import type { TextDraft } from '../../core/rebase';
import type { Annotation, CurrentDocument, Dismissal, Edit, Tag } from '../../core/model';
import { annotateKeysPlugin, applyTag } from './annotate-keys';
import { reattachToSelection, removeAnnotation, select, toggleTag, updateAnnotationData } from './annotation-commands';
import { annotateMany, batchRanges, sendBatch, type BatchRequest } from './annotation-batch';
import { AnnotationStep, isBatch, type AnnotationData, type SingleOp } from './annotation-step';
import { annotationKey, annotationPlugin, placedAnnotations, setTags, type AnnotationState } from './annotations';
import { annotationRanges, occurrenceSource, type OccurrenceSource } from './occurrences';
import { acceptAll as acceptAllSuggestions, setVisible as setSuggestionsVisible, suggestionsPlugin, type SuggestionSummary } from './suggestions';
import { findKey, findPlugin, moveToMatch, setQuery } from './find';
import { applyFix, applyFixAtCaret, fixAllSafe } from './finding-commands';
import { allFindings, checkOpeningLines, checkRest, findingAt, findingContext, findingsKey, findingsPlugin, setDismissals, type PlacedFinding } from './findings';
import { markOrigin, originOfStep } from './origins';
import { counterpartPlugin, setCounterparts, type CounterpartMarks } from './counterparts';
import { currentMode, modePlugin, PROGRAMMATIC, setMode, type Mode } from './mode';
import { DocPositions, positionsPlugin } from './positions';
import { paragraphWindowPlugin, reveal } from './paragraph-window';
import { Behind, PermanentFailure, SyncQueue, type RebaseReport, type SaveStatus } from './sync-queue';
import { stepChangesOf } from './text-changes';
import { blockKeys } from './block-commands';
import { lineEndingsPlugin } from './line-endings';
import { copiedText, docToText, pastedInBlocks, replaceWithText, textToDoc } from './text-doc';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { undoReattachPlugin } from './undo-reattach';
import { ANNOTATION_EDGES } from '../../core/mapping';
import type { Relation, RelationType } from '../../core/relations';
import { createRelation, deleteRelation, relationKeysPlugin, selectRelation, setLinking, updateRelation } from './relation-commands';
import { RelationStep, type RelationOp } from './relation-step';
import { relationsKey, relationsPlugin, setRelationsMeta, type Linking, type RelationsState } from './relations';

// The types a caller of the editor meets, from here: callers need no other editor module.
export type { AnnotationData } from './annotation-step';
export type { AnnotationState } from './annotations';
export type { CounterpartMarks } from './counterparts';
export type { PlacedFinding } from './findings';
export type { Mode } from './mode';
export type { Linking, RelationsState } from './relations';
export type { BatchRequest, RangeElsewhere } from './annotation-batch';
export type { OccurrenceSource } from './occurrences';
export type { SuggestionSummary } from './suggestions';
export type { SaveStatus } from './sync-queue';

/** Work this window could not save as it was, kept for the user to see and keep: never dropped silently. */
export type UnsavedDraft =
  | ({ kind: 'text' } & TextDraft)
  /** An annotation (or its move) whose text another window deleted or changed. */
  | { kind: 'annotation'; quote: string; note: string; tagIds: string[] }
  /** A note another window changed meanwhile: `mine` is what was typed here, `theirs` what is stored. */
  | { kind: 'note'; quote: string; mine: string; theirs: string };

export interface EditorCallbacks {
  onStatus(status: SaveStatus): void;
  /** Another window saved first: this window's unsent work was rebased onto its edits. */
  onRebased(remoteEdits: number): void;
  /** Work that could not be saved as it was. */
  onDrafts(drafts: UnsavedDraft[]): void;
  onMode(mode: Mode): void;
  /** The annotations or the selected one changed. */
  onAnnotations(state: AnnotationState): void;
  openTagPicker(): void;
  openFind(): void;
  /** Find matches changed (count, current index). */
  onFind(count: number, current: number): void;
  /** The findings shown changed. */
  onFindings(): void;
  /** The finding at the caret (after a click or a key), with the box of its text to show it by. */
  onActiveFinding(active: { finding: PlacedFinding; anchor: FindingAnchor } | null): void;
  /** A key did nothing; the message says why and what to do instead. */
  explain(message: string): void;
  /** The suggestions shown changed (or were shown or hidden). */
  onSuggestions?(summary: SuggestionSummary): void;
}

/** Where a finding's text is on screen, measured when asked (the text may have scrolled). */
export interface FindingAnchor {
  getBoundingClientRect(): DOMRect;
}

export interface EditorInput {
  document: CurrentDocument;
  /** `document.text` made into the editor's document ahead (openingDoc), while a long document's annotations were still being read. */
  doc?: ProseMirrorNode;
  annotations: readonly Annotation[];
  tags: readonly Tag[];
  dismissals: readonly Dismissal[];
}

/**
 * The editor's document for `text`, with the work an editor does on it when
 * it opens that needs no annotations (its lines' index, the first lines'
 * findings) done and kept by it: for a page that waits for the annotations.
 */
export function openingDoc(text: string): ProseMirrorNode {
  const doc = textToDoc(text);
  checkOpeningLines(doc);
  return doc;
}

/** An attached annotation with the text it covers now. */
export interface QuotedAnnotation {
  data: AnnotationData;
  quote: string;
}

/** What the rest of the renderer may do with an editor: it never reaches the ProseMirror view. */
export interface EditorHandle {
  focus(): void;
  setMode(mode: Mode): void;
  toggleMode(): void;
  undo(): void;
  redo(): void;
  /** Sends every pending change to the store. */
  flush(): Promise<void>;
  /** The text as the editor has it, line endings included. */
  text(): string;

  /** Attached annotations in document order (start, then longer first), with the text each covers. */
  attachedAnnotations(): QuotedAnnotation[];
  /** The text the selected annotation covers now; null when none is selected or it is detached. */
  selectedQuote(): string | null;
  /** Selects an annotation and scrolls to it. */
  selectAnnotation(id: string): void;
  toggleTag(id: string, tagId: string): void;
  updateAnnotation(id: string, change: Partial<Pick<AnnotationData, 'tagIds' | 'note' | 'attributes'>>): void;
  removeAnnotation(id: string): void;
  /** Attaches a detached annotation to the text selected. */
  reattachAnnotation(id: string): void;
  /** What "annotate every occurrence" starts from: the selected annotation or text; null with neither. */
  occurrenceSource(): OccurrenceSource | null;
  /** Attached annotations' code point ranges and tags. */
  annotationRanges(): { start: number; end: number; tagIds: string[]; detached: boolean }[];
  /** Annotates ranges here and in other documents as one undo step (one store transaction); false with none. */
  annotateMany(request: BatchRequest): boolean;
  /** Shows or hides suggestions; the choice is remembered. */
  setSuggestionsVisible(visible: boolean): void;
  /** Accepts every suggestion of a tag, as one undo step. */
  acceptAllSuggestions(tagId: string): void;
  /** What pressing the tag's key does: tags the selected text, or the selected annotation. */
  applyTag(tag: Tag): void;
  /** The tags changed (name, colour, key): highlights are drawn again. */
  setTags(tags: readonly Tag[]): void;

  /** The document's relations, their types, the selected one and the linking flow. */
  relations(): RelationsState;
  /** Calls `listener` now and whenever the relations state changes; returns the unsubscribe. */
  subscribeRelations(listener: (state: RelationsState) => void): () => void;
  /** Links two annotations (one undo step) and selects the relation. */
  createRelation(from: string, to: string, typeId: string): void;
  updateRelation(id: string, change: Partial<Pick<Relation, 'typeId' | 'note'>>): void;
  deleteRelation(id: string): void;
  selectRelation(id: string | null): void;
  /** Moves the linking flow on (a target found by search, two highlights joined by dragging) or ends it (null). */
  setLinking(linking: Linking | null): void;
  /** The relation types changed in the Tags panel. */
  setRelationTypes(types: readonly RelationType[]): void;

  /** Every finding shown, in document order. */
  findings(): PlacedFinding[];
  /** True while a long text's lines past its opening ones are still being checked (its findings so far are shown). */
  findingsChecking(): boolean;
  /** Selects a finding's text and scrolls to it. */
  showFinding(finding: PlacedFinding): void;
  /** The words either side of a finding, to show a fix in its place. */
  findingContext(finding: PlacedFinding): { before: string; after: string };
  /** Applies the finding's fix, or one of its alternatives (never applied by fixAllSafe). */
  applyFix(finding: PlacedFinding, alternative?: string): void;
  /** Applies every safe fix shown, of one rule or of all; one undo undoes them. */
  fixAllSafe(rule?: string): void;
  /** Hides a finding for good (stored); it comes back only if its text changes. */
  dismiss(finding: PlacedFinding): Promise<void>;

  /** Highlights the matches of `query` (none when empty). */
  find(query: string): void;
  /** Selects the next (1) or previous (-1) match. */
  moveToMatch(direction: 1 | -1): void;

  /** Selects the text between two code points of the current text, clamped to it, scrolls to it and focuses the editor. */
  selectRange(start: number, end: number): void;
  /** The caret's code point in the current text (the selection's head). */
  caret(): number;
  /** Calls `listener` with the caret's code point whenever the selection or the text changes; returns the unsubscribe. */
  onCaret(listener: (caret: number) => void): () => void;
  /** Marks the current source sentence's counterpart and the sentences without source; scrolls to the current one if asked, keeping focus where it is. */
  markCounterparts(marks: CounterpartMarks, scroll: boolean): void;

  /** The document's edits as stored, after sending what is pending. */
  edits(): Promise<Edit[]>;
  /** Reverts one edit as a new edit; resolves with a reason when it cannot. */
  revert(seq: number): Promise<string | null>;
  readonly hasUnsaved: boolean;
  destroy(): void;
}

/** Marks a transaction that brings the editor in line with the store (another window's saved changes, a commit it refused): it is not saved again. */
const FROM_ANOTHER_WINDOW = 'scholia-from-another-window';

export function createEditor(mount: HTMLElement, input: EditorInput, client: ApiClient, callbacks: EditorCallbacks): EditorHandle {
  const documentId = input.document.id;
  const queue = new SyncQueue(
    {
      sendText: async (baseEditCount, changes, origin) => {
        try {
          return (await client.call('edits.apply', { documentId, baseEditCount, changes, origin })).editCount;
        } catch (error) {
          if (error instanceof ApiCallError && error.code === 'conflict') throw new Behind(error.message);
          throw error;
        }
      },
      fetchSince: async (baseEditCount) => {
        const [document, edits] = await Promise.all([client.call('documents.get', { id: documentId }), client.call('edits.list', { documentId })]);
        // The text that goes with exactly this list of edits (another window may have saved between the two calls).
        return { text: replayEdits(document.originalText, edits), edits: edits.slice(baseEditCount) };
      },
    },
    input.document.editCount,
    callbacks.onStatus,
    undefined,
    (report) => applyRebase(report),
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

  /** An annotation operation the store refused as a conflict (its text or its note changed in another window) becomes a draft. */
  const sendOperation = async (op: SingleOp, quote: string, range: Range | null, baseEditCount: number): Promise<void> => {
    try {
      await permanent(() => {
        const { start, end } = range ?? { start: 0, end: 0 };
        switch (op.kind) {
          case 'add': {
            const a = op.annotation;
            return client
              .call('annotations.create', { id: a.id, documentId, baseEditCount, start, end, tagIds: a.tagIds, note: a.note, attributes: a.attributes, createdAt: a.createdAt, origin: a.origin })
              .catch((error: unknown) => refusedAdd(op.annotation.id, quote, error));
          }
          case 'remove':
            // Already gone (its commit was refused, or another window deleted it): what removing wanted.
            return client.call('annotations.delete', { id: op.annotation.id }).catch((error: unknown) => {
              if (!(error instanceof ApiCallError && error.code === 'not_found')) throw error;
            });
          case 'update': {
            // Only the fields changed here, so another window's changes to the others stay.
            const patch = patchBetween(op.before, op.after);
            return Object.keys(patch).length === 0 ? Promise.resolve() : client.call('annotations.update', { id: op.after.id, ...patch });
          }
          case 'attach':
            return client.call('annotations.update', { id: op.annotation.id, baseEditCount, range: { start, end } });
          case 'detach':
            return client.call('annotations.update', { id: op.annotation.id, detach: true });
        }
      });
    } catch (error) {
      if (!(error instanceof ApiCallError && error.code === 'conflict')) throw error;
      if (op.kind === 'add' && (await client.call('annotations.list', { documentId })).some((a) => a.id === op.annotation.id)) {
        return; // an earlier try was saved, its answer lost on the way
      }
      if (op.kind === 'update') {
        // The note changed in another window: the rest of the patch is still sent, the note typed here becomes a draft, and the stored note is shown.
        const rest = patchBetween(op.before, op.after);
        delete rest.note;
        if (Object.keys(rest).length > 0) await client.call('annotations.update', { id: op.after.id, ...rest });
        const stored = (await client.call('annotations.list', { documentId })).find((a) => a.id === op.after.id);
        const theirs = stored?.note ?? '';
        callbacks.onDrafts([{ kind: 'note', quote: stored?.quote ?? op.after.quote, mine: op.after.note, theirs }]);
        updateAnnotationData(view.state, (tr) => view.dispatch(tr.setMeta(FROM_ANOTHER_WINDOW, true).setMeta('addToHistory', false)), op.after.id, { note: theirs });
      } else {
        if (op.kind === 'add') withdraw(op.annotation.id);
        callbacks.onDrafts([lostAnnotation(op, quote)]);
      }
    }
  };

  /**
   * The highlight of a new annotation is drawn before the store commits it.
   * When the store answers that it did not (an error, not a lost answer:
   * that one is sent again), the highlight goes and the status says why.
   */
  const refusedAdd = (id: string, quote: string, error: unknown): never => {
    if (!(error instanceof ApiCallError) || error.code === 'unavailable' || error.code === 'conflict') throw error;
    withdraw(id);
    const shown = [...quote].length > 40 ? `${[...quote].slice(0, 40).join('')}…` : quote;
    throw new PermanentFailure(`“${shown}” was not annotated: ${error.message}`);
  };

  /** Takes a new annotation the store did not keep (and relations made to it) out of the editor; not undoable, not sent. */
  const withdraw = (id: string): void => {
    // The document may have been closed while the commit was on its way.
    if (view.isDestroyed) return;
    removeAnnotation(view.state, (tr) => view.dispatch(tr.setMeta(FROM_ANOTHER_WINDOW, true).setMeta('addToHistory', false)), id);
  };

  /** A relation operation; one the store refuses (an end deleted in another window) is reported through the save status. */
  const sendRelation = (op: RelationOp): Promise<void> =>
    permanent(async () => {
      try {
        switch (op.kind) {
          case 'add': {
            const r = op.relation;
            await client.call('relations.create', { id: r.id, documentId, sourceId: r.sourceId, targetId: r.targetId, typeId: r.typeId, note: r.note, attributes: r.attributes, createdAt: r.createdAt });
            return;
          }
          case 'remove':
            await client.call('relations.delete', { id: op.relation.id });
            return;
          case 'update': {
            const { typeId, note } = op.after;
            await client.call('relations.update', { id: op.after.id, ...(typeId !== op.before.typeId && { typeId }), ...(note !== op.before.note && { note }) });
          }
        }
      } catch (error) {
        // An earlier try was saved, its answer lost on the way.
        if (op.kind === 'add' && error instanceof ApiCallError && error.code === 'conflict') return;
        if (op.kind === 'remove' && error instanceof ApiCallError && error.code === 'not_found') return;
        throw error;
      }
    });

  const lostAnnotation = (op: SingleOp, quote: string): UnsavedDraft => {
    const a = op.kind === 'update' ? op.after : op.annotation;
    return { kind: 'annotation', quote, note: a.note, tagIds: a.tagIds };
  };

  /** Another window saved first: its changes come into this window's text (not as this window's edits, not undoable here). */
  function applyRebase(report: RebaseReport): void {
    if (report.forView.length > 0) {
      const tr = view.state.tr;
      for (const change of report.forView) {
        // Derived from the previous document's index, not read anew from the whole text per change.
        const positions = DocPositions.ofTransform(tr);
        replaceWithText(tr, positions.posAtCodePoint(change.start), positions.posAtCodePoint(change.end), change.inserted);
      }
      view.dispatch(tr.setMeta(FROM_ANOTHER_WINDOW, true).setMeta(PROGRAMMATIC, true).setMeta('addToHistory', false));
    }
    if (report.drafts.length > 0) callbacks.onDrafts(report.drafts.map((d) => ({ kind: 'text', ...d })));
    callbacks.onRebased(report.remoteEdits);
  }

  const save = (tr: Transaction): void => {
    for (const { step, change } of stepChangesOf(tr)) queue.addText([change], originOfStep(tr, step));
    tr.steps.forEach((step, i) => {
      if (step instanceof RelationStep) return queue.addOperation(() => sendRelation(step.op));
      if (!(step instanceof AnnotationStep)) return;
      const op = step.op;
      if (isBatch(op)) {
        const ranges = batchRanges(op, tr.mapping.slice(i + 1), tr.doc);
        return queue.addOperation((_range, baseEditCount) => permanent(() => sendBatch(client, documentId, op, ranges, baseEditCount)));
      }
      // Positions go out in the coordinates of the text after this transaction,
      // which is the store's text once the changes queued before are applied.
      const rest = tr.mapping.slice(i + 1);
      const positions = DocPositions.of(tr.doc);
      const from = 'from' in op ? rest.map(op.from, ANNOTATION_EDGES.start) : 0;
      const to = 'to' in op ? Math.max(from, rest.map(op.to, ANNOTATION_EDGES.end)) : 0;
      const range = op.kind === 'add' || op.kind === 'attach' ? { start: positions.codePointAt(from), end: positions.codePointAt(to) } : null;
      const quote = 'from' in op ? positions.textBetween(from, to) : '';
      queue.addOperation(
        (mapped, baseEditCount) => sendOperation(op, quote, mapped, baseEditCount),
        range,
        () => callbacks.onDrafts([lostAnnotation(op, quote)]),
      );
    });
  };

  const toggle: Command = (state, dispatch) => {
    dispatch?.(setMode(state.tr, currentMode(state) === 'edit' ? 'annotate' : 'edit'));
    return true;
  };

  const doc = input.doc ?? textToDoc(input.document.text);
  const state = EditorState.create({
    doc,
    plugins: [
      positionsPlugin(),
      // Before the keymaps: it takes Ctrl+Home/End (the page holds only part of the text).
      paragraphWindowPlugin(),
      modePlugin('annotate'),
      annotationPlugin(doc, input.annotations, input.tags),
      relationsPlugin(),
      history(),
      lineEndingsPlugin((tr) => tr.getMeta(FROM_ANOTHER_WINDOW) === true),
      undoReattachPlugin(),
      findPlugin(),
      counterpartPlugin(),
      findingsPlugin(input.dismissals),
      relationKeysPlugin(callbacks.explain),
      // Before the annotate keys: Enter and Backspace on a suggestion accept and reject it.
      suggestionsPlugin({
        loadContext: () => client.call('suggestions.context', {}),
        reject: async (rejection) => void (await client.call('suggestions.reject', rejection)),
        unreject: async (rejection) => void (await client.call('suggestions.unreject', rejection)),
        onChange: (summary) => callbacks.onSuggestions?.(summary),
        explain: callbacks.explain,
      }),
      annotateKeysPlugin(callbacks.openTagPicker, callbacks.explain),
      keymap({
        'Mod-z': undo,
        'Mod-y': redo,
        'Mod-Shift-z': redo,
        'Mod-e': toggle,
        'Mod-f': () => {
          callbacks.openFind();
          return true;
        },
        'Mod-.': applyFixAtCaret,
        'Mod-Shift-.': (state) => {
          const finding = findingAt(state, state.selection.head);
          if (finding) void dismiss(finding);
          return finding !== null;
        },
      }),
      // Where lines meet a block boundary, the lines are split and joined, not the blocks.
      keymap(blockKeys),
      keymap(baseKeymap),
    ],
  });

  const caretListeners = new Set<(caret: number) => void>();
  const view: EditorView = new EditorView(mount, {
    state,
    attributes: { 'data-testid': 'editor', spellcheck: 'false', 'aria-label': `Text of ${input.document.title}` },
    clipboardTextSerializer: (slice) => copiedText(slice, view.state.doc),
    transformPasted: (slice) => pastedInBlocks(slice),
    dispatchTransaction(tr) {
      const before = view.state;
      // applyTransaction drops what the mode filter refused and adds appended transactions.
      const { state: next, transactions } = before.applyTransaction(tr);
      // Saved before the page is updated: an annotation's commit goes out at once and the store works while the page is drawn.
      for (const applied of transactions) if (applied.docChanged && !applied.getMeta(FROM_ANOTHER_WINDOW)) save(applied);
      view.updateState(next);
      if (currentMode(next) !== currentMode(before)) callbacks.onMode(currentMode(next));
      const annotations = annotationKey.getState(next)!;
      if (annotations !== annotationKey.getState(before)) callbacks.onAnnotations(annotations);
      const find = findKey.getState(next)!;
      if (find !== findKey.getState(before)) callbacks.onFind(find.matches.length, find.current);
      if (findingsKey.getState(next) !== findingsKey.getState(before)) callbacks.onFindings();
      const relations = relationsKey.getState(next)!;
      if (relations !== relationsKey.getState(before)) for (const listener of relationListeners) listener(relations);
      if (tr.docChanged || tr.selectionSet || findingsKey.getState(next) !== findingsKey.getState(before)) showFindingAt(next.selection.head);
      if ((tr.docChanged || tr.selectionSet) && caretListeners.size > 0) {
        const caret = DocPositions.of(next.doc).codePointAt(next.selection.head);
        for (const listener of caretListeners) listener(caret);
      }
    },
    handleDOMEvents: {
      // A click on a finding shows it, even where the caret already was (after Esc closed it).
      click: (_view, event) => {
        const pos = view.posAtCoords({ left: event.clientX, top: event.clientY });
        if (pos && (event.target as Element | null)?.closest?.('[data-finding-rule]')) showFindingAt(pos.pos);
        return false;
      },
      blur: () => {
        void queue.flush();
        return false;
      },
    },
  });

  function showFindingAt(pos: number): void {
    const finding = findingAt(view.state, pos);
    if (!finding) return callbacks.onActiveFinding(null);
    const anchor: FindingAnchor = {
      getBoundingClientRect() {
        const start = view.coordsAtPos(finding.from);
        const end = view.coordsAtPos(finding.to, -1);
        // A finding over a line break is anchored to its first line.
        const right = end.top === start.top && end.right > start.left ? end.right : start.left + 1;
        return new DOMRect(start.left, start.top, right - start.left, start.bottom - start.top);
      },
    };
    callbacks.onActiveFinding({ finding, anchor });
  }

  let dismissals = [...input.dismissals];
  async function dismiss(finding: PlacedFinding): Promise<void> {
    await client.call('findings.dismiss', { documentId, dismissal: finding.dismissal });
    dismissals = [...dismissals, finding.dismissal];
    view.dispatch(setDismissals(view.state.tr, dismissals));
  }

  async function edits(): Promise<Edit[]> {
    await queue.flush();
    return client.call('edits.list', { documentId });
  }

  async function revert(seq: number): Promise<string | null> {
    const list = await edits();
    if (queue.confirmedEditCount !== list.length) return 'the document is still being saved; try again';
    const change = revertChange(list, seq);
    if (!change) return 'a later edit changed the same text; revert that one first';
    const positions = DocPositions.of(view.state.doc);
    const tr = view.state.tr;
    const from = positions.posAtCodePoint(change.start);
    const to = positions.posAtCodePoint(change.end);
    replaceWithText(tr, from, to, change.inserted);
    view.dispatch(markOrigin(tr, 'revert', 0).scrollIntoView());
    return null;
  }
  callbacks.onAnnotations(annotationKey.getState(view.state)!);

  const relationListeners = new Set<(state: RelationsState) => void>();
  let destroyed = false;
  // Relations come a moment after the text: the editor opens without waiting for them.
  void Promise.all([client.call('relations.list', { documentId }), client.call('relationTypes.list', {})]).then(
    ([relations, types]) => {
      if (!destroyed) view.dispatch(setRelationsMeta(view.state.tr, { load: { relations, types } }));
    },
    (error: unknown) => callbacks.explain(`Could not load the relations: ${error instanceof Error ? error.message : String(error)}`),
  );

  const flushOnHide = () => {
    if (globalThis.document.visibilityState === 'hidden') void queue.flush();
  };
  const flushOnPageHide = () => void queue.flush();
  globalThis.document.addEventListener('visibilitychange', flushOnHide);
  window.addEventListener('pagehide', flushOnPageHide);

  const run = (command: (state: EditorState, dispatch: (tr: Transaction) => void) => unknown): void => {
    command(view.state, view.dispatch);
  };

  return {
    focus: () => view.focus(),
    setMode: (mode) => view.dispatch(setMode(view.state.tr, mode)),
    toggleMode: () => toggle(view.state, view.dispatch),
    undo: () => undo(view.state, view.dispatch),
    redo: () => redo(view.state, view.dispatch),
    flush: () => queue.flush(),
    text: () => docToText(view.state.doc),

    attachedAnnotations() {
      const positions = DocPositions.of(view.state.doc);
      return placedAnnotations(view.state).map((p) => ({ data: p.data, quote: positions.textBetween(p.from, p.to) }));
    },
    selectedQuote() {
      const range = annotationKey.getState(view.state)!.selectedRange;
      return range ? DocPositions.of(view.state.doc).textBetween(range.from, range.to) : null;
    },
    selectAnnotation: (id) => run((s, d) => select(s, d, id, true)),
    toggleTag: (id, tagId) => run((s, d) => toggleTag(s, d, id, tagId)),
    updateAnnotation: (id, change) => run((s, d) => updateAnnotationData(s, d, id, change)),
    removeAnnotation: (id) => run((s, d) => removeAnnotation(s, d, id)),
    reattachAnnotation: (id) => run((s, d) => reattachToSelection(s, d, id)),
    occurrenceSource: () => occurrenceSource(view.state),
    annotationRanges: () => annotationRanges(view.state),
    annotateMany: (request) => annotateMany(view.state, view.dispatch, request),
    setSuggestionsVisible: (visible) => view.dispatch(setSuggestionsVisible(view.state.tr, visible)),
    acceptAllSuggestions: (tagId) => run((s, d) => acceptAllSuggestions(s, d, tagId)),
    applyTag: (tag) => run((s, d) => applyTag(s, d, tag)),
    setTags: (tags) => view.dispatch(setTags(view.state.tr, tags)),

    relations: () => relationsKey.getState(view.state)!,
    subscribeRelations(listener) {
      relationListeners.add(listener);
      listener(relationsKey.getState(view.state)!);
      return () => relationListeners.delete(listener);
    },
    createRelation: (from, to, typeId) => run((s, d) => createRelation(s, d, documentId, from, to, typeId)),
    updateRelation: (id, change) => run((s, d) => updateRelation(s, d, id, change)),
    deleteRelation: (id) => run((s, d) => deleteRelation(s, d, id)),
    selectRelation: (id) => run((s, d) => selectRelation(s, d, id)),
    setLinking: (linking) => run((s, d) => setLinking(s, d, linking)),
    setRelationTypes: (types) => view.dispatch(setRelationsMeta(view.state.tr, { types })),

    findings: () => allFindings(view.state),
    findingsChecking: () => findingsKey.getState(view.state)?.complete === false,
    showFinding: (f) => run((s, d) => d(s.tr.setSelection(TextSelection.create(s.doc, f.from, f.to)).scrollIntoView())),
    findingContext: (finding) => findingContext(view.state, finding),
    applyFix: (finding, alternative) => run((s, d) => applyFix(s, d, finding, alternative)),
    fixAllSafe: (rule) => {
      // All the text's findings, also those a long text's opening left for later.
      const rest = checkRest(view.state);
      if (rest) view.dispatch(rest);
      void fixAllSafe(() => view.state, view.dispatch, rule);
    },
    dismiss,

    find: (query) => view.dispatch(setQuery(view.state.tr, query)),
    moveToMatch: (direction) => run((s, d) => moveToMatch(s, d, direction)),

    selectRange(start, end) {
      const positions = DocPositions.of(view.state.doc);
      const length = [...docToText(view.state.doc)].length;
      const clamp = (n: number) => Math.max(0, Math.min(n, length));
      const from = positions.posAtCodePoint(clamp(start));
      const to = positions.posAtCodePoint(clamp(end));
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)).scrollIntoView());
      view.focus();
    },
    caret: () => DocPositions.of(view.state.doc).codePointAt(view.state.selection.head),
    onCaret(listener) {
      caretListeners.add(listener);
      return () => caretListeners.delete(listener);
    },
    markCounterparts(marks, scroll) {
      view.dispatch(setCounterparts(view.state.tr, marks));
      if (!scroll || !marks.current) return;
      const positions = DocPositions.of(view.state.doc);
      const pos = positions.posAtCodePoint(Math.min(marks.current.start, positions.cpLength));
      reveal(view, pos);
      const { node } = view.domAtPos(pos);
      (node instanceof Element ? node : node.parentElement)?.scrollIntoView({ block: 'nearest' });
    },
    edits,
    revert,
    get hasUnsaved() {
      return queue.hasUnsaved;
    },
    destroy() {
      destroyed = true;
      relationListeners.clear();
      globalThis.document.removeEventListener('visibilitychange', flushOnHide);
      window.removeEventListener('pagehide', flushOnPageHide);
      view.destroy();
    },
  };
}
