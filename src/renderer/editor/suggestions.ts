// Suggestions in the editor: proposed annotations drawn as dashed, unfilled
// highlights (decorations of their own, never annotations until accepted),
// computed in a worker a moment after the text or the annotations change.
// In Annotate mode Enter accepts the one at the caret, Backspace rejects it,
// Shift+Enter accepts every suggestion of its tag.

import { closeHistory } from 'prosemirror-history';
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { Tag } from '../../core/model';
import { dictionaryFromAnnotations, entityTagsOf, rejectionKey, suggestionOrigin, type DictionaryEntry, type Rejection, type Suggestion } from '../../core/suggestions';
import { annotateMany } from './annotation-batch';
import { newAnnotationId } from './annotation-commands';
import { AnnotationStep } from './annotation-step';
import { annotationKey, annotationState } from './annotations';
import { decorationSet } from './decoration-set';
import { DecorationWindow } from './decoration-window';
import { currentMode } from './mode';
import { annotationRanges } from './occurrences';
import { DocPositions } from './positions';
import { SuggestionWorker } from './suggestion-worker';
import { docToText } from './text-doc';

/** What the workspace adds to the text: the terms annotated before and the rejections. */
export interface SuggestionContext {
  dictionary: DictionaryEntry[];
  rejections: Rejection[];
}

export interface SuggestionHooks {
  /** The workspace's dictionary and rejections, read once when the editor opens. */
  loadContext(): Promise<SuggestionContext>;
  /** Stores a rejection (it is hidden here at once). */
  reject(rejection: Rejection): Promise<void>;
  /** The suggestions shown changed. */
  onChange(summary: SuggestionSummary): void;
  explain(message: string): void;
}

export interface SuggestionSummary {
  visible: boolean;
  /** How many suggestions each tag has, in text order of their first. */
  byTag: { tagId: string; count: number }[];
}

interface SuggestionsValue {
  visible: boolean;
  decorations: DecorationSet;
  /** Counts text changes: an answer computed on an older text is dropped (and asked for again). */
  version: number;
  /** Counts changes of which suggestions there are (not their mapping through edits): the summary follows it. */
  revision: number;
}

interface Spec {
  suggestion: Suggestion;
  /** Its attributes, to draw it again elsewhere (DecorationWindow). */
  attrs: Record<string, string>;
}

type Meta = { visible: boolean } | { set: Suggestion[]; version: number; tags: ReadonlyMap<string, Tag> } | { drop: (s: Suggestion) => boolean };

export const suggestionsKey = new PluginKey<SuggestionsValue>('scholia-suggestions');

/** After this long without a change, suggestions are computed again. */
const QUIET_MS = 500;
const VISIBILITY = 'scholia-suggestions';

/** Whether suggestions are shown: the user's last choice, on at first. */
export function storedVisibility(): boolean {
  return globalThis.localStorage?.getItem(VISIBILITY) !== 'off';
}

export function suggestionsPlugin(hooks: SuggestionHooks): Plugin<SuggestionsValue> {
  // Like highlights, drawn only near the visible part of a long text.
  const shown = new DecorationWindow((d, from, to) => Decoration.inline(from, to, (d.spec as Spec).attrs, d.spec as Spec));
  let context: SuggestionContext = { dictionary: [], rejections: [] };
  return new Plugin<SuggestionsValue>({
    key: suggestionsKey,
    state: {
      init: () => ({ visible: storedVisibility(), decorations: DecorationSet.empty, version: 0, revision: 0 }),
      apply(tr, value) {
        const meta = tr.getMeta(suggestionsKey) as Meta | undefined;
        let { visible, decorations, version, revision } = value;
        if (tr.docChanged) {
          decorations = decorations.map(tr.mapping, tr.doc);
          version++;
        }
        if (meta && 'visible' in meta) {
          visible = meta.visible;
          if (!visible) decorations = DecorationSet.empty;
        }
        if (meta && 'set' in meta && meta.version === version && visible) decorations = updated(decorations, tr.doc, meta.set, meta.tags);
        if (meta && 'drop' in meta) decorations = decorations.remove(decorations.find(undefined, undefined, (spec) => meta.drop((spec as Spec).suggestion)));
        if (meta) revision++;
        return visible === value.visible && decorations === value.decorations && version === value.version ? value : { visible, decorations, version, revision };
      },
    },
    props: {
      decorations(state) {
        const value = suggestionsKey.getState(state)!;
        return value.visible ? shown.decorations(state, value.decorations) : null;
      },
      handleKeyDown(view, event) {
        if (currentMode(view.state) !== 'annotate' || event.ctrlKey || event.metaKey || event.altKey) return false;
        if (event.key !== 'Enter' && event.key !== 'Backspace') return false;
        // A selected annotation comes first: Backspace deletes it.
        if (event.key === 'Backspace' && annotationState(view.state).selectedId) return false;
        const here = suggestionAt(view.state, view.state.selection.head);
        if (!here) return false;
        if (event.key === 'Enter' && event.shiftKey) acceptAll(view.state, view.dispatch, here.suggestion.tagId);
        else if (event.key === 'Enter') accept(view.state, view.dispatch, here);
        else if (!event.shiftKey) {
          // Gone here at once, everywhere in the text; stored so it is never proposed again.
          const rejection: Rejection = { tagId: here.suggestion.tagId, quote: here.suggestion.quote };
          context = { ...context, rejections: [...context.rejections, rejection] };
          view.dispatch(dropping(view.state.tr, (s) => rejectionKey(s) === rejectionKey(rejection)));
          hooks.reject(rejection).catch((e: unknown) => hooks.explain(`The rejection was not saved: ${(e as Error).message}`));
        } else return false;
        return true;
      },
    },
    view(view) {
      const worker = new SuggestionWorker();
      let timer: ReturnType<typeof setTimeout> | undefined;
      let destroyed = false;
      const compute = async () => {
        const value = suggestionsKey.getState(view.state)!;
        if (!value.visible || destroyed) return;
        const state = view.state;
        const ranges = annotationRanges(state);
        const annotated = [...annotationState(state).data.values()];
        const result = await worker.suggest(docToText(state.doc), {
          dictionary: [...context.dictionary, ...dictionaryFromAnnotations(annotated)],
          entities: entityTagsOf([...annotationState(state).tags.values()]),
          annotations: ranges,
          rejections: context.rejections,
        });
        if (result && !destroyed) view.dispatch(view.state.tr.setMeta(suggestionsKey, { set: result, version: value.version, tags: annotationState(view.state).tags } satisfies Meta));
      };
      const schedule = (delay = QUIET_MS) => {
        clearTimeout(timer);
        timer = setTimeout(() => void compute(), delay);
      };
      hooks.loadContext().then(
        (loaded) => {
          context = loaded;
          schedule(0);
        },
        () => schedule(0),
      );
      hooks.onChange(summaryOf(suggestionsKey.getState(view.state)!));
      return {
        update(view: EditorView, previous: EditorState) {
          const value = suggestionsKey.getState(view.state)!;
          const before = suggestionsKey.getState(previous)!;
          // Not on every keystroke: the summary is counted only when the suggestions themselves change.
          if (value.revision !== before.revision) hooks.onChange(summaryOf(value));
          const annotationsChanged = annotationKey.getState(view.state)!.data !== annotationKey.getState(previous)!.data;
          if (value.visible && (value.version !== before.version || annotationsChanged || !before.visible)) schedule();
        },
        destroy() {
          destroyed = true;
          clearTimeout(timer);
          worker.terminate();
        },
      };
    },
  });
}

/** A suggestion's look: a dashed outline in its tag's colour, no fill (see styles.css), and what hovering says. */
function specOf(s: Suggestion, tags: ReadonlyMap<string, Tag>): Spec {
  const tag = tags.get(s.tagId);
  const attrs = {
    // Its own element, never merged with a highlight's.
    nodeName: 'span',
    class: 'suggestion',
    'data-suggestion-tag': tag?.name ?? s.tagId,
    'data-suggestion-source': s.source,
    style: `--tag-color: ${tag?.color ?? '#868e96'}`,
    title: `Suggested: ${tag?.name ?? 'tag'} (${s.source}) — Enter accepts, Backspace rejects`,
  };
  return { suggestion: s, attrs };
}

/** The suggestions as decorations of `doc` (their offsets are code points of its text). */
function placed(doc: Node, suggestions: readonly Suggestion[], tags: ReadonlyMap<string, Tag>): DecorationSet {
  const positions = DocPositions.of(doc);
  return decorationSet(
    doc,
    suggestions.map((s) => {
      const spec = specOf(s, tags);
      return { from: positions.posAtCodePoint(s.start), to: positions.posAtCodePoint(s.end), decoration: (f: number, t: number) => Decoration.inline(f, t, spec.attrs, spec) };
    }),
  );
}

/**
 * The set with `suggestions` in it: those already shown stay as they are and
 * only the others are removed or added, so a new answer after an edit costs
 * what changed, not the thousands of suggestions of a long text.
 */
function updated(current: DecorationSet, doc: Node, suggestions: readonly Suggestion[], tags: ReadonlyMap<string, Tag>): DecorationSet {
  if (current === DecorationSet.empty) return placed(doc, suggestions, tags);
  const positions = DocPositions.of(doc);
  const key = (s: Suggestion, start: number, end: number) => `${start}:${end}:${s.tagId}:${s.source}:${s.quote}`;
  const wanted = new Map(suggestions.map((s) => [key(s, s.start, s.end), s]));
  const stale = current.find().filter((d) => !wanted.delete(key((d.spec as Spec).suggestion, positions.codePointAt(d.from), positions.codePointAt(d.to))));
  if (stale.length === 0 && wanted.size === 0) return current;
  const added = [...wanted.values()].map((s) => {
    const spec = specOf(s, tags);
    return Decoration.inline(positions.posAtCodePoint(s.start), positions.posAtCodePoint(s.end), spec.attrs, spec);
  });
  return current.remove(stale).add(doc, added);
}

interface PlacedSuggestion {
  suggestion: Suggestion;
  from: number;
  to: number;
}

/** The suggestion the caret is in or at the edge of; the shortest where several are. */
export function suggestionAt(state: EditorState, pos: number): PlacedSuggestion | null {
  const value = suggestionsKey.getState(state)!;
  if (!value.visible) return null;
  const found = value.decorations.find(pos, pos).sort((a, b) => a.to - a.from - (b.to - b.from));
  const d = found[0];
  return d ? { suggestion: (d.spec as Spec).suggestion, from: d.from, to: d.to } : null;
}

/** Every suggestion shown, in text order. */
export function placedSuggestions(state: EditorState): PlacedSuggestion[] {
  return suggestionsKey
    .getState(state)!
    .decorations.find()
    .map((d) => ({ suggestion: (d.spec as Spec).suggestion, from: d.from, to: d.to }))
    .sort((a, b) => a.from - b.from);
}

function dropping(tr: Transaction, drop: (s: Suggestion) => boolean): Transaction {
  return tr.setMeta(suggestionsKey, { drop } satisfies Meta);
}

/** Accepts one suggestion: an annotation with its tag and origin `suggestion:<source>`, one undo step. */
export function accept(state: EditorState, dispatch: (tr: Transaction) => void, { suggestion, from, to }: PlacedSuggestion): void {
  const now = new Date().toISOString();
  const step = new AnnotationStep({
    kind: 'add',
    annotation: {
      id: newAnnotationId(),
      documentId: '',
      quote: state.doc.textBetween(from, to, '\n'),
      tagIds: [suggestion.tagId],
      note: '',
      attributes: {},
      author: '',
      createdAt: now,
      updatedAt: now,
      detached: false,
      origin: suggestionOrigin(suggestion.source),
    },
    from,
    to,
  });
  dispatch(dropping(closeHistory(state.tr.step(step)), (s) => s === suggestion));
}

/** Accepts every suggestion of a tag as one undo step; false when it has none. */
export function acceptAll(state: EditorState, dispatch: (tr: Transaction) => void, tagId: string): boolean {
  const all = placedSuggestions(state).filter((p) => p.suggestion.tagId === tagId);
  const positions = DocPositions.of(state.doc);
  const here = all.map((p) => ({ start: positions.codePointAt(p.from), end: positions.codePointAt(p.to), origin: suggestionOrigin(p.suggestion.source) }));
  const accepted = new Set(all.map((p) => p.suggestion));
  return annotateMany(state, (tr) => dispatch(dropping(tr, (s) => accepted.has(s))), { here, elsewhere: [], tagIds: [tagId] });
}

/** Shows or hides suggestions (and remembers the choice). */
export function setVisible(tr: Transaction, visible: boolean): Transaction {
  globalThis.localStorage?.setItem(VISIBILITY, visible ? 'on' : 'off');
  return tr.setMeta(suggestionsKey, { visible } satisfies Meta);
}

function summaryOf(value: SuggestionsValue): SuggestionSummary {
  const counts = new Map<string, number>();
  for (const d of value.decorations.find().sort((a, b) => a.from - b.from)) {
    const tagId = (d.spec as Spec).suggestion.tagId;
    counts.set(tagId, (counts.get(tagId) ?? 0) + 1);
  }
  return { visible: value.visible, byTag: [...counts].map(([tagId, count]) => ({ tagId, count })) };
}
