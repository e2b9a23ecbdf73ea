// Decorations drawn only near the visible part of a long document: a plugin
// keeps (and maps) all of its decorations in its state, and the view gets
// those of a window of paragraphs around what is on screen.

import type { Node } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { Decoration, DecorationSet, EditorView } from 'prosemirror-view';
import { decorationSet } from './decoration-set';
import { DocPositions } from './positions';

/** How far beyond the visible part decorations are drawn, and redrawn when scrolling gets nearer than half that: in viewport heights. */
export const WINDOW_MARGIN = 2;
/** Before the view has measured itself, decorations are drawn for the first this many characters (a document opens at its top). */
export const INITIAL_CHARACTERS = 30_000;

/**
 * Decorations drawn only near the visible part of a long document: the
 * paragraphs of the window (null: all of them), kept by the plugin's view from
 * the scroll position, and the decorations of that window, made again by
 * `remake` at positions relative to their paragraph. A plugin keeps (and maps)
 * all its decorations in its state and hands them through `decorations()`:
 *
 *   const shown = new DecorationWindow(doc, (d, from, to) => Decoration.inline(from, to, attrsOf(d), d.spec));
 *   props: { decorations: (state) => shown.decorations(state.doc, all(state)) }, view: (view) => shown.attach(view)
 */
export class DecorationWindow {
  private range: { first: number; last: number } | null;
  private cached: { doc: Node; all: DecorationSet; first: number; last: number; shown: DecorationSet } | null = null;

  constructor(
    doc: Node,
    private readonly remake: (decoration: Decoration, from: number, to: number) => Decoration,
  ) {
    let chars = 0;
    let last = 0;
    while (last < doc.childCount - 1 && chars < INITIAL_CHARACTERS) chars += doc.child(last++).content.size;
    this.range = last >= doc.childCount - 1 ? null : { first: 0, last };
  }

  /** The highlights of the window, from all of them. */
  decorations(doc: Node, all: DecorationSet): DecorationSet {
    if (!this.range) return all;
    const last = Math.min(this.range.last, doc.childCount - 1);
    const first = Math.min(this.range.first, last);
    const c = this.cached;
    if (c && c.doc === doc && c.all === all && c.first === first && c.last === last) return c.shown;
    const positions = DocPositions.of(doc);
    const from = positions.pmStart[first]! - 1;
    const to = positions.pmStart[last]! + doc.child(last).content.size + 1;
    const shown = from <= 0 && to >= doc.content.size ? all : decorationSet(doc, all.find(from, to).map((d) => ({ from: d.from, to: d.to, decoration: (f, t) => this.remake(d, f, t) })));
    this.cached = { doc, all, first, last, shown };
    return shown;
  }

  /**
   * Says that `after` is `before` mapped through `tr` (a plugin's apply, on
   * an edit): the window's part is then mapped too, not made again, so a
   * keystroke costs the view the paragraph it changed, not the window.
   * Paragraphs added or removed move the window's indices: made again then.
   */
  mapped(before: DecorationSet, after: DecorationSet, tr: Transaction): void {
    const c = this.cached;
    if (!c || c.all !== before || c.doc !== tr.before || tr.doc.childCount !== tr.before.childCount) return;
    this.cached = { ...c, doc: tr.doc, all: after, shown: c.shown === before ? after : c.shown.map(tr.mapping, tr.doc) };
  }

  /**
   * Says that `after` is `before` without `removed` and with `added`, in the
   * same document (a plugin's apply, on new decorations): the window's part
   * changes by those of them in the window, and is not made again.
   */
  changed(before: DecorationSet, after: DecorationSet, doc: Node, removed: readonly Decoration[], added: readonly Decoration[]): void {
    const c = this.cached;
    if (!c || c.all !== before || c.doc !== doc) return;
    if (c.shown === before) {
      this.cached = { ...c, all: after, shown: after };
      return;
    }
    const positions = DocPositions.of(doc);
    const from = positions.pmStart[c.first]! - 1;
    const to = positions.pmStart[c.last]! + doc.child(c.last).content.size + 1;
    const inWindow = (d: Decoration) => d.from >= from && d.to <= to;
    const gone = removed.filter(inWindow).flatMap((d) => c.shown.find(d.from, d.to, (spec) => spec === d.spec));
    const come = added.filter(inWindow).map((d) => this.remake(d, d.from, d.to));
    this.cached = { ...c, all: after, shown: gone.length === 0 && come.length === 0 ? c.shown : c.shown.remove(gone).add(doc, come) };
  }

  /** Follows the view's scrolling and size; redraws when the visible part nears the window's edge. */
  attach(view: EditorView): { update(view: EditorView, previous: EditorState): void; destroy(): void } {
    let frame = 0;
    const schedule = () => {
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        if (this.measure(view)) view.updateState(view.state);
      });
    };
    const options = { capture: true, passive: true };
    globalThis.document.addEventListener('scroll', schedule, options);
    globalThis.addEventListener('resize', schedule);
    schedule();
    return {
      // Lines added or removed shift the paragraph indices: measure again.
      update: (_view, previous) => {
        if (view.state.doc.childCount !== previous.doc.childCount) schedule();
      },
      destroy: () => {
        cancelAnimationFrame(frame);
        globalThis.document.removeEventListener('scroll', schedule, options);
        globalThis.removeEventListener('resize', schedule);
      },
    };
  }

  /** Sets the window from the view's layout; true when it changed. */
  private measure(view: EditorView): boolean {
    const height = globalThis.innerHeight || 800;
    const near = this.paragraphsWithin(view, -height * (WINDOW_MARGIN / 2), height * (1 + WINDOW_MARGIN / 2));
    if (!near) return false;
    if (this.range && near.first >= this.range.first && near.last <= this.range.last) return false;
    const range = this.paragraphsWithin(view, -height * WINDOW_MARGIN, height * (1 + WINDOW_MARGIN))!;
    this.range = range.first === 0 && range.last >= view.state.doc.childCount - 1 ? null : range;
    return true;
  }

  /** Indices of the first and last paragraphs that reach into [top, bottom] (viewport coordinates), by binary search over their elements. */
  private paragraphsWithin(view: EditorView, top: number, bottom: number): { first: number; last: number } | null {
    const elements = view.dom.children;
    const count = elements.length;
    if (count === 0) return null;
    // First element whose bottom is below `top`; first element whose top is below `bottom`.
    const search = (test: (rect: DOMRect) => boolean): number => {
      let lo = 0;
      let hi = count;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (test(elements[mid]!.getBoundingClientRect())) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    const firstElement = Math.min(count - 1, search((r) => r.bottom >= top));
    const lastElement = Math.max(firstElement, search((r) => r.top > bottom) - 1);
    const positions = DocPositions.of(view.state.doc);
    const paragraph = (element: Element) => positions.paragraphAt(view.posAtDOM(element, 0));
    return { first: paragraph(elements[firstElement]!), last: paragraph(elements[lastElement]!) };
  }
}
