// The one boundary between ProseMirror positions and text offsets (UTF-16
// indices and Unicode code points) in the renderer. Everything that leaves the
// editor for the api goes through here.

import type { Node } from 'prosemirror-model';
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

  private constructor(readonly doc: Node) {
    const n = doc.childCount;
    this.pmStart = new Int32Array(n);
    this.u16Start = new Float64Array(n);
    this.cpStart = new Float64Array(n);
    let pm = 0;
    let u16 = 0;
    let cp = 0;
    doc.forEach((paragraph, offset, i) => {
      pm = offset + 1;
      this.pmStart[i] = pm;
      this.u16Start[i] = u16;
      this.cpStart[i] = cp;
      const lengths = lengthsOf(paragraph);
      const eol = i < n - 1 ? lineEnding(doc, paragraph).length : 0;
      u16 += lengths.u16 + eol;
      cp += lengths.cp + eol;
    });
    this.cpLength = cp;
  }

  static of(doc: Node): DocPositions {
    let index = indexCache.get(doc);
    if (!index) {
      index = new DocPositions(doc);
      indexCache.set(doc, index);
    }
    return index;
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

function utf16Column(text: string, cpCol: number): number {
  let u = 0;
  for (let k = 0; k < cpCol && u < text.length; k++) {
    const c = text.charCodeAt(u);
    u += c >= 0xd800 && c <= 0xdbff && u + 1 < text.length ? 2 : 1;
  }
  return u;
}
