// Small helpers over code point spans of a text.

import { CodePointIndex } from '../offsets';
import type { Span } from './types';

/** A text with its code point index, so spans can be sliced cheaply and many times. */
export class IndexedText {
  readonly index: CodePointIndex;
  constructor(readonly text: string) {
    this.index = new CodePointIndex(text);
  }

  slice(span: Span): string {
    return this.text.slice(this.index.toUtf16(span.start), this.index.toUtf16(span.end));
  }
}
