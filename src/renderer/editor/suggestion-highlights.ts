// Suggestions drawn with the CSS Custom Highlight API: ranges over the text
// of the paragraphs shown, one highlight per tag (`scholia-suggestion-<tagId>`,
// a dashed underline in the tag's colour) and one per tag for the suggestion
// at the caret (`…-at-caret`, a thicker solid underline). Nothing is put in
// the text: ProseMirror has no second decoration set to walk and diff, and the
// browser no extra elements to style and lay out at each keystroke.
//
// A keystroke that only changed the characters of one text node costs the
// ranges with an end in that node whose offset moved (those after the caret),
// found from the plugin's mapped positions; the other ranges are left alone
// (a StaticRange over unchanged nodes stays right). Elements added or removed
// in a paragraph make its ranges again. Only the paragraphs on screen and a
// few either side get ranges: after any change of the DOM, Chromium places
// every range's markers again in the next frame and, the underline drawing
// outside the glyphs, recomputes the ink overflow of every text node with
// one, so what each frame after a key costs follows their number. Scrolling
// further draws the new part before that frame is painted.

/** Paragraphs drawn either side of the visible ones. */
const NEAR_PARAGRAPHS = 4;

import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Tag } from '../../core/model';
import { annotationState } from './annotations';
import { currentMode } from './mode';
import { sameSpans, shownParagraphs, type ParagraphSpan } from './paragraph-window';
import { DocPositions } from './positions';
import { suggestionAt, suggestionsKey, type Spec } from './suggestion-state';

export const HIGHLIGHT_PREFIX = 'scholia-suggestion-';
const AT_CARET = '-at-caret';
const NO_TAG_COLOR = '#868e96';

/** The highlight of a tag's suggestions (and, `atCaret`, of its suggestion at the caret). */
export function highlightName(tagId: string, atCaret = false): string {
  return `${HIGHLIGHT_PREFIX}${tagId}${atCaret ? AT_CARET : ''}`;
}

interface Drawn {
  range: StaticRange;
  tagId: string;
  /** The paragraph element it is in: redrawn when that element's content changes. */
  paragraph: Node;
}

/** Draws the suggestions of the paragraphs shown as highlights; a no-op where the browser has no Highlight API. */
export class SuggestionHighlights {
  private readonly registry: HighlightRegistry | null = globalThis.CSS?.highlights ?? null;
  private readonly drawn = new Map<Spec, Drawn>();
  private readonly byParagraph = new Map<Node, Set<Spec>>();
  private readonly highlights = new Map<string, Highlight>();
  /** The rule of each highlight drawn, by its name. */
  private readonly rules = new Map<string, { tagId: string; color: string; rule: CSSStyleRule }>();
  private readonly observer: MutationObserver | null = null;
  private sheet: HTMLStyleElement | null = null;
  private atCaret: { spec: Spec; range: StaticRange; tagId: string } | null = null;
  private shown: readonly ParagraphSpan[] | null = null;
  /** The paragraphs whose suggestions have ranges: those shown near the visible part. */
  private spans: readonly ParagraphSpan[] = [];
  /** Whether the spans were cut to the visible part (not when the editor was not yet laid out). */
  private placed = false;
  private frame = 0;
  private readonly scrolled = () => {
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      // Hidden, none is drawn wherever the user scrolls.
      if (!suggestionsKey.getState(this.view.state)!.visible) return;
      const near = this.nearVisible(0);
      if (near && (!this.placed || !this.spans.some((s) => s.first <= near.first && near.last <= s.last))) this.drawAll();
    });
  };
  private readonly listening = { capture: true, passive: true };
  /** What hovering says (a range has no title of its own): the suggestion under the pointer, once a frame at most. */
  private pointer: { left: number; top: number } | null = null;
  private hoverFrame = 0;
  private readonly hovered = (event: MouseEvent) => {
    this.pointer = { left: event.clientX, top: event.clientY };
    this.hoverFrame ||= requestAnimationFrame(() => {
      this.hoverFrame = 0;
      this.title();
    });
  };

  constructor(private readonly view: EditorView) {
    if (!this.registry) return;
    // Which paragraphs' elements changed since the last update: their ranges are made again, the others kept.
    this.observer = new MutationObserver(() => {});
    this.observer.observe(view.dom, { childList: true, characterData: true, subtree: true });
    globalThis.document.addEventListener('scroll', this.scrolled, this.listening);
    globalThis.addEventListener('resize', this.scrolled);
    view.dom.addEventListener('mousemove', this.hovered, { passive: true });
    this.drawAll();
    this.scrolled();
  }

  update(previous: EditorState): void {
    if (!this.registry) return;
    const state = this.view.state;
    const value = suggestionsKey.getState(state)!;
    const before = suggestionsKey.getState(previous)!;
    const records = this.observer!.takeRecords();
    const shown = shownParagraphs(state);
    if (!sameSpans(this.shown, shown) || value.visible !== before.visible) {
      this.drawAll();
      return;
    }
    if (annotationState(state).tags !== annotationState(previous).tags) this.colorRules();
    if (value.revision === before.revision && this.followTyping(records)) {
      this.markAtCaret();
      return;
    }
    const changed = new Set<Node>();
    for (const record of records) {
      const paragraph = this.paragraphOf(record.target);
      if (!paragraph) {
        // Paragraphs or blocks added or removed: made again, all of them.
        this.drawAll();
        return;
      }
      changed.add(paragraph);
    }
    if (value.revision !== before.revision) this.drawChanged(changed);
    else for (const paragraph of changed) this.drawParagraph(paragraph);
    this.markAtCaret();
  }

  destroy(): void {
    this.observer?.disconnect();
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.hoverFrame);
    this.view.dom.removeEventListener('mousemove', this.hovered);
    globalThis.document.removeEventListener('scroll', this.scrolled, this.listening);
    globalThis.removeEventListener('resize', this.scrolled);
    for (const name of this.highlights.keys()) this.registry?.delete(name);
    this.sheet?.remove();
  }

  /** Every suggestion shown, made again. */
  private drawAll(): void {
    const state = this.view.state;
    this.shown = shownParagraphs(state);
    this.spans = suggestionsKey.getState(state)!.visible ? this.drawnSpans() : [];
    this.observer!.takeRecords();
    for (const highlight of this.highlights.values()) highlight.clear();
    this.drawn.clear();
    this.byParagraph.clear();
    this.atCaret = null;
    for (const [spec, from, to] of this.inWindow()) this.draw(spec, from, to);
    this.colorRules();
    this.markAtCaret();
  }

  /** After suggestions came or went: those gone are taken away, those come drawn, and the changed paragraphs' made again. */
  private drawChanged(changed: Set<Node>): void {
    const now = this.inWindow();
    const present = new Set(now.map(([spec]) => spec));
    for (const spec of [...this.drawn.keys()]) if (!present.has(spec)) this.erase(spec);
    for (const paragraph of changed) this.drawParagraph(paragraph);
    for (const [spec, from, to] of now) if (!this.drawn.has(spec)) this.draw(spec, from, to);
    this.colorRules();
  }

  /** The ranges of one paragraph's suggestions, made again (its text or elements changed). */
  private drawParagraph(paragraph: Node): void {
    for (const spec of this.byParagraph.get(paragraph) ?? []) this.erase(spec);
    if (!paragraph.isConnected) return;
    const state = this.view.state;
    const positions = DocPositions.of(state.doc);
    const i = positions.paragraphAt(this.view.posAtDOM(paragraph, 0));
    const value = suggestionsKey.getState(state)!;
    for (const d of value.decorations.find(positions.start(i), positions.end(i))) this.draw(d.spec as Spec, d.from, d.to);
  }

  /**
   * After the characters of one text node alone changed (typing, in the usual
   * case), the ranges with an end in it are moved to where the plugin mapped
   * their suggestions, and only those whose offsets changed are made again.
   * False when the change was not that: the caller makes the paragraphs again.
   */
  private followTyping(records: readonly MutationRecord[]): boolean {
    const text = records[0]?.target;
    if (!text || text.nodeType !== Node.TEXT_NODE || records.some((r) => r.type !== 'characterData' || r.target !== text)) return false;
    const paragraph = this.paragraphOf(text);
    if (!paragraph || !text.isConnected) return false;
    const length = (text as Text).length;
    let start = -1;
    let placed: Map<Spec, { from: number; to: number }> | null = null;
    for (const spec of this.byParagraph.get(paragraph) ?? []) {
      const drawn = this.drawn.get(spec)!;
      const range = drawn.range;
      const inStart = range.startContainer === text;
      const inEnd = range.endContainer === text;
      if (!inStart && !inEnd) continue;
      if (!placed) {
        start = this.view.posAtDOM(text, 0);
        placed = new Map(suggestionsKey.getState(this.view.state)!.decorations.find(start, start + length).map((d) => [d.spec as Spec, d]));
      }
      const at = placed.get(spec);
      if (!at) return false;
      const from = inStart ? at.from - start : range.startOffset;
      const to = inEnd ? at.to - start : range.endOffset;
      if ((inStart && (from < 0 || from > length)) || (inEnd && (to < 0 || to > length))) return false;
      if (from === range.startOffset && to === range.endOffset) continue;
      const highlight = this.highlights.get(highlightName(drawn.tagId))!;
      highlight.delete(range);
      drawn.range = new StaticRange({ startContainer: range.startContainer, startOffset: from, endContainer: range.endContainer, endOffset: to });
      highlight.add(drawn.range);
    }
    return true;
  }

  /** The suggestions of the paragraphs shown, with their positions. */
  private inWindow(): [Spec, number, number][] {
    const state = this.view.state;
    const value = suggestionsKey.getState(state)!;
    if (!value.visible) return [];
    const positions = DocPositions.of(state.doc);
    const found: [Spec, number, number][] = [];
    for (const { first, last } of this.spans) {
      for (const d of value.decorations.find(positions.start(first), positions.end(last))) found.push([d.spec as Spec, d.from, d.to]);
    }
    return found;
  }

  private draw(spec: Spec, from: number, to: number): void {
    if (this.drawn.has(spec)) return;
    const start = this.view.domAtPos(from, 1);
    const end = this.view.domAtPos(to, -1);
    const paragraph = this.paragraphOf(start.node);
    if (!paragraph) return;
    const range = new StaticRange({ startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset });
    this.drawn.set(spec, { range, tagId: spec.tagId, paragraph });
    let specs = this.byParagraph.get(paragraph);
    if (!specs) this.byParagraph.set(paragraph, (specs = new Set()));
    specs.add(spec);
    this.highlight(highlightName(spec.tagId)).add(range);
  }

  private erase(spec: Spec): void {
    const drawn = this.drawn.get(spec);
    if (!drawn) return;
    this.drawn.delete(spec);
    this.byParagraph.get(drawn.paragraph)?.delete(spec);
    this.highlights.get(highlightName(drawn.tagId))?.delete(drawn.range);
  }

  /** The suggestion Enter would accept (Annotate mode, the caret in or by it) marked as such. */
  private markAtCaret(): void {
    const state = this.view.state;
    const here = currentMode(state) === 'annotate' ? suggestionAt(state, state.selection.head) : null;
    const drawn = here ? this.drawn.get(here.suggestion) : undefined;
    const next = here && drawn ? { spec: here.suggestion, range: drawn.range, tagId: drawn.tagId } : null;
    const now = this.atCaret;
    if (now?.spec === next?.spec && now?.range === next?.range) return;
    if (now) this.highlights.get(highlightName(now.tagId, true))?.delete(now.range);
    if (next) {
      this.rule(next.tagId, true);
      this.highlight(highlightName(next.tagId, true)).add(next.range);
    }
    this.atCaret = next;
  }

  private title(): void {
    const state = this.view.state;
    const at = this.pointer && this.view.posAtCoords(this.pointer);
    const here = at ? suggestionAt(state, at.pos) : null;
    const tag = here && annotationState(state).tags.get(here.suggestion.tagId);
    const title = here ? `Suggested: ${tag?.name ?? 'tag'} (${here.suggestion.source}) — in Annotate mode Enter accepts, Backspace rejects` : null;
    if (title) this.view.dom.title = title;
    else if (this.view.dom.hasAttribute('title')) this.view.dom.removeAttribute('title');
  }

  private highlight(name: string): Highlight {
    let highlight = this.highlights.get(name);
    if (!highlight) {
      highlight = new Highlight();
      // Drawn over the others, over annotations' and findings' too.
      highlight.priority = name.endsWith(AT_CARET) ? 2 : 1;
      this.highlights.set(name, highlight);
      this.registry!.set(name, highlight);
    }
    return highlight;
  }

  /** A rule for each tag drawn, in its colour; the rules made before follow a change of their tag's colour. */
  private colorRules(): void {
    const tags = annotationState(this.view.state).tags;
    for (const known of this.rules.values()) {
      const color = colorOf(tags.get(known.tagId));
      if (known.color === color) continue;
      known.rule.style.setProperty('text-decoration-color', color);
      known.color = color;
    }
    for (const { tagId } of this.drawn.values()) this.rule(tagId, false);
  }

  /**
   * The rule of a highlight, made when first needed (the caret's only when a
   * suggestion of that tag is at the caret). Scoped to the editor, the only
   * place with ranges: every element restyled resolves a style for each
   * highlight a rule names that applies to it, and the app's other elements
   * (restyled as typing updates them) then resolve none.
   */
  private rule(tagId: string, atCaret: boolean): void {
    const name = highlightName(tagId, atCaret);
    if (this.rules.has(name)) return;
    if (!this.sheet) {
      this.sheet = document.createElement('style');
      this.sheet.dataset.scholia = 'suggestion-highlights';
      document.head.append(this.sheet);
    }
    const sheet = this.sheet.sheet!;
    const at = sheet.cssRules.length;
    const color = colorOf(annotationState(this.view.state).tags.get(tagId));
    // Dashed and unfilled, so a suggestion never passes for an annotation (a tint); the one at the caret solid and thicker.
    const line = atCaret ? 'solid' : 'dashed';
    sheet.insertRule(`.ProseMirror ::highlight(${CSS.escape(name)}) { text-decoration: underline ${line} ${color} ${atCaret ? 3 : 2}px; }`, at);
    this.rules.set(name, { tagId, color, rule: sheet.cssRules[at] as CSSStyleRule });
  }

  /** The paragraphs shown (with their text) near the visible part; all those shown when the editor is not laid out. */
  private drawnSpans(): ParagraphSpan[] {
    const count = DocPositions.of(this.view.state.doc).count;
    const shown = this.shown ?? [{ first: 0, last: count - 1 }];
    const near = this.nearVisible(NEAR_PARAGRAPHS);
    this.placed = near !== null;
    if (!near) return [...shown];
    return shown.flatMap((s) => (s.last < near.first || s.first > near.last ? [] : [{ first: Math.max(s.first, near.first), last: Math.min(s.last, near.last) }]));
  }

  /** The paragraphs on screen, and `margin` more either side; null when the editor is not on screen. */
  private nearVisible(margin: number): ParagraphSpan | null {
    const view = this.view;
    if (!view.dom.isConnected) return null;
    const rect = view.dom.getBoundingClientRect();
    const top = Math.max(rect.top, 0);
    const bottom = Math.min(rect.bottom, globalThis.innerHeight || 0);
    if (bottom <= top || rect.width === 0) return null;
    const left = rect.left + rect.width / 2;
    const from = view.posAtCoords({ left, top: top + 1 });
    const to = view.posAtCoords({ left, top: bottom - 1 });
    if (!from || !to) return null;
    const positions = DocPositions.of(view.state.doc);
    return { first: Math.max(0, positions.paragraphAt(from.pos) - margin), last: Math.min(positions.count - 1, positions.paragraphAt(to.pos) + margin) };
  }

  /** The paragraph element `node` is in (or is); null for the editor's and the blocks' own elements. */
  private paragraphOf(node: Node): Node | null {
    const root = this.view.dom;
    let n: Node | null = node;
    while (n && n.parentNode?.parentNode !== root) n = n.parentNode;
    return n;
  }
}

function colorOf(tag: Tag | undefined): string {
  const color = tag?.color;
  return color && CSS.supports('color', color) ? color : NO_TAG_COLOR;
}
