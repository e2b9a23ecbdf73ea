// The paragraph window: the editor keeps the whole document in its state, but
// the page holds the text of only the paragraphs around the visible part
// (plus a margin) and those holding the selection's ends; the others are
// placeholders of their height (paragraph-view.ts). Chromium's work per
// keystroke (selection sync, layout) then no longer grows with the document.
// Highlights and findings are drawn in the same window (decoration-window.ts);
// suggestions near the visible part of it (suggestion-highlights.ts).

import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, Selection, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { keydownHandler } from 'prosemirror-keymap';
import { Decoration, type DecorationSet, type EditorView } from 'prosemirror-view';
import { decorationSet, type DecorationSpan } from './decoration-set';
import { IN_WINDOW, measureLayout, layoutKey, ParagraphHeights, ParagraphViews } from './paragraph-view';
import { DocPositions } from './positions';

/** How far beyond the visible part paragraphs are shown, and moved when scrolling gets nearer than half that: in viewport heights. */
export const WINDOW_MARGIN = 2;
/** The paragraphs shown before the view has measured itself (a document opens at its top), and around a place jumped to: this many characters. */
export const INITIAL_CHARACTERS = 30_000;

/** A window made larger than this (positions) by a change is made again around the selection. */
const MAX_WINDOW_SIZE = 4 * INITIAL_CHARACTERS;

/** Paragraphs first..last, by index, both included. */
export interface ParagraphSpan {
  first: number;
  last: number;
}

/**
 * The window kept around the visible part: positions in its first and last
 * paragraphs, mapped through every change, so that lines typed or pasted
 * inside it are in it.
 */
interface WindowState {
  from: number;
  to: number;
  /** Counts the transactions that asked to scroll to the selection. */
  scrolls: number;
}

const windowKey = new PluginKey<WindowState>('scholia-paragraph-window');

/** The paragraphs of `doc` from the first on, until `chars` characters. */
export function initialWindow(doc: Node, chars = INITIAL_CHARACTERS): ParagraphSpan {
  const positions = DocPositions.of(doc);
  let total = 0;
  let last = 0;
  while (last < positions.count - 1 && total < chars) total += positions.paragraph(last++).content.size;
  return { first: 0, last };
}

/** The paragraphs within `chars` characters either side of paragraph `index`. */
export function windowAround(doc: Node, index: number, chars = INITIAL_CHARACTERS / 2): ParagraphSpan {
  const positions = DocPositions.of(doc);
  const at = positions.pmStart[index]!;
  return { first: positions.paragraphAt(Math.max(0, at - chars)), last: positions.paragraphAt(Math.min(doc.content.size, at + chars)) };
}

function stateOf(doc: Node, span: ParagraphSpan, scrolls = 0): WindowState {
  const positions = DocPositions.of(doc);
  const last = Math.min(span.last, positions.count - 1);
  const first = Math.min(span.first, last);
  return { from: positions.start(first), to: positions.end(last), scrolls };
}

function spanOf(doc: Node, window: WindowState): ParagraphSpan {
  const positions = DocPositions.of(doc);
  return { first: positions.paragraphAt(window.from), last: positions.paragraphAt(window.to) };
}

const shownCache = new WeakMap<EditorState, readonly ParagraphSpan[] | null>();

/**
 * The paragraphs shown with their text, in order, without overlaps: the
 * window and the paragraphs of the selection's anchor and head (ProseMirror
 * puts the browser's selection there). Null: all of them (a short document,
 * or a state without the window).
 */
export function shownParagraphs(state: EditorState): readonly ParagraphSpan[] | null {
  if (shownCache.has(state)) return shownCache.get(state)!;
  const window = windowKey.getState(state);
  let shown: ParagraphSpan[] | null = null;
  if (window) {
    const positions = DocPositions.of(state.doc);
    const ends = [positions.paragraphAt(state.selection.anchor), positions.paragraphAt(state.selection.head)].map((i) => ({ first: i, last: i }));
    shown = mergeSpans([spanOf(state.doc, window), ...ends]);
    if (shown.length === 1 && shown[0]!.first === 0 && shown[0]!.last === positions.count - 1) shown = null;
  }
  shownCache.set(state, shown);
  return shown;
}

/** Spans sorted and joined where they overlap or touch. */
export function mergeSpans(spans: readonly ParagraphSpan[]): ParagraphSpan[] {
  const sorted = [...spans].sort((a, b) => a.first - b.first);
  const merged: ParagraphSpan[] = [];
  for (const s of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && s.first <= previous.last + 1) previous.last = Math.max(previous.last, s.last);
    else merged.push({ ...s });
  }
  return merged;
}

/** Whether paragraph `index` is shown with its text. */
export function isShown(state: EditorState, index: number): boolean {
  const shown = shownParagraphs(state);
  return !shown || shown.some((s) => s.first <= index && index <= s.last);
}

/** Moves the window to the paragraphs `span`. */
export function setWindow(tr: Transaction, span: ParagraphSpan): Transaction {
  return tr.setMeta(windowKey, stateOf(tr.doc, span)).setMeta('addToHistory', false);
}

/**
 * Brings the paragraph holding `pos` into the window (with the paragraphs
 * around it), so that it has text on the page to scroll to or measure.
 */
export function reveal(view: EditorView, pos: number): void {
  const index = DocPositions.of(view.state.doc).paragraphAt(pos);
  if (!isShown(view.state, index)) view.dispatch(setWindow(view.state.tr, windowAround(view.state.doc, index)));
}

/**
 * The window: its state, the node decorations that tell each paragraph's
 * node view whether it is in it, the node views, the keys the browser would
 * otherwise take only as far as the text on the page (Ctrl+Home/End), and
 * the view that moves it as the text scrolls.
 */
export function paragraphWindowPlugin(): Plugin<WindowState> {
  const views = new ParagraphViews(new ParagraphHeights());
  let drawn: { doc: Node; shown: readonly ParagraphSpan[] | null; set: DecorationSet } | null = null;
  const jumpTo =
    (end: 'start' | 'end', extend: boolean): Command =>
    (state, dispatch) => {
      const target = end === 'start' ? Selection.atStart(state.doc) : Selection.atEnd(state.doc);
      const selection = extend ? TextSelection.create(state.doc, state.selection.anchor, target.head) : target;
      dispatch?.(state.tr.setSelection(selection).scrollIntoView());
      return true;
    };
  const keys = keydownHandler({ 'Mod-Home': jumpTo('start', false), 'Mod-End': jumpTo('end', false), 'Shift-Mod-Home': jumpTo('start', true), 'Shift-Mod-End': jumpTo('end', true) });
  return new Plugin<WindowState>({
    key: windowKey,
    state: {
      init: (_config, state) => stateOf(state.doc, initialWindow(state.doc), 0),
      apply(tr, value) {
        const meta = tr.getMeta(windowKey) as WindowState | undefined;
        if (meta) return { ...meta, scrolls: value.scrolls };
        let next = value;
        if (tr.docChanged) {
          next = { from: tr.mapping.map(value.from, -1), to: Math.max(tr.mapping.map(value.from, -1), tr.mapping.map(value.to, 1)), scrolls: value.scrolls };
          // A long text pasted (or brought back by undo) in it: the window is the part around the selection, not all of that.
          if (next.to - next.from > MAX_WINDOW_SIZE) next = stateOf(tr.doc, windowAround(tr.doc, DocPositions.of(tr.doc).paragraphAt(tr.selection.head)), value.scrolls);
        }
        // Scrolled to a place outside the window (find, J/K, a jump from a list, typing after scrolling away): the window moves there.
        if (tr.scrolledIntoView) {
          const positions = DocPositions.of(tr.doc);
          const head = positions.paragraphAt(tr.selection.head);
          const span = spanOf(tr.doc, next);
          if (head < span.first || head > span.last) next = stateOf(tr.doc, windowAround(tr.doc, head), value.scrolls);
          next = { ...next, scrolls: value.scrolls + 1 };
        }
        return next;
      },
    },
    props: {
      decorations(state) {
        const shown = shownParagraphs(state);
        if (drawn && drawn.doc === state.doc && sameSpans(drawn.shown, shown)) return drawn.set;
        drawn = { doc: state.doc, shown, set: windowDecorations(state.doc, shown) };
        return drawn.set;
      },
      nodeViews: {
        paragraph: (node, view, _getPos, decorations) => {
          if (views.heights.layoutKey === null) calibrate(view, views);
          return views.create(node, decorations);
        },
        block: (node, view, _getPos, decorations) => {
          if (views.heights.layoutKey === null) calibrate(view, views);
          return views.createBlock(node, decorations);
        },
      },
      handleKeyDown(view, event) {
        if (keys(view, event)) return true;
        // Arrow keys and Page Up/Down from a paragraph kept only for the selection: its neighbours come first, for the browser to move into.
        if (['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown'].includes(event.key)) {
          const head = DocPositions.of(view.state.doc).paragraphAt(view.state.selection.head);
          const span = spanOf(view.state.doc, windowKey.getState(view.state)!);
          if (head <= span.first || head >= span.last) {
            const around = windowAround(view.state.doc, head);
            if (around.first < span.first || around.last > span.last) view.dispatch(setWindow(view.state.tr, around));
          }
        }
        return false;
      },
    },
    view: (view) => new WindowTracker(view, views),
  });
}

export function sameSpans(a: readonly ParagraphSpan[] | null, b: readonly ParagraphSpan[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((s, i) => s.first === b[i]!.first && s.last === b[i]!.last);
}

/** A node decoration (no attributes: nothing drawn) on each paragraph shown and each block holding one. */
export function windowDecorations(doc: Node, shown: readonly ParagraphSpan[] | null): DecorationSet {
  const positions = DocPositions.of(doc);
  const spans: DecorationSpan[] = [];
  const node = (from: number, to: number) => Decoration.node(from, to, {}, IN_WINDOW);
  let lastBlock = -1;
  for (const { first, last } of shown ?? [{ first: 0, last: positions.count - 1 }]) {
    for (let b = Math.max(lastBlock + 1, positions.blockOf(first)); b <= positions.blockOf(last); b++) {
      const at = positions.blockStart(b);
      spans.push({ from: at, to: at + doc.child(b).nodeSize, decoration: node });
      lastBlock = b;
    }
    for (let i = first; i <= last; i++) {
      const at = positions.start(i) - 1;
      spans.push({ from: at, to: at + positions.paragraph(i).nodeSize, decoration: node });
    }
  }
  // Not DecorationSet.create, which goes through every paragraph of the document for each decoration.
  return decorationSet(doc, spans);
}

/** Measures the layout for the heights' estimates, from the text at the document's top. */
function calibrate(view: EditorView, views: ParagraphViews): boolean {
  const positions = DocPositions.of(view.state.doc);
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; i < positions.count && length < 4000; i++) {
    const text = positions.paragraph(i).textContent;
    parts.push(text);
    length += text.length + 1;
  }
  const layout = measureLayout(view, parts.join(' ').slice(0, 4000));
  return layout !== null && views.heights.relayout(layout.key, layout.metrics);
}

/**
 * Moves the window as the text scrolls or is resized (once a frame at most):
 * remembers the heights of the paragraphs shown, and when the visible part
 * nears the window's edge (or the window is far larger than needed), sets a
 * window of WINDOW_MARGIN viewports either side of it.
 */
class WindowTracker {
  private frame = 0;
  private readonly resizes: ResizeObserver;
  private readonly schedule = () => {
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.run();
    });
  };
  private readonly options = { capture: true, passive: true };

  constructor(
    private readonly view: EditorView,
    private readonly views: ParagraphViews,
  ) {
    globalThis.document.addEventListener('scroll', this.schedule, this.options);
    globalThis.addEventListener('resize', this.schedule);
    // The text's width (panes resized) or line height (relations shown) changed.
    this.resizes = new ResizeObserver(this.schedule);
    this.resizes.observe(view.dom);
    this.schedule();
  }

  update(view: EditorView, previous: EditorState): void {
    if (view.state.doc !== previous.doc || windowKey.getState(view.state) !== windowKey.getState(previous)) this.schedule();
    // ProseMirror scrolls to the selection only when the browser's selection is in the editor; not from the find bar, say.
    const scrolled = windowKey.getState(view.state)!.scrolls !== windowKey.getState(previous)!.scrolls;
    if (scrolled && !view.dom.contains(globalThis.document.getSelection()?.focusNode ?? null)) {
      scrollToPosition(view, view.state.selection.head);
    }
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.resizes.disconnect();
    globalThis.document.removeEventListener('scroll', this.schedule, this.options);
    globalThis.removeEventListener('resize', this.schedule);
  }

  private run(): void {
    const view = this.view;
    // Not laid out (hidden while comparing): nothing to measure.
    if (!view.dom.isConnected || view.composing || view.dom.offsetHeight === 0) return;
    if (layoutKey(view) !== this.views.heights.layoutKey && calibrate(view, this.views)) this.views.resizePlaceholders();
    this.views.measureShown();
    const height = globalThis.innerHeight || 800;
    const near = this.paragraphsWithin(-height * (WINDOW_MARGIN / 2), height * (1 + WINDOW_MARGIN / 2));
    if (!near) return;
    const span = spanOf(view.state.doc, windowKey.getState(view.state)!);
    const wanted = this.paragraphsWithin(-height * WINDOW_MARGIN, height * (1 + WINDOW_MARGIN))!;
    const covers = near.first >= span.first && near.last <= span.last;
    const oversized = span.last - span.first > 3 * (wanted.last - wanted.first + 1) + 50;
    if (covers && !oversized) return;
    if (wanted.first === span.first && wanted.last === span.last) return;
    view.dispatch(setWindow(view.state.tr, wanted));
  }

  /** Indices of the first and last paragraphs that reach into [top, bottom] (viewport coordinates), by binary search over the blocks' elements and then their paragraphs'. */
  private paragraphsWithin(top: number, bottom: number): ParagraphSpan | null {
    const blocks = this.view.dom.children;
    if (blocks.length === 0) return null;
    const first = this.paragraphAtY(blocks, top, 'first');
    const last = this.paragraphAtY(blocks, bottom, 'last');
    return { first, last: Math.max(first, last) };
  }

  /**
   * The paragraph at height `y`: of the elements `elements` (blocks, or a
   * shown block's paragraphs), the first that reaches below `y` ('first') or
   * the last that starts above it ('last'); in a block's placeholder, the
   * paragraph its estimated heights put there.
   */
  private paragraphAtY(elements: HTMLCollection, y: number, edge: 'first' | 'last'): number {
    const count = elements.length;
    const k = this.indexAtY(elements, y, edge);
    const element = elements[k]!;
    const positions = DocPositions.of(this.view.state.doc);
    if (!element.classList.contains('text-block') && !element.classList.contains('block-placeholder')) {
      return positions.paragraphAt(this.view.posAtDOM(element, 0));
    }
    // One element per block (no widgets between them): the element's index is the block's.
    const block = count === positions.blockCount ? k : positions.blockOf(positions.paragraphAt(this.view.posAtDOM(element, 0) + 1));
    const { first, last } = positions.blockParagraphs(block);
    if (element.classList.contains('text-block')) {
      const paragraphs = element.children;
      if (paragraphs.length === last - first + 1) return first + this.indexAtY(paragraphs, y, edge);
      return positions.paragraphAt(this.view.posAtDOM(paragraphs[this.indexAtY(paragraphs, y, edge)]!, 0));
    }
    let offset = y - element.getBoundingClientRect().top;
    for (let i = first; i < last; i++) {
      offset -= this.views.heights.of(positions.paragraph(i));
      if (offset < 0) return i;
    }
    return last;
  }

  /** Of `elements` (in order down the page), the index of the first that reaches below `y` ('first') or of the last that starts above it ('last'). */
  private indexAtY(elements: HTMLCollection, y: number, edge: 'first' | 'last'): number {
    const count = elements.length;
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const rect = elements[mid]!.getBoundingClientRect();
      if (edge === 'first' ? rect.bottom >= y : rect.top > y) hi = mid;
      else lo = mid + 1;
    }
    return edge === 'first' ? Math.min(count - 1, lo) : Math.max(0, lo - 1);
  }
}

/** Scrolls the text so that position `pos` (in a paragraph shown) is in view, a third of the way down when it was not. */
function scrollToPosition(view: EditorView, pos: number): void {
  let scroller: HTMLElement | null = view.dom.parentElement;
  while (scroller && !(scroller.scrollHeight > scroller.clientHeight && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
  const target = view.coordsAtPos(pos);
  const box = scroller ? scroller.getBoundingClientRect() : new DOMRect(0, 0, globalThis.innerWidth, globalThis.innerHeight);
  if (target.top >= box.top && target.bottom <= box.bottom) return;
  const by = target.top - (box.top + box.height / 3);
  if (scroller) scroller.scrollTop += by;
  else globalThis.scrollBy(0, by);
}
