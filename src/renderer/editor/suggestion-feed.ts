// The suggestions plugin's view side: a moment after the text, the
// annotations or the rejections change, the worker is sent what changed (the
// paragraphs in the plugin's dirty range, with the annotations over them, and
// any new settings), one request at a time; its answer (the paragraphs whose
// suggestions changed) is placed in the current text and replaces those
// paragraphs' suggestions. Nothing here reads the whole text except the first
// request (and the first after suggestions are shown again), and that one a
// slice at a time when the page is idle.

import type { Node } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { codePointLength } from '../../core/offsets';
import { entityTagsOf, type DictionaryEntry, type ParagraphInput, type ParagraphSettings, type ParagraphSuggestions, type Rejection } from '../../core/suggestions';
import { AnnotationTerms, type TermChanges } from './annotation-terms';
import type { AnnotationData } from './annotation-step';
import { annotationState, annotationsBetween } from './annotations';
import { paragraphEdits, paragraphNow } from './dirty-paragraphs';
import { DocPositions } from './positions';
import { suggestionSpan, suggestionsKey, type Meta, type PlacedAnswer, type SuggestionsValue } from './suggestion-state';
import type { SuggestRequest } from './suggestion-request';
import { SuggestionWorker, type SuggestionRequester } from './suggestion-worker';
import { whenIdle, type Schedule } from './when-idle';

/** What the workspace adds to the text: the terms annotated before and the rejections. */
export interface SuggestionContext {
  dictionary: DictionaryEntry[];
  rejections: Rejection[];
}

/** After this long without a change, the worker is sent what changed. */
const QUIET_MS = 400;

/**
 * How a request's paragraphs (and annotations, for the whole dictionary) are
 * read: `paragraphs` (`annotations`) at a time until `ms` have passed, then
 * the rest later (`schedule`). A long text's first request would otherwise be
 * one long task (some 0.4 s at 15 MB with 150,000 annotations) just after
 * it is painted.
 */
export interface Slicing {
  ms: number;
  paragraphs: number;
  annotations: number;
  schedule: Schedule;
}

const SLICING: Slicing = { ms: 8, paragraphs: 64, annotations: 2000, schedule: whenIdle };

/**
 * A request as planned: what goes besides the text, which paragraphs of the
 * text go, and whether the whole dictionary goes, made from which
 * annotations (both read later, a slice at a time).
 */
type Plan = Omit<SuggestRequest, 'id' | 'text'> & { text?: { reset: Range } | { edits: { from: number; to: number; paragraphs: Range }[] }; dictionaryOf?: ReadonlyMap<string, AnnotationData> };
interface Range {
  from: number;
  to: number;
}

export class SuggestionFeed {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the worker is to be sent what changed (Date.now()), while the timer runs. */
  private due = 0;
  private busy = false;
  private destroyed = false;
  /** Counts the times suggestions were hidden: an answer asked for before is not placed. */
  private generation = 0;
  /** The text as the worker holds it (as of the last request); null at first, after hiding and after a failure. */
  private asked: Node | null = null;
  /** The workspace's terms, once loaded. */
  private dictionary: readonly DictionaryEntry[] | null = null;
  /** Rejections taken back since the last request (their suggestions were dropped here). */
  private restore: Rejection[] = [];
  /** What the worker was last given, to send only what changed. */
  private sent: { tags: unknown; entities: string; data: unknown; rejections: unknown } = { tags: null, entities: '', data: null, rejections: null };
  /** The annotations' terms as the worker was last sent them. */
  private readonly terms = new AnnotationTerms();

  constructor(
    private readonly view: Pick<EditorView, 'state' | 'dispatch'>,
    loadContext: () => Promise<SuggestionContext>,
    private readonly worker: SuggestionRequester = new SuggestionWorker(),
    private readonly slicing: Slicing = SLICING,
  ) {
    loadContext().then(
      (context) => {
        this.dictionary = context.dictionary;
        if (!this.destroyed) view.dispatch(view.state.tr.setMeta(suggestionsKey, { loaded: context.rejections } satisfies Meta));
        this.schedule(0);
      },
      () => {
        this.dictionary = [];
        this.schedule(0);
      },
    );
  }

  update(previous: EditorState): void {
    const value = suggestionsKey.getState(this.view.state)!;
    const before = suggestionsKey.getState(previous)!;
    if (!value.visible) {
      if (before.visible) this.forget();
      return;
    }
    if (value.stored && value.stored !== before.stored) for (const op of value.stored) if (op.kind === 'unreject') this.restore.push(op.rejection);
    const annotations = annotationState(this.view.state);
    const annotationsBefore = annotationState(previous);
    const changed = (value.dirty.length > 0 && value.dirty !== before.dirty) || value.rejections !== before.rejections || annotations.data !== annotationsBefore.data || annotations.tags !== annotationsBefore.tags;
    if (!before.visible) this.schedule(0);
    else if (changed) this.schedule();
  }

  destroy(): void {
    this.destroyed = true;
    this.stop();
    this.worker.terminate();
  }

  /**
   * Sends what changed `delay` ms from now. A later time only moves the
   * time the running timer checks when it fires: a new timer per keystroke
   * cost the key more than the rest of this plugin's work on it.
   */
  private schedule(delay = QUIET_MS): void {
    const due = Date.now() + delay;
    if (this.timer !== undefined && due >= this.due) {
      this.due = due;
      return;
    }
    this.stop();
    this.due = due;
    this.timer = setTimeout(this.fire, delay);
  }

  private readonly fire = (): void => {
    const wait = this.due - Date.now();
    if (wait > 0) {
      this.timer = setTimeout(this.fire, wait);
      return;
    }
    this.timer = undefined;
    void this.send();
  };

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The worker no longer holds what this editor shows: the next request sends everything. */
  private forget(): void {
    this.generation++;
    this.asked = null;
    this.stop();
  }

  private async send(): Promise<void> {
    if (this.destroyed || this.busy || this.dictionary === null) return;
    const state = this.view.state;
    const value = suggestionsKey.getState(state)!;
    if (!value.visible) return;
    const plan = this.request(state, value);
    if (!plan) return;
    const reset = plan.text !== undefined && 'reset' in plan.text;
    const generation = this.generation;
    const doc = state.doc;
    // The worker is sent `state`'s text, though read a slice at a time: what changes meanwhile is left for the next request, as what changes while the worker is busy.
    this.asked = doc;
    if (value.dirty.length > 0) this.view.dispatch(state.tr.setMeta(suggestionsKey, { sent: true } satisfies Meta));
    this.busy = true;
    const { text, dictionaryOf, ...extra } = plan;
    let request: Omit<SuggestRequest, 'id'> = extra;
    const slice = this.slices();
    if (dictionaryOf) {
      const steps = this.terms.resetting(dictionaryOf, this.dictionary!, this.slicing.annotations);
      let step = steps.next();
      for (; !step.done; step = steps.next()) if (!(await slice())) return;
      request = { ...request, settings: { ...request.settings, dictionary: step.value } };
    }
    if (text && 'reset' in text) {
      // Sent ahead as read, so no one message copies the whole text.
      let staged = 0;
      const read = await this.read(state, text.reset, slice, (part) => {
        this.worker.stage(part);
        staged += part.length;
      });
      if (!read) return;
      request = { ...request, text: { reset: [], staged } };
    } else if (text) {
      const edits: { from: number; to: number; paragraphs: ParagraphInput[] }[] = [];
      for (const e of text.edits) {
        const paragraphs: ParagraphInput[] = [];
        if (!(await this.read(state, e.paragraphs, slice, (part) => paragraphs.push(...part)))) return;
        edits.push({ from: e.from, to: e.to, paragraphs });
      }
      request = { ...request, text: { edits } };
    }
    const answer = await this.worker.request(request);
    this.busy = false;
    if (this.destroyed) return;
    if (!answer) {
      // The worker failed: everything goes again at the next change.
      this.forget();
      this.sent = { tags: null, entities: '', data: null, rejections: null };
      return;
    }
    if (generation === this.generation) this.place(answer, doc, reset);
    // What changed while the worker was busy.
    this.schedule();
  }

  /** What the worker needs to catch up with `state`; null when it has it all. */
  private request(state: EditorState, value: SuggestionsValue): Plan | null {
    const settings: Partial<ParagraphSettings> = {};
    const { tags, data } = annotationState(state);
    if (tags !== this.sent.tags) {
      const entities = entityTagsOf([...tags.values()]);
      const key = JSON.stringify(entities);
      if (key !== this.sent.entities) settings.entities = entities;
      this.sent.tags = tags;
      this.sent.entities = key;
    }
    let terms: TermChanges | null = null;
    let dictionaryOf: ReadonlyMap<string, AnnotationData> | undefined;
    if (data !== this.sent.data) {
      // The whole dictionary goes once (and again after a failure); then only the terms that came and went.
      if (this.sent.data === null) dictionaryOf = data;
      else terms = this.terms.update(data);
      this.sent.data = data;
    }
    if (value.rejections !== this.sent.rejections) {
      settings.rejections = value.rejections;
      this.sent.rejections = value.rejections;
    }
    const changedSettings = Object.keys(settings).length > 0;
    const restore = this.restore;
    this.restore = [];
    const extra = { ...(changedSettings && { settings }), ...(terms && terms.added.length + terms.removed.length > 0 && { terms }), ...(restore.length > 0 && { restore }), ...(dictionaryOf && { dictionaryOf }) };
    const doc = state.doc;
    const all = () => ({ ...extra, text: { reset: { from: 0, to: DocPositions.of(doc).count } } });
    if (!this.asked) return all();
    if (value.dirty.length === 0) return Object.keys(extra).length > 0 ? extra : null;
    const edits = paragraphEdits(doc, value.dirty, DocPositions.of(this.asked).count);
    if (!edits) return all();
    return { ...extra, text: { edits: edits.map((e) => ({ from: e.oldFrom, to: e.oldTo, paragraphs: { from: e.from, to: e.to } })) } };
  }

  /**
   * What is called before each step of a request's work: it goes on at once
   * while the slice has time left (the first step always), else when the
   * page is idle again; false when the feed was destroyed meanwhile.
   */
  private slices(): () => Promise<boolean> {
    const { ms, schedule } = this.slicing;
    let until = performance.now() + ms;
    let first = true;
    return async () => {
      if (first || performance.now() < until) {
        first = false;
        return true;
      }
      await new Promise<void>((resolve) => schedule(resolve));
      until = performance.now() + ms;
      return !this.destroyed;
    };
  }

  /**
   * Paragraphs [from, to) as `state` has them, given to `take` a part at a
   * time (`slice`); false when the feed is destroyed meanwhile. `state` is
   * kept: the text and annotations are those of the moment the request was
   * planned, whatever is done meanwhile.
   */
  private async read(state: EditorState, { from, to }: Range, slice: () => Promise<boolean>, take: (part: ParagraphInput[]) => void): Promise<boolean> {
    for (let i = from; i < to; i += this.slicing.paragraphs) {
      if (!(await slice())) return false;
      take(paragraphInputs(state, i, Math.min(to, i + this.slicing.paragraphs)));
    }
    return true;
  }

  /** Places the worker's answer, computed on `asked`, in the current text; paragraphs changed since are left for the next answer. */
  private place(answer: readonly ParagraphSuggestions[], asked: Node, reset: boolean): void {
    const state = this.view.state;
    const value = suggestionsKey.getState(state)!;
    if (!value.visible || (answer.length === 0 && !reset)) return;
    const doc = state.doc;
    const positions = DocPositions.of(doc);
    // The paragraphs changed since the request are left for the next answer.
    const edits = paragraphEdits(doc, value.dirty, DocPositions.of(asked).count);
    if (!edits) return;
    const placed: PlacedAnswer = { reset, paragraphs: [] };
    for (const { index, suggestions } of answer) {
      const i = paragraphNow(edits, index);
      if (i === null || i >= positions.count) continue;
      const start = positions.pmStart[i]!;
      const cpStart = positions.cpStart[i]!;
      const spans = suggestions.map((s) => suggestionSpan(positions.posAtCodePoint(cpStart + s.start), positions.posAtCodePoint(cpStart + s.end), { tagId: s.tagId, source: s.source, quote: s.quote }));
      placed.paragraphs.push({ from: start, to: positions.end(i), spans });
    }
    this.view.dispatch(state.tr.setMeta(suggestionsKey, { answer: placed } satisfies Meta));
  }
}

/** Paragraphs [from, to) of the text, each with the annotations over it clipped to it, in code points from its start. */
function paragraphInputs(state: EditorState, from: number, to: number): ParagraphInput[] {
  const doc = state.doc;
  const positions = DocPositions.of(doc);
  const inputs: { text: string; annotations: ParagraphInput['annotations'][number][] }[] = [];
  for (let i = from; i < to; i++) inputs.push({ text: positions.paragraph(i).textContent, annotations: [] });
  if (to <= from) return inputs;
  const start = positions.pmStart[from]!;
  const end = positions.end(to - 1);
  for (const a of annotationsBetween(state, start, end)) {
    const first = Math.max(from, positions.paragraphAt(a.from));
    const last = Math.min(to - 1, positions.paragraphAt(a.to));
    for (let i = first; i <= last; i++) {
      const input = inputs[i - from]!;
      const pStart = positions.pmStart[i]!;
      const a0 = Math.max(a.from, pStart) - pStart;
      const a1 = Math.min(a.to, pStart + input.text.length) - pStart;
      if (a1 <= a0) continue;
      input.annotations.push({ start: codePointLength(input.text.slice(0, a0)), end: codePointLength(input.text.slice(0, a1)), tagIds: a.data.tagIds });
    }
  }
  return inputs;
}
