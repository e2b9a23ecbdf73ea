// Decorations drawn only where the text is on the page: a plugin keeps (and
// maps) all of its decorations in its state, and the view gets those of the
// paragraphs shown (the paragraph window, see paragraph-window.ts).

import type { Node } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { Decoration, DecorationSet } from 'prosemirror-view';
import { decorationSet } from './decoration-set';
import { sameSpans, shownParagraphs, type ParagraphSpan } from './paragraph-window';
import { DocPositions } from './positions';

/**
 * The decorations of the paragraphs shown, made again by `remake` at
 * positions relative to their paragraph. A plugin keeps (and maps) all its
 * decorations in its state and hands them through `decorations()`:
 *
 *   const shown = new DecorationWindow((d, from, to) => Decoration.inline(from, to, attrsOf(d), d.spec));
 *   props: { decorations: (state) => shown.decorations(state, all(state)) }
 */
export class DecorationWindow {
  private cached: { doc: Node; all: DecorationSet; spans: readonly ParagraphSpan[]; shown: DecorationSet } | null = null;

  constructor(private readonly remake: (decoration: Decoration, from: number, to: number) => Decoration) {}

  /** The decorations of the paragraphs shown, from all of them. */
  decorations(state: EditorState, all: DecorationSet): DecorationSet {
    const spans = shownParagraphs(state);
    if (!spans) return all;
    const doc = state.doc;
    const c = this.cached;
    if (c && c.doc === doc && c.all === all && sameSpans(c.spans, spans)) return c.shown;
    const positions = DocPositions.of(doc);
    const found: Decoration[] = [];
    let previousEnd = -1;
    for (const { first, last } of spans) {
      const from = positions.pmStart[first]! - 1;
      const to = positions.end(last) + 1;
      // One that starts by the previous span's end reaches into it: found there already.
      for (const d of all.find(from, to)) if (d.from > previousEnd) found.push(d);
      previousEnd = to;
    }
    const shown = decorationSet(
      doc,
      found.map((d) => ({ from: d.from, to: d.to, decoration: (f: number, t: number) => this.remake(d, f, t) })),
    );
    this.cached = { doc, all, spans, shown };
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
    if (!c || c.all !== before || c.doc !== tr.before || DocPositions.of(tr.doc).count !== DocPositions.of(tr.before).count) return;
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
    const ranges = c.spans.map(({ first, last }) => ({ from: positions.pmStart[first]! - 1, to: positions.end(last) + 1 }));
    const inWindow = (d: Decoration) => ranges.some(({ from, to }) => d.to >= from && d.from <= to);
    const gone = removed.filter(inWindow).flatMap((d) => c.shown.find(d.from, d.to, (spec) => spec === d.spec));
    const come = added.filter(inWindow).map((d) => this.remake(d, d.from, d.to));
    this.cached = { ...c, all: after, shown: gone.length === 0 && come.length === 0 ? c.shown : c.shown.remove(gone).add(doc, come) };
  }
}
