// Small helpers over code point spans of a text.

import { CodePointIndex } from '../offsets';
import type { Span } from './types';

/** A text with its code point index, so spans can be sliced cheaply and many times. */
export class IndexedText {
  readonly index: CodePointIndex;
  constructor(readonly text: string) {
    this.index = new CodePointIndex(text);
  }

  get length(): number {
    return this.index.length;
  }

  slice(span: Span): string {
    return this.text.slice(this.index.toUtf16(span.start), this.index.toUtf16(span.end));
  }

  /** Converts a UTF-16 span of this text to code points. */
  fromUtf16(start: number, end: number): Span {
    return { start: this.index.toCodePoint(start), end: this.index.toCodePoint(end) };
  }

  /** UTF-16 offset of a code point offset. */
  toUtf16(cp: number): number {
    return this.index.toUtf16(cp);
  }
}
