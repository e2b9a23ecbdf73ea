// Suggestions in the editor: proposed annotations drawn as dashed underlines
// (CSS highlights, see suggestion-highlights.ts; never annotations until
// accepted), computed in a worker a moment after the text or the annotations change
// (suggestion-feed.ts), kept and mapped in the plugin's state
// (suggestion-state.ts). In Annotate mode Enter accepts the one at the caret,
// Backspace rejects it (undoably), Shift+Enter accepts every suggestion of its tag.

import { closeHistory } from 'prosemirror-history';
import { Plugin, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { suggestionOrigin, type Rejection } from '../../core/suggestions';
import { annotateMany } from './annotation-batch';
import { newAnnotationId } from './annotation-commands';
import { AnnotationStep } from './annotation-step';
import { annotationState } from './annotations';
import { currentMode } from './mode';
import { DocPositions } from './positions';
import { RejectionStep } from './rejection-step';
import { SuggestionFeed, type SuggestionContext } from './suggestion-feed';
import { SuggestionHighlights } from './suggestion-highlights';
import { applyTransaction, initialValue, placedSuggestions, suggestionAt, suggestionsKey, type Meta, type PlacedSuggestion, type Spec, type SuggestionsValue } from './suggestion-state';

export type { SuggestionContext } from './suggestion-feed';
export { placedSuggestions, suggestionAt, suggestionsKey } from './suggestion-state';

export interface SuggestionHooks {
  /** The workspace's dictionary and rejections, read once when the editor opens. */
  loadContext(): Promise<SuggestionContext>;
  /** Stores a rejection (it is hidden here at once). */
  reject(rejection: Rejection): Promise<void>;
  /** Forgets a rejection (its undo). */
  unreject(rejection: Rejection): Promise<void>;
  /** The suggestions shown changed. */
  onChange(summary: SuggestionSummary): void;
  explain(message: string): void;
}

export interface SuggestionSummary {
  visible: boolean;
  /** How many suggestions each tag has, in text order of their first. */
  byTag: { tagId: string; count: number }[];
}

const VISIBILITY = 'scholia-suggestions';

/** Whether suggestions are shown: the user's last choice, on at first. */
export function storedVisibility(): boolean {
  return globalThis.localStorage?.getItem(VISIBILITY) !== 'off';
}

export function suggestionsPlugin(hooks: SuggestionHooks): Plugin<SuggestionsValue> {
  return new Plugin<SuggestionsValue>({
    key: suggestionsKey,
    state: {
      init: () => initialValue(storedVisibility()),
      apply: (tr, value, _old, state) => applyTransaction(tr, value, state),
    },
    props: {
      handleKeyDown(view, event) {
        if (currentMode(view.state) !== 'annotate' || event.ctrlKey || event.metaKey || event.altKey) return false;
        if (event.key !== 'Enter' && event.key !== 'Backspace') return false;
        // A selected annotation comes first: Backspace deletes it.
        if (event.key === 'Backspace' && annotationState(view.state).selectedId) return false;
        const here = suggestionAt(view.state, view.state.selection.head);
        if (!here) return false;
        if (event.key === 'Enter' && event.shiftKey) acceptAll(view.state, view.dispatch, here.suggestion.tagId);
        else if (event.key === 'Enter') accept(view.state, view.dispatch, here);
        else if (!event.shiftKey) reject(view.state, view.dispatch, here.suggestion);
        else return false;
        return true;
      },
    },
    view(view) {
      const feed = new SuggestionFeed(view, hooks.loadContext);
      const drawn = new SuggestionHighlights(view);
      const store = (action: 'reject' | 'unreject', rejection: Rejection) =>
        hooks[action](rejection).catch((e: unknown) => hooks.explain(`The ${action === 'reject' ? 'rejection' : 'undone rejection'} was not saved: ${(e as Error).message}`));
      hooks.onChange(summaryOf(suggestionsKey.getState(view.state)!));
      // Counted once the suggestions have stopped changing for a moment (counting reads every one of
      // them: thousands in a long text), so typing, which changes them paragraph by paragraph, does not pay for it.
      let counting: ReturnType<typeof setTimeout> | undefined;
      const count = () => {
        clearTimeout(counting);
        counting = setTimeout(() => hooks.onChange(summaryOf(suggestionsKey.getState(view.state)!)), COUNT_AFTER_MS);
      };
      return {
        update(view: EditorView, previous: EditorState) {
          const value = suggestionsKey.getState(view.state)!;
          const before = suggestionsKey.getState(previous)!;
          if (value.stored && value.stored !== before.stored) for (const op of value.stored) void store(op.kind, op.rejection);
          // Not on every keystroke: the summary is counted only when the suggestions themselves change.
          if (value.revision !== before.revision) count();
          feed.update(previous);
          drawn.update(previous);
        },
        destroy() {
          clearTimeout(counting);
          feed.destroy();
          drawn.destroy();
        },
      };
    },
  });
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

/** Rejects a suggestion: gone here and everywhere with its tag and text, remembered in the workspace, one undo step. */
export function reject(state: EditorState, dispatch: (tr: Transaction) => void, suggestion: Pick<Spec, 'tagId' | 'quote'>): void {
  dispatch(closeHistory(state.tr.step(new RejectionStep({ kind: 'reject', rejection: { tagId: suggestion.tagId, quote: suggestion.quote } }))));
}

/** Accepts every suggestion of a tag as one undo step; false when it has none. */
export function acceptAll(state: EditorState, dispatch: (tr: Transaction) => void, tagId: string): boolean {
  const all = placedSuggestions(state).filter((p) => p.suggestion.tagId === tagId);
  const positions = DocPositions.of(state.doc);
  const here = all.map((p) => ({ start: positions.codePointAt(p.from), end: positions.codePointAt(p.to), origin: suggestionOrigin(p.suggestion.source) }));
  const accepted = new Set(all.map((p) => p.suggestion));
  return annotateMany(state, (tr) => dispatch(dropping(tr, (s) => accepted.has(s))), { here, elsewhere: [], tagIds: [tagId] });
}

function dropping(tr: Transaction, drop: (s: Spec) => boolean): Transaction {
  return tr.setMeta(suggestionsKey, { drop } satisfies Meta);
}

/** Shows or hides suggestions (and remembers the choice). */
export function setVisible(tr: Transaction, visible: boolean): Transaction {
  globalThis.localStorage?.setItem(VISIBILITY, visible ? 'on' : 'off');
  return tr.setMeta(suggestionsKey, { visible } satisfies Meta);
}

/** How long the suggestions stay unchanged before the summary is counted again. */
const COUNT_AFTER_MS = 400;

/** The suggestions per tag, the tags in the order of their first suggestion in the text. */
function summaryOf(value: SuggestionsValue): SuggestionSummary {
  const tags = new Map<string, { count: number; first: number }>();
  for (const d of value.decorations.find()) {
    const tagId = (d.spec as Spec).tagId;
    const tag = tags.get(tagId);
    if (tag) {
      tag.count++;
      tag.first = Math.min(tag.first, d.from);
    } else tags.set(tagId, { count: 1, first: d.from });
  }
  const byTag = [...tags].sort((a, b) => a[1].first - b[1].first).map(([tagId, { count }]) => ({ tagId, count }));
  return { visible: value.visible, byTag };
}
