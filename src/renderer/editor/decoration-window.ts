// Decorations drawn only where the text is on the page: a plugin keeps (and
// maps) all of its decorations in its state, and the view gets those of the
// paragraphs shown (the paragraph window, see paragraph-window.ts).

import type { Node } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
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
      const to = positions.pmStart[last]! + doc.child(last).content.size + 1;
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
}
