// Decoration sets built fast for many decorations over a long document.

import type { Node } from 'prosemirror-model';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { DocPositions } from './positions';

/** A decoration to put in a set: its range in the document, and how to make it at a position relative to the paragraph it is in. */
export interface DecorationSpan {
  from: number;
  to: number;
  decoration(from: number, to: number): Decoration;
}

type SetConstructor = new (local: Decoration[], children: (number | DecorationSet)[]) => DecorationSet;

/** DecorationSet's fields, not in its public API. */
interface SetInternals {
  local: Decoration[];
  children: (number | DecorationSet)[];
}

type ChildPart = ReturnType<DecorationSet['forChild']>;

/**
 * A document's (or a block's) decoration set that finds a block's (or a
 * paragraph's) part by binary search.
 * The view asks every set for every paragraph's part on each update, and
 * DecorationSet goes through its paragraphs' sets and its own decorations
 * to answer: for a set drawn in the window near the top of a long document,
 * all of them, for each of the 10,000 paragraphs after it, at every
 * keystroke. The answer is the same (DecorationSet's own way is taken when
 * an inline decoration of the document's level reaches into the paragraph).
 */
class ParagraphIndexedSet extends (DecorationSet as unknown as SetConstructor) {
  /** The document-level decorations that may reach into a paragraph (node decorations do not). */
  private readonly reaching: readonly Decoration[];

  constructor(local: Decoration[], children: (number | DecorationSet)[]) {
    super(local, children);
    this.reaching = local.filter((d) => (d as unknown as { inline: boolean }).inline);
  }

  override forChild(offset: number, node: Node): ChildPart {
    if (node.isLeaf) return DecorationSet.empty;
    const start = offset + 1;
    const end = start + node.content.size;
    if (this.reaching.some((d) => d.from < end && d.to > start)) return super.forChild(offset, node);
    const children = (this as unknown as SetInternals).children;
    const at = indexOf(children, offset);
    return at.found ? (children[at.index + 2] as DecorationSet) : DecorationSet.empty;
  }
}

/**
 * DecorationSet.create for many decorations over a long document, in
 * O(n log n): ProseMirror's builder goes through every decoration for each of
 * the document's paragraphs (50,000 highlights over 10,000 lines: 5·10⁸ steps,
 * a second). Here each decoration finds its paragraph by binary search, each
 * paragraph's set is built by the public builder, and the document's set is
 * put together with DecorationSet's constructor (not in the public API: the
 * result is checked once against the public builder, which is used instead if
 * they ever disagree). Decorations within one paragraph are the ones that
 * builder would give that paragraph; the others stay at the document level.
 */
export function decorationSet(doc: Node, spans: readonly DecorationSpan[]): DecorationSet {
  const slow = () => DecorationSet.create(doc, spans.map((s) => s.decoration(s.from, s.to)));
  if (spans.length === 0) return DecorationSet.empty;
  if (fastBuild === 'unchecked') fastBuild = agreesWithCreate(doc, spans.slice(0, 50)) ? 'works' : 'differs';
  return fastBuild === 'works' ? fastDecorationSet(doc, spans) : slow();
}

let fastBuild: 'unchecked' | 'works' | 'differs' = 'unchecked';

function fastDecorationSet(doc: Node, spans: readonly DecorationSpan[]): DecorationSet {
  const positions = DocPositions.of(doc);
  const inParagraph = new Map<number, Decoration[]>();
  const inBlock = new Map<number, Decoration[]>();
  const atTop: Decoration[] = [];
  const push = <K>(map: Map<K, Decoration[]>, key: K, d: Decoration) => {
    const list = map.get(key);
    if (list) list.push(d);
    else map.set(key, [d]);
  };
  for (const s of spans) {
    const i = positions.paragraphAt(s.from);
    const start = positions.start(i);
    if (s.from >= start && s.to <= start + positions.paragraph(i).content.size) {
      push(inParagraph, i, s.decoration(s.from - start, s.to - start));
      continue;
    }
    // Within a block but not one paragraph (a paragraph's node decoration, a span over lines of the block): the block's own.
    const b = positions.blockOf(i);
    const blockStart = positions.blockStart(b);
    if (s.from > blockStart && s.to < blockStart + doc.child(b).nodeSize) push(inBlock, b, s.decoration(s.from - blockStart - 1, s.to - blockStart - 1));
    else atTop.push(s.decoration(s.from, s.to));
  }
  const byBlock = new Map<number, number[]>();
  for (const i of inParagraph.keys()) {
    const b = positions.blockOf(i);
    const list = byBlock.get(b);
    if (list) list.push(i);
    else byBlock.set(b, [i]);
  }
  for (const b of inBlock.keys()) if (!byBlock.has(b)) byBlock.set(b, []);
  const children: (number | DecorationSet)[] = [];
  for (const b of [...byBlock.keys()].sort((x, y) => x - y)) {
    const blockStart = positions.blockStart(b);
    const blockChildren: (number | DecorationSet)[] = [];
    for (const i of byBlock.get(b)!.sort((x, y) => x - y)) {
      const paragraph = positions.paragraph(i);
      const set = DecorationSet.create(paragraph, inParagraph.get(i)!);
      const at = positions.start(i) - 1 - blockStart - 1;
      if (set !== DecorationSet.empty) blockChildren.push(at, at + paragraph.nodeSize, set);
    }
    const set = setOf(inBlock.get(b) ?? [], blockChildren);
    if (set !== DecorationSet.empty) children.push(blockStart, blockStart + doc.child(b).nodeSize, set);
  }
  return setOf(atTop, children);
}

/** A set of the given children, with `local` as the public builder keeps them: sorted, empty inline ranges dropped. */
function setOf(local: readonly Decoration[], children: (number | DecorationSet)[]): DecorationSet {
  const kept = local.filter((d) => d.from < d.to).sort((a, b) => a.from - b.from || a.to - b.to);
  if (children.length === 0 && kept.length === 0) return DecorationSet.empty;
  return new ParagraphIndexedSet(kept, children);
}

/** Whether the fast builder gives what DecorationSet.create gives, on a sample. */
function agreesWithCreate(doc: Node, sample: readonly DecorationSpan[]): boolean {
  try {
    const made = sample.map((s) => s.decoration(s.from, s.to));
    const order = new Map<unknown, number>(made.map((d, i) => [d.spec, i]));
    const seen = (set: DecorationSet) =>
      set
        .find()
        .map((d) => [d.from, d.to, order.get(d.spec) ?? -1])
        .sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!)
        .join(';');
    return seen(fastDecorationSet(doc, sample)) === seen(DecorationSet.create(doc, made));
  } catch {
    return false;
  }
}

/**
 * `set` with the decorations of paragraphs first..last (by index) replaced by
 * `spans`, which all lie within single paragraphs of them: what
 * `set.remove(set.find(start, end)).add(doc, ...)` gives, without
 * DecorationSet.add's walk over every block of the document (a keystroke
 * would otherwise cost time in proportion to the document). The paragraphs'
 * sets are swapped in their blocks' sets, and those in the document's, as the
 * fast builder above makes them; the public calls are used when that builder
 * is not in use or a decoration of the document's or a block's level reaches
 * into those paragraphs.
 */
export function replaceParagraphs(set: DecorationSet, doc: Node, first: number, last: number, spans: readonly DecorationSpan[]): DecorationSet {
  const positions = DocPositions.of(doc);
  const start = positions.start(first) - 1;
  const end = positions.end(last) + 1;
  const slow = () => set.remove(set.find(start, end)).add(doc, spans.map((s) => s.decoration(s.from, s.to)));
  const top = internals(set);
  if (fastBuild !== 'works' || !top) return slow();
  if (top.local.some((d) => d.from <= end && d.to >= start)) return slow();
  // The new spans, by paragraph.
  const own = new Map<number, DecorationSpan[]>();
  for (const s of spans) {
    const i = positions.paragraphAt(s.from);
    if (i < first || i > last || s.from < positions.start(i) || s.to > positions.end(i)) return slow();
    const list = own.get(i);
    if (list) list.push(s);
    else own.set(i, [s]);
  }
  let children = top.children;
  for (let b = positions.blockOf(first); b <= positions.blockOf(last); b++) {
    const blockStart = positions.blockStart(b);
    const block = doc.child(b);
    const range = positions.blockParagraphs(b);
    const from = Math.max(first, range.first);
    const to = Math.min(last, range.last);
    // The block's part of the set, and where it sits among the document's children.
    const at = indexOf(children, blockStart);
    const existing = at.found ? internals(children[at.index + 2] as DecorationSet) : { local: [], children: [] };
    if (!existing) return slow();
    const startInBlock = positions.start(from) - 1 - blockStart - 1;
    const endInBlock = positions.end(to) + 1 - blockStart - 1;
    if (existing.local.some((d) => d.from <= endInBlock && d.to >= startInBlock)) return slow();
    const added: (number | DecorationSet)[] = [];
    for (let i = from; i <= to; i++) {
      const list = own.get(i);
      if (!list) continue;
      const pStart = positions.start(i);
      const paragraph = positions.paragraph(i);
      const paragraphSet = DecorationSet.create(paragraph, list.map((s) => s.decoration(s.from - pStart, s.to - pStart)));
      const offset = pStart - 1 - blockStart - 1;
      if (paragraphSet !== DecorationSet.empty) added.push(offset, offset + paragraph.nodeSize, paragraphSet);
    }
    const inner = existing.children;
    let i = 0;
    while (i < inner.length && (inner[i] as number) < startInBlock) i += 3;
    let j = i;
    while (j < inner.length && (inner[j] as number) < endInBlock) j += 3;
    const blockSet = setOf(existing.local, [...inner.slice(0, i), ...added, ...inner.slice(j)]);
    const entry = blockSet === DecorationSet.empty ? [] : [blockStart, blockStart + block.nodeSize, blockSet];
    children = [...children.slice(0, at.index), ...entry, ...children.slice(at.found ? at.index + 3 : at.index)];
  }
  return setOf(top.local, children);
}

/** The set's local decorations and children, when it is a set as DecorationSet makes them. */
function internals(set: DecorationSet): SetInternals | null {
  const inner = set as unknown as Partial<SetInternals>;
  return Array.isArray(inner.local) && Array.isArray(inner.children) ? { local: inner.local, children: inner.children } : null;
}

/** Where the child starting at `offset` is (or would go) in a set's children. */
function indexOf(children: readonly (number | DecorationSet)[], offset: number): { index: number; found: boolean } {
  let lo = 0;
  let hi = children.length / 3;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((children[mid * 3] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return { index: lo * 3, found: children[lo * 3] === offset };
}
