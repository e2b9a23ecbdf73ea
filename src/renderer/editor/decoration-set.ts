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
 * A document's decoration set that finds a paragraph's part by binary search.
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
    let lo = 0;
    let hi = children.length / 3;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((children[mid * 3] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return children[lo * 3] === offset ? (children[lo * 3 + 2] as DecorationSet) : DecorationSet.empty;
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
  const atTop: Decoration[] = [];
  for (const s of spans) {
    const i = positions.paragraphAt(s.from);
    const start = positions.pmStart[i]!;
    if (s.from >= start && s.to <= start + doc.child(i).content.size) {
      let list = inParagraph.get(i);
      if (!list) inParagraph.set(i, (list = []));
      list.push(s.decoration(s.from - start, s.to - start));
    } else {
      atTop.push(s.decoration(s.from, s.to));
    }
  }
  const children: (number | DecorationSet)[] = [];
  for (const i of [...inParagraph.keys()].sort((a, b) => a - b)) {
    const paragraph = doc.child(i);
    const set = DecorationSet.create(paragraph, inParagraph.get(i)!);
    if (set !== DecorationSet.empty) children.push(positions.pmStart[i]! - 1, positions.pmStart[i]! - 1 + paragraph.nodeSize, set);
  }
  // What the public builder does with what no paragraph holds: sorted, empty inline ranges dropped.
  const top = atTop.filter((d) => d.from < d.to).sort((a, b) => a.from - b.from || a.to - b.to);
  if (children.length === 0 && top.length === 0) return DecorationSet.empty;
  return new ParagraphIndexedSet(top, children);
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
 * DecorationSet.add's walk over every paragraph of the document (a keystroke
 * would otherwise cost time in proportion to the document). The paragraphs'
 * sets are swapped in the set's children, as the fast builder above makes
 * them; the public calls are used when that builder is not in use or a
 * decoration of the document's level reaches into those paragraphs.
 */
export function replaceParagraphs(set: DecorationSet, doc: Node, first: number, last: number, spans: readonly DecorationSpan[]): DecorationSet {
  const positions = DocPositions.of(doc);
  const start = positions.pmStart[first]! - 1;
  const end = positions.pmStart[last]! - 1 + doc.child(last).nodeSize;
  const inner = set as unknown as { local?: Decoration[]; children?: (number | DecorationSet)[] };
  const local = inner.local;
  const children = inner.children;
  const slow = () => set.remove(set.find(start, end)).add(doc, spans.map((s) => s.decoration(s.from, s.to)));
  if (fastBuild !== 'works' || !Array.isArray(local) || !Array.isArray(children)) return slow();
  if (local.some((d) => d.from <= end && d.to >= start)) return slow();
  const added: (number | DecorationSet)[] = [];
  let taken = 0;
  for (let i = first; i <= last; i++) {
    const at = positions.pmStart[i]!;
    const paragraph = doc.child(i);
    const own = spans.filter((s) => s.from >= at && s.to <= at + paragraph.content.size);
    taken += own.length;
    if (own.length === 0) continue;
    const paragraphSet = DecorationSet.create(paragraph, own.map((s) => s.decoration(s.from - at, s.to - at)));
    if (paragraphSet !== DecorationSet.empty) added.push(at - 1, at - 1 + paragraph.nodeSize, paragraphSet);
  }
  // A span reaching out of its paragraph: the public calls place it.
  if (taken !== spans.length) return slow();
  let i = 0;
  while (i < children.length && (children[i] as number) < start) i += 3;
  let j = i;
  while (j < children.length && (children[j] as number) < end) j += 3;
  const next = [...children.slice(0, i), ...added, ...children.slice(j)];
  if (next.length === 0 && local.length === 0) return DecorationSet.empty;
  return new ParagraphIndexedSet(local, next);
}
