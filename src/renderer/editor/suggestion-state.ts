// What the suggestions plugin keeps: the suggestions as decorations (mapped
// through every edit like highlights, replaced paragraph by paragraph when
// the worker answers), where the text or the annotations changed since the
// worker was last told, and the rejections. Every step here costs what the
// transaction changed, never the length of the text.

import { PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { rejectionKey, type Rejection, type SuggestionSource } from '../../core/suggestions';
import { AnnotationStep, changesText, singleOps } from './annotation-step';
import { rangeOf } from './annotations';
import { decorationSet, type DecorationSpan } from './decoration-set';
import { mapDirty, withRange, type DirtyRange } from './dirty-paragraphs';
import { RejectionStep, type RejectionOp } from './rejection-step';

export interface Range {
  from: number;
  to: number;
}

export interface SuggestionsValue {
  visible: boolean;
  decorations: DecorationSet;
  /** Where the text or the annotations changed since the worker was last sent them (empty: nowhere), mapped through every edit. */
  dirty: readonly DirtyRange[];
  rejections: readonly Rejection[];
  /** The rejections made or undone by the transaction that set this (new each time), for the view to store. */
  stored: readonly RejectionOp[] | null;
  /** Counts changes of which suggestions there are (not their mapping through edits): the summary follows it. */
  revision: number;
}

/** A suggestion as the editor holds it: what accepting or rejecting it needs (drawn by suggestion-highlights.ts, from its tag). */
export interface Spec {
  tagId: string;
  source: SuggestionSource;
  quote: string;
}

/** The worker's answer, placed: each paragraph's range and its suggestions there. */
export interface PlacedAnswer {
  /** The worker had no earlier suggestions: these are all of them. */
  reset: boolean;
  paragraphs: { from: number; to: number; spans: DecorationSpan[] }[];
}

export type Meta =
  | { visible: boolean }
  | { loaded: readonly Rejection[] }
  | { sent: true }
  | { answer: PlacedAnswer }
  | { drop: (spec: Spec) => boolean };

export const suggestionsKey = new PluginKey<SuggestionsValue>('scholia-suggestions');

export function initialValue(visible: boolean): SuggestionsValue {
  return { visible, decorations: DecorationSet.empty, dirty: [], rejections: [], stored: null, revision: 0 };
}

export function applyTransaction(tr: Transaction, value: SuggestionsValue, state: EditorState): SuggestionsValue {
  const meta = tr.getMeta(suggestionsKey) as Meta | undefined;
  if (!tr.docChanged && !meta) return value;
  let { visible, decorations, dirty, rejections, stored, revision } = value;
  if (tr.docChanged) {
    if (changesText(tr)) {
      const edited = editedInside(decorations, tr);
      if (edited.length > 0) {
        decorations = decorations.remove(edited);
        revision++;
      }
      decorations = decorations.map(tr.mapping, tr.doc);
      dirty = mapDirty(dirty, tr);
    }
    const annotations = changedAnnotations(tr, state);
    if (annotations) dirty = withRange(dirty, { ...annotations, added: 0 });
    const ops = tr.steps.flatMap((s) => (s instanceof RejectionStep ? [s.op] : []));
    if (ops.length > 0) {
      stored = ops;
      revision++;
      for (const { kind, rejection } of ops) {
        const key = rejectionKey(rejection);
        if (kind === 'reject') {
          // Gone at once, everywhere in the text.
          rejections = [...rejections, rejection];
          decorations = decorations.remove(decorations.find(undefined, undefined, (spec) => rejectionKey(spec as Spec) === key));
        } else {
          // Back when the worker, told, finds it again.
          const at = rejections.findIndex((r) => rejectionKey(r) === key);
          if (at >= 0) rejections = rejections.filter((_, i) => i !== at);
        }
      }
    }
  }
  if (meta && 'visible' in meta) {
    visible = meta.visible;
    if (!visible) decorations = DecorationSet.empty;
    revision++;
  }
  if (meta && 'loaded' in meta) {
    const known = new Set(meta.loaded.map(rejectionKey));
    rejections = [...meta.loaded, ...rejections.filter((r) => !known.has(rejectionKey(r)))];
  }
  if (meta && 'sent' in meta) dirty = [];
  if (meta && 'answer' in meta && visible) {
    decorations = answered(decorations, tr, meta.answer);
    revision++;
  }
  if (meta && 'drop' in meta) {
    decorations = decorations.remove(decorations.find(undefined, undefined, (spec) => meta.drop(spec as Spec)));
    revision++;
  }
  const same = visible === value.visible && decorations === value.decorations && dirty === value.dirty && rejections === value.rejections && stored === value.stored;
  return same ? value : { visible, decorations, dirty, rejections, stored, revision };
}

/**
 * The suggestions whose own text the transaction changes (text typed inside
 * one, or some of its text deleted), in its first document: no longer what
 * was suggested, they go at once (the edited paragraph's suggestions come
 * back with the worker's next answer). Kept, each key typed inside one
 * would make the view draw it again, and the browser's selection with it
 * (ProseMirror redraws text changed inside a decoration's element).
 */
function editedInside(decorations: DecorationSet, tr: Transaction): Decoration[] {
  if (decorations === DecorationSet.empty) return [];
  const found: Decoration[] = [];
  tr.mapping.maps.forEach((map, i) => {
    // Back to the first document, where the decorations are.
    const back = i > 0 ? tr.mapping.slice(0, i).invert() : null;
    map.forEach((oldStart, oldEnd) => {
      const from = back ? back.map(oldStart, -1) : oldStart;
      const to = back ? back.map(oldEnd, 1) : oldEnd;
      // Text removed from it, or put strictly inside it (typed at its edge is beside it).
      for (const d of decorations.find(from, to)) if ((from < to ? d.from < to && d.to > from : d.from < from && from < d.to) && !found.includes(d)) found.push(d);
    });
  });
  return found;
}

/** The decorations with the answered paragraphs' replaced (all of them, after a reset). */
function answered(decorations: DecorationSet, tr: Transaction, answer: PlacedAnswer): DecorationSet {
  const spans = answer.paragraphs.flatMap((p) => p.spans);
  if (answer.reset) return decorationSet(tr.doc, spans);
  // Every one that reaches into an answered paragraph: one a split left across two paragraphs too.
  const stale = answer.paragraphs.flatMap((p) => decorations.find(p.from, p.to));
  if (stale.length === 0 && spans.length === 0) return decorations;
  return decorations.remove(stale).add(
    tr.doc,
    spans.map((s) => s.decoration(s.from, s.to)),
  );
}

/** Where this transaction added, removed or retagged annotations, in its resulting document; null if nowhere. */
function changedAnnotations(tr: Transaction, state: EditorState): Range | null {
  let range: Range | null = null;
  tr.steps.forEach((step, i) => {
    if (!(step instanceof AnnotationStep)) return;
    const rest = tr.mapping.slice(i + 1);
    for (const op of singleOps(step.op)) {
      if ('from' in op) range = union(range, { from: rest.map(op.from, -1), to: rest.map(op.to, 1) });
      // A note or an attribute changes no suggestion; the tags do.
      else if (op.before.tagIds.join() !== op.after.tagIds.join()) range = union(range, rangeOf(state, op.after.id));
    }
  });
  return range;
}

function union(a: Range | null, b: Range | null): Range | null {
  if (!a) return b;
  if (!b) return a;
  return { from: Math.min(a.from, b.from), to: Math.max(a.to, b.to) };
}

/** A suggestion as a decoration (drawing nothing: the state maps it through edits; suggestion-highlights.ts draws it). */
export function suggestionSpan(from: number, to: number, spec: Spec): DecorationSpan {
  return { from, to, decoration: (f, t) => Decoration.inline(f, t, {}, spec) };
}

export interface PlacedSuggestion {
  suggestion: Spec;
  from: number;
  to: number;
}

/** The suggestion the caret is in or at the edge of; the shortest where several are. */
export function suggestionAt(state: EditorState, pos: number): PlacedSuggestion | null {
  const value = suggestionsKey.getState(state)!;
  if (!value.visible) return null;
  const found = value.decorations.find(pos, pos).sort((a, b) => a.to - a.from - (b.to - b.from));
  const d = found[0];
  return d ? { suggestion: d.spec as Spec, from: d.from, to: d.to } : null;
}

/** Every suggestion shown, in text order. */
export function placedSuggestions(state: EditorState): PlacedSuggestion[] {
  return suggestionsKey
    .getState(state)!
    .decorations.find()
    .map((d) => ({ suggestion: d.spec as Spec, from: d.from, to: d.to }))
    .sort((a, b) => a.from - b.from);
}
