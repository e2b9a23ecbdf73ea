// The one boundary between ProseMirror positions and text offsets (UTF-16
// indices and Unicode code points) in the renderer. Everything that leaves the
// editor for the api goes through here.

import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import type { StepMap, Transform } from 'prosemirror-transform';
import { codePointLength } from '../../core/offsets';
import { lineEnding } from './text-doc';

interface Lengths {
  u16: number;
  cp: number;
}

// Paragraph nodes are shared between successive documents, so a paragraph's
// lengths are computed once and reused until the paragraph itself changes.
const lengthsCache = new WeakMap<Node, Lengths>();

function lengthsOf(paragraph: Node): Lengths {
  let lengths = lengthsCache.get(paragraph);
  if (!lengths) {
    const text = paragraph.textContent;
    lengths = { u16: text.length, cp: codePointLength(text) };
    lengthsCache.set(paragraph, lengths);
  }
  return lengths;
}

const indexCache = new WeakMap<Node, DocPositions>();

/**
 * The document's lines by index, and the offsets where they start. The
 * document holds blocks of paragraphs (schema.ts); paragraph i is the i-th
 * line of the text whatever block holds it. Every access to "paragraph i"
 * goes through here: count, node, start and end positions, the paragraph at
 * a position, and the blocks that hold them.
 */
export class DocPositions {
  /** Position where paragraph i's content starts. */
  readonly pmStart: Int32Array;
  /** UTF-16 offset in the text where line i starts. */
  readonly u16Start: Float64Array;
  /** Code point offset in the text where line i starts. */
  readonly cpStart: Float64Array;
  /** Index of the first paragraph of block b. */
  readonly blockFirst: Int32Array;
  /** Code point length of the whole text. */
  readonly cpLength: number;
  /** The block of the paragraph last looked up: reads in order find it again at once. */
  private lastBlock = 0;

  private constructor(
    readonly doc: Node,
    pmStart: Int32Array,
    u16Start: Float64Array,
    cpStart: Float64Array,
    blockFirst: Int32Array,
    cpLength: number,
  ) {
    this.pmStart = pmStart;
    this.u16Start = u16Start;
    this.cpStart = cpStart;
    this.blockFirst = blockFirst;
    this.cpLength = cpLength;
  }

  /** The index of `doc`, read from its paragraphs (once per document: cached). */
  static of(doc: Node): DocPositions {
    let index = indexCache.get(doc);
    if (!index) {
      index = DocPositions.build(doc);
      indexCache.set(doc, index);
    }
    return index;
  }

  /**
   * The index of `after`, which a step with position map `map` made from
   * `before`: the entries of the blocks the step touched are measured
   * again, those before them kept and those after them shifted, without
   * reading their paragraphs (a keystroke in a long document would otherwise
   * walk all of them). Cached like `of`.
   */
  static afterStep(before: Node, after: Node, map: StepMap): DocPositions {
    const cached = indexCache.get(after);
    if (cached) return cached;
    const previous = indexCache.get(before);
    const index = previous ? DocPositions.updated(previous, after, map) : null;
    if (!index) return DocPositions.of(after);
    indexCache.set(after, index);
    return index;
  }

  /**
   * The index of the document a transform has made so far, derived step by
   * step from that of its first document, as positionsPlugin does once it is
   * applied (for code that reads positions between the steps it adds).
   */
  static ofTransform(tr: Transform): DocPositions {
    const cached = indexCache.get(tr.doc);
    if (cached) return cached;
    DocPositions.of(tr.docs[0] ?? tr.doc);
    tr.mapping.maps.forEach((map, i) => DocPositions.afterStep(tr.docs[i]!, i + 1 < tr.docs.length ? tr.docs[i + 1]! : tr.doc, map));
    return DocPositions.of(tr.doc);
  }

  private static build(doc: Node): DocPositions {
    let n = 0;
    doc.forEach((block) => (n += block.childCount));
    const pmStart = new Int32Array(n);
    const u16Start = new Float64Array(n);
    const cpStart = new Float64Array(n);
    const blockFirst = new Int32Array(doc.childCount);
    const end = measure(doc, 0, doc.childCount - 1, 0, pmStart, u16Start, cpStart, blockFirst, { pm: 0, u16: 0, cp: 0 });
    return new DocPositions(doc, pmStart, u16Start, cpStart, blockFirst, end.cp);
  }

  /**
   * `previous` brought to `doc` after a step with position map `map`; null when
   * the step's extent is not known from its map (then the index is built anew).
   */
  private static updated(previous: DocPositions, doc: Node, map: StepMap): DocPositions | null {
    const before = previous.doc;
    // Every line ending depends on the document's own; a step without ranges says nothing of where it changed.
    if (before.attrs.eol !== doc.attrs.eol) return null;
    let from = Infinity;
    let to = -Infinity;
    map.forEach((oldStart, oldEnd) => {
      from = Math.min(from, oldStart);
      to = Math.max(to, oldEnd);
    });
    if (from === Infinity) return null;
    const n = previous.count;
    const nb = before.childCount;
    const mb = doc.childCount;
    // The blocks holding the changed range, with one more paragraph on each side
    // (a paragraph's line ending stops counting when the paragraphs after it go).
    const firstBlock = previous.blockOf(Math.max(0, previous.paragraphAt(from) - 1));
    const lastBlock = previous.blockOf(Math.min(n - 1, previous.paragraphAt(to) + 1));
    const newLastBlock = lastBlock + mb - nb;
    if (newLastBlock < firstBlock - 1 || newLastBlock >= mb) return null;
    // The blocks outside are the same nodes: checked at the edges, where a wrong extent would show.
    if (firstBlock > 0 && before.child(firstBlock - 1) !== doc.child(firstBlock - 1)) return null;
    if (lastBlock < nb - 1 && before.child(lastBlock + 1) !== doc.child(newLastBlock + 1)) return null;

    const first = previous.blockFirst[firstBlock]!;
    // Paragraphs after the changed blocks: in the old document from `rest` on.
    const rest = lastBlock + 1 < nb ? previous.blockFirst[lastBlock + 1]! : n;
    let added = 0;
    for (let b = firstBlock; b <= newLastBlock; b++) added += doc.child(b).childCount;
    const m = first + added + (n - rest);
    const pmStart = new Int32Array(m);
    const u16Start = new Float64Array(m);
    const cpStart = new Float64Array(m);
    const blockFirst = new Int32Array(mb);
    pmStart.set(previous.pmStart.subarray(0, first));
    u16Start.set(previous.u16Start.subarray(0, first));
    cpStart.set(previous.cpStart.subarray(0, first));
    blockFirst.set(previous.blockFirst.subarray(0, firstBlock));
    // Where block `firstBlock` starts: the previous block's end, the same in both documents.
    const start: Offsets = firstBlock === 0 ? { pm: 0, u16: 0, cp: 0 } : { pm: previous.pmStart[first]! - 2, u16: previous.u16Start[first]!, cp: previous.cpStart[first]! };
    const next = measure(doc, firstBlock, newLastBlock, first, pmStart, u16Start, cpStart, blockFirst, start);
    if (rest < n) {
      // The paragraphs after the change move by what it added or removed.
      const dPm = next.pm - (previous.pmStart[rest]! - 2);
      const dU16 = next.u16 - previous.u16Start[rest]!;
      const dCp = next.cp - previous.cpStart[rest]!;
      const dIndex = first + added - rest;
      for (let i = rest, j = rest + dIndex; i < n; i++, j++) {
        pmStart[j] = previous.pmStart[i]! + dPm;
        u16Start[j] = previous.u16Start[i]! + dU16;
        cpStart[j] = previous.cpStart[i]! + dCp;
      }
      for (let b = lastBlock + 1, c = newLastBlock + 1; b < nb; b++, c++) blockFirst[c] = previous.blockFirst[b]! + dIndex;
      return new DocPositions(doc, pmStart, u16Start, cpStart, blockFirst, previous.cpLength + dCp);
    }
    return new DocPositions(doc, pmStart, u16Start, cpStart, blockFirst, next.cp);
  }

  /** How many paragraphs (lines) the document has. */
  get count(): number {
    return this.pmStart.length;
  }

  /** How many blocks the document has. */
  get blockCount(): number {
    return this.blockFirst.length;
  }

  /** Paragraph i. */
  paragraph(i: number): Node {
    const b = this.blockOf(i);
    return this.doc.child(b).child(i - this.blockFirst[b]!);
  }

  /** Position where paragraph i's content starts (`start(i) - 1` is the paragraph's own position). */
  start(i: number): number {
    return this.pmStart[i]!;
  }

  /** Position where paragraph i's content ends. */
  end(i: number): number {
    return this.pmStart[i]! + this.paragraph(i).content.size;
  }

  /** Index of the block holding paragraph i. */
  blockOf(i: number): number {
    const first = this.blockFirst;
    const guess = this.lastBlock;
    if (guess < first.length && first[guess]! <= i && (guess + 1 === first.length || first[guess + 1]! > i)) return guess;
    let lo = 0;
    let hi = first.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (first[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    this.lastBlock = lo;
    return lo;
  }

  /** Paragraphs first..last of block b, by index. */
  blockParagraphs(b: number): { first: number; last: number } {
    return { first: this.blockFirst[b]!, last: b + 1 < this.blockFirst.length ? this.blockFirst[b + 1]! - 1 : this.count - 1 };
  }

  /** Position of block b (before its opening token). */
  blockStart(b: number): number {
    return this.pmStart[this.blockFirst[b]!]! - 2;
  }

  /** Index of the paragraph holding position `pos` (its boundaries included; a position between blocks is in the paragraph before). */
  paragraphAt(pos: number): number {
    let lo = 0;
    let hi = this.pmStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.pmStart[mid]! - 1 <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * The text between two positions, paragraphs joined by "\n": what
   * `doc.textBetween(from, to, '\n')` gives, found by binary search instead
   * of a walk over the paragraphs from the top (quotes of many annotations).
   */
  textBetween(from: number, to: number): string {
    if (to <= from) return '';
    const first = this.paragraphAt(from);
    let last = this.paragraphAt(to);
    // A paragraph is in the range when it starts before `to` (its opening token counts).
    if (last > first && this.pmStart[last]! - 1 >= to) last--;
    const parts: string[] = [];
    for (let i = first; i <= last; i++) {
      const paragraph = this.paragraph(i);
      const start = this.pmStart[i]!;
      const a = Math.max(0, from - start);
      const b = Math.min(paragraph.content.size, to - start);
      parts.push(b > a ? paragraph.textBetween(a, b) : '');
    }
    return parts.join('\n');
  }

  /** Code point offset in the text of position `pos`. */
  codePointAt(pos: number): number {
    const i = this.paragraphAt(pos);
    const paragraph = this.paragraph(i);
    const col = Math.max(0, Math.min(pos - this.pmStart[i]!, paragraph.content.size));
    const lengths = lengthsOf(paragraph);
    const cpCol = lengths.u16 === lengths.cp ? col : codePointLength(paragraph.textContent.slice(0, col));
    return this.cpStart[i]! + cpCol;
  }

  /** UTF-16 offset in the text of position `pos`. */
  utf16At(pos: number): number {
    const i = this.paragraphAt(pos);
    const col = Math.max(0, Math.min(pos - this.pmStart[i]!, this.paragraph(i).content.size));
    return this.u16Start[i]! + col;
  }

  /** Position of code point offset `cp` (an offset inside a line ending maps to the line's end). */
  posAtCodePoint(cp: number): number {
    let lo = 0;
    let hi = this.cpStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.cpStart[mid]! <= cp) lo = mid;
      else hi = mid - 1;
    }
    const paragraph = this.paragraph(lo);
    const lengths = lengthsOf(paragraph);
    const cpCol = Math.min(cp - this.cpStart[lo]!, lengths.cp);
    const col = lengths.u16 === lengths.cp ? cpCol : utf16Column(paragraph.textContent, cpCol);
    return this.pmStart[lo]! + col;
  }
}

interface Offsets {
  /** Position of the block (before its opening token). */
  pm: number;
  u16: number;
  cp: number;
}

/**
 * Writes the entries of the paragraphs of blocks firstBlock..lastBlock of
 * `doc`, the first paragraph being number `firstIndex`, the first block
 * starting at `start` (its position, before its opening token); returns where
 * the block after them starts.
 */
function measure(
  doc: Node,
  firstBlock: number,
  lastBlock: number,
  firstIndex: number,
  pmStart: Int32Array,
  u16Start: Float64Array,
  cpStart: Float64Array,
  blockFirst: Int32Array,
  start: Offsets,
): Offsets {
  let { pm, u16, cp } = start;
  const lastBlockOfDoc = doc.childCount - 1;
  let i = firstIndex;
  for (let b = firstBlock; b <= lastBlock; b++) {
    const block = doc.child(b);
    blockFirst[b] = i;
    pm += 1;
    const n = block.childCount;
    for (let k = 0; k < n; k++, i++) {
      const paragraph = block.child(k);
      pmStart[i] = pm + 1;
      u16Start[i] = u16;
      cpStart[i] = cp;
      const lengths = lengthsOf(paragraph);
      const eol = b < lastBlockOfDoc || k < n - 1 ? lineEnding(doc, paragraph).length : 0;
      pm += paragraph.nodeSize;
      u16 += lengths.u16 + eol;
      cp += lengths.cp + eol;
    }
    pm += 1;
  }
  return { pm, u16, cp };
}

function utf16Column(text: string, cpCol: number): number {
  let u = 0;
  for (let k = 0; k < cpCol && u < text.length; k++) {
    const c = text.charCodeAt(u);
    u += c >= 0xd800 && c <= 0xdbff && u + 1 < text.length ? 2 : 1;
  }
  return u;
}

const positionsKey = new PluginKey<DocPositions>('scholia-positions');

/**
 * Keeps the index of each new document derived from the previous one, step by
 * step, as transactions are applied: listed first, so that the other plugins
 * and the view find it ready (DocPositions.of) instead of building it.
 */
export function positionsPlugin(): Plugin<DocPositions> {
  return new Plugin<DocPositions>({
    key: positionsKey,
    state: {
      init: (_config, state) => DocPositions.of(state.doc),
      apply: (tr, value) => (tr.docChanged ? DocPositions.ofTransform(tr) : value),
    },
  });
}
