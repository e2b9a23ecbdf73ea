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

export class DocPositions {
  /** Position where paragraph i's content starts. */
  readonly pmStart: Int32Array;
  /** UTF-16 offset in the text where line i starts. */
  readonly u16Start: Float64Array;
  /** Code point offset in the text where line i starts. */
  readonly cpStart: Float64Array;
  /** Code point length of the whole text. */
  readonly cpLength: number;

  private constructor(
    readonly doc: Node,
    pmStart: Int32Array,
    u16Start: Float64Array,
    cpStart: Float64Array,
    cpLength: number,
  ) {
    this.pmStart = pmStart;
    this.u16Start = u16Start;
    this.cpStart = cpStart;
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
   * `before`: the entries of the paragraphs the step touched are measured
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
    const n = doc.childCount;
    const pmStart = new Int32Array(n);
    const u16Start = new Float64Array(n);
    const cpStart = new Float64Array(n);
    const end = measure(doc, 0, n - 1, pmStart, u16Start, cpStart, { pm: 1, u16: 0, cp: 0 });
    return new DocPositions(doc, pmStart, u16Start, cpStart, end.cp);
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
    const n = before.childCount;
    const m = doc.childCount;
    // The paragraphs holding the changed range, with one more on each side (a
    // paragraph's line ending stops counting when the paragraphs after it go).
    const first = Math.max(0, previous.paragraphAt(from) - 1);
    const last = Math.min(n - 1, previous.paragraphAt(to) + 1);
    const newLast = last + m - n;
    if (newLast < first - 1 || newLast >= m) return null;
    // The paragraphs outside are the same nodes: checked at the edges, where a wrong extent would show.
    if (first > 0 && before.child(first - 1) !== doc.child(first - 1)) return null;
    if (last < n - 1 && before.child(last + 1) !== doc.child(newLast + 1)) return null;

    const pmStart = new Int32Array(m);
    const u16Start = new Float64Array(m);
    const cpStart = new Float64Array(m);
    pmStart.set(previous.pmStart.subarray(0, first));
    u16Start.set(previous.u16Start.subarray(0, first));
    cpStart.set(previous.cpStart.subarray(0, first));
    const start: Offsets = { pm: previous.pmStart[first]!, u16: previous.u16Start[first]!, cp: previous.cpStart[first]! };
    const next = measure(doc, first, newLast, pmStart, u16Start, cpStart, start);
    if (last < n - 1) {
      // The paragraphs after the change move by what it added or removed.
      const dPm = next.pm - previous.pmStart[last + 1]!;
      const dU16 = next.u16 - previous.u16Start[last + 1]!;
      const dCp = next.cp - previous.cpStart[last + 1]!;
      for (let i = last + 1, j = newLast + 1; i < n; i++, j++) {
        pmStart[j] = previous.pmStart[i]! + dPm;
        u16Start[j] = previous.u16Start[i]! + dU16;
        cpStart[j] = previous.cpStart[i]! + dCp;
      }
      return new DocPositions(doc, pmStart, u16Start, cpStart, previous.cpLength + dCp);
    }
    return new DocPositions(doc, pmStart, u16Start, cpStart, next.cp);
  }

  /** Index of the paragraph holding position `pos` (its boundaries included). */
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
      const paragraph = this.doc.child(i);
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
    const paragraph = this.doc.child(i);
    const col = Math.max(0, Math.min(pos - this.pmStart[i]!, paragraph.content.size));
    const lengths = lengthsOf(paragraph);
    const cpCol = lengths.u16 === lengths.cp ? col : codePointLength(paragraph.textContent.slice(0, col));
    return this.cpStart[i]! + cpCol;
  }

  /** UTF-16 offset in the text of position `pos`. */
  utf16At(pos: number): number {
    const i = this.paragraphAt(pos);
    const col = Math.max(0, Math.min(pos - this.pmStart[i]!, this.doc.child(i).content.size));
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
    const paragraph = this.doc.child(lo);
    const lengths = lengthsOf(paragraph);
    const cpCol = Math.min(cp - this.cpStart[lo]!, lengths.cp);
    const col = lengths.u16 === lengths.cp ? cpCol : utf16Column(paragraph.textContent, cpCol);
    return this.pmStart[lo]! + col;
  }
}

interface Offsets {
  /** Position where the paragraph's content starts. */
  pm: number;
  u16: number;
  cp: number;
}

/** Writes the entries of paragraphs first..last of `doc`, the first starting at `start`; returns where the next one starts. */
function measure(doc: Node, first: number, last: number, pmStart: Int32Array, u16Start: Float64Array, cpStart: Float64Array, start: Offsets): Offsets {
  let { pm, u16, cp } = start;
  const n = doc.childCount;
  for (let i = first; i <= last; i++) {
    const paragraph = doc.child(i);
    pmStart[i] = pm;
    u16Start[i] = u16;
    cpStart[i] = cp;
    const lengths = lengthsOf(paragraph);
    const eol = i < n - 1 ? lineEnding(doc, paragraph).length : 0;
    pm += paragraph.nodeSize;
    u16 += lengths.u16 + eol;
    cp += lengths.cp + eol;
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
