// How a paragraph is drawn: with its text when it is in the paragraph window
// (see paragraph-window.ts), else as an empty placeholder of its height, so
// the page holds the text of only part of a long document while the
// scrollbar still spans all of it. A block of paragraphs (schema.ts) none of
// which is in the window is one placeholder of their summed height: the page
// then holds a few hundred elements for a long document, not one per line.

import type { Node } from 'prosemirror-model';
import type { Decoration, EditorView, NodeView } from 'prosemirror-view';

/** The spec of the node decoration that puts a paragraph, or a block holding one, in the window. */
export const IN_WINDOW = Object.freeze({ paragraphWindow: true });

export function inWindow(decorations: readonly Decoration[]): boolean {
  return decorations.some((d) => d.spec === IN_WINDOW);
}

/** What a paragraph's height is estimated from before it has been shown. */
export interface LineMetrics {
  /** Height of one more line, in pixels. */
  lineHeight: number;
  /** Height of a one-line paragraph less one line (padding, borders). */
  extra: number;
  /** Characters (UTF-16) on a wrapped line, on average, word wrapping included. */
  charsPerLine: number;
}

/** Until the text has been measured: the stylesheet's 1.05rem Georgia at 1.65, in a column about 80 characters wide. */
export const DEFAULT_METRICS: LineMetrics = { lineHeight: 27.7, extra: 0, charsPerLine: 80 };

/** A paragraph of `length` characters, laid out with `metrics`. */
export function estimateHeight(length: number, metrics: LineMetrics): number {
  const lines = Math.max(1, Math.ceil(length / metrics.charsPerLine));
  return metrics.extra + lines * metrics.lineHeight;
}

/**
 * Metrics from three probe paragraphs laid out like the text: one line, two
 * lines, and `sample` (text of the document) wrapped. Its last line is half
 * full on average, hence the half line taken off.
 */
export function metricsFrom(oneLine: number, twoLines: number, sampleHeight: number, sampleLength: number): LineMetrics | null {
  const lineHeight = twoLines - oneLine;
  if (!(lineHeight > 0) || !(oneLine > 0)) return null;
  const extra = Math.max(0, oneLine - lineHeight);
  const lines = Math.max(1, Math.round((sampleHeight - extra) / lineHeight));
  const charsPerLine = lines > 1 ? sampleLength / (lines - 0.5) : Math.max(sampleLength, DEFAULT_METRICS.charsPerLine);
  return { lineHeight, extra, charsPerLine };
}

/**
 * Paragraph heights: measured ones remembered per paragraph node (a node is
 * never changed: an edited paragraph is a new node), the others estimated.
 * All of it holds for one layout (width, font, line height); a new layout
 * starts afresh.
 */
export class ParagraphHeights {
  private measured = new WeakMap<Node, number>();
  private layout: string | null = null;
  metrics: LineMetrics = DEFAULT_METRICS;

  of(paragraph: Node): number {
    return this.measured.get(paragraph) ?? estimateHeight(paragraph.content.size, this.metrics);
  }

  /** The height of a block's paragraphs. */
  ofBlock(block: Node): number {
    let height = 0;
    block.forEach((paragraph) => (height += this.of(paragraph)));
    return height;
  }

  isMeasured(paragraph: Node): boolean {
    return this.measured.has(paragraph);
  }

  remember(paragraph: Node, height: number): void {
    if (height > 0) this.measured.set(paragraph, height);
  }

  /** Starts again for a new layout (`key`: what the heights depend on); false when it is the same one. */
  relayout(key: string, metrics: LineMetrics): boolean {
    if (key === this.layout) return false;
    this.layout = key;
    this.metrics = metrics;
    this.measured = new WeakMap();
    return true;
  }

  get layoutKey(): string | null {
    return this.layout;
  }
}

/** The node views of one editor: the paragraphs shown with their text, and the placeholders. */
export class ParagraphViews {
  readonly shown = new Set<ShownParagraph>();
  readonly placeholders = new Set<Placeholder>();

  constructor(readonly heights: ParagraphHeights) {}

  create(node: Node, decorations: readonly Decoration[]): NodeView {
    return inWindow(decorations) ? new ShownParagraph(node, this.shown) : new Placeholder(node, this, (n) => this.heights.of(n), 'paragraph-placeholder');
  }

  createBlock(node: Node, decorations: readonly Decoration[]): NodeView {
    return inWindow(decorations) ? new ShownBlock() : new Placeholder(node, this, (n) => this.heights.ofBlock(n), 'paragraph-placeholder block-placeholder');
  }

  /** Remembers the heights of the paragraphs shown that have not been measured (one layout for all). */
  measureShown(): void {
    for (const view of this.shown) {
      if (!this.heights.isMeasured(view.node) && view.dom.isConnected) this.heights.remember(view.node, view.dom.getBoundingClientRect().height);
    }
  }

  /** Gives every placeholder its height again (after a new layout). */
  resizePlaceholders(): void {
    for (const placeholder of this.placeholders) placeholder.resize();
  }
}

/** A paragraph in the window: ProseMirror draws its text in it. Leaves the window by being made again. */
class ShownParagraph implements NodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;

  constructor(
    public node: Node,
    private readonly registry: Set<ShownParagraph>,
  ) {
    this.dom = this.contentDOM = document.createElement('p');
    registry.add(this);
  }

  update(node: Node, decorations: readonly Decoration[]): boolean {
    if (!inWindow(decorations)) return false;
    this.node = node;
    return true;
  }

  destroy(): void {
    this.registry.delete(this);
  }
}

/**
 * A paragraph, or a block of them, outside the window: an element of its
 * height without content (no contentDOM: ProseMirror treats it as opaque and
 * makes it non-editable). Never the anchor of the browser's scroll anchoring,
 * which would be lost when it is replaced by the text.
 */
class Placeholder implements NodeView {
  readonly dom: HTMLElement;

  constructor(
    private node: Node,
    private readonly views: ParagraphViews,
    /** The node's height: a paragraph's, or the sum of a block's paragraphs'. */
    private readonly height: (node: Node) => number,
    className: string,
  ) {
    this.dom = document.createElement('div');
    this.dom.className = className;
    this.dom.setAttribute('aria-hidden', 'true');
    this.dom.style.overflowAnchor = 'none';
    this.resize();
    views.placeholders.add(this);
  }

  resize(): void {
    this.dom.style.height = `${this.height(this.node)}px`;
  }

  update(node: Node, decorations: readonly Decoration[]): boolean {
    if (inWindow(decorations)) return false;
    if (node !== this.node) {
      this.node = node;
      this.resize();
    }
    return true;
  }

  ignoreMutation(): boolean {
    return true;
  }

  destroy(): void {
    this.views.placeholders.delete(this);
  }
}

/** A block with a paragraph in the window: its paragraphs are drawn in it, each shown or a placeholder. */
class ShownBlock implements NodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;

  constructor() {
    this.dom = this.contentDOM = document.createElement('div');
    this.dom.className = 'text-block';
  }

  update(_node: Node, decorations: readonly Decoration[]): boolean {
    return inWindow(decorations);
  }
}

/**
 * Measures how the view lays out text, with probe paragraphs in a hidden
 * sibling of the editor (not inside it: ProseMirror would read them as
 * typed); null when the editor is not laid out (hidden).
 */
export function measureLayout(view: EditorView, sample: string): { key: string; metrics: LineMetrics } | null {
  const host = view.dom.parentElement;
  if (!host || !view.dom.isConnected) return null;
  const style = getComputedStyle(view.dom);
  const width = view.dom.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  if (!(width > 0)) return null;
  const wrapper = document.createElement('div');
  wrapper.setAttribute('aria-hidden', 'true');
  wrapper.style.cssText = 'height:0;overflow:hidden;visibility:hidden;contain:strict';
  const probe = document.createElement('div');
  probe.className = 'ProseMirror';
  probe.style.cssText = `width:${width}px;padding:0;border:0;margin:0`;
  const paragraphs = ['x', 'x\nx', sample || 'x'].map((text) => {
    const p = document.createElement('p');
    p.textContent = text;
    probe.append(p);
    return p;
  });
  wrapper.append(probe);
  host.append(wrapper);
  const [one, two, wrapped] = paragraphs.map((p) => p.getBoundingClientRect().height) as [number, number, number];
  wrapper.remove();
  const metrics = metricsFrom(one, two, wrapped, sample.length);
  return metrics && { key: layoutKey(view), metrics };
}

/** What the paragraphs' heights depend on: the text's width and its font. */
export function layoutKey(view: EditorView): string {
  const style = getComputedStyle(view.dom);
  return `${view.dom.clientWidth}/${style.fontSize}/${style.lineHeight}/${style.fontFamily}`;
}
