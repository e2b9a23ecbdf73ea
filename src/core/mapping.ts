// The rule that keeps an annotation on its text while the text changes:
// typing inside extends it, typing at its edges does not, and it is detached
// once all its text is deleted. The store maps stored ranges (code points)
// with it; the editor maps its highlights (ProseMirror positions) by the same
// edges. tests/unit/mapping-agreement.test.ts checks that the two agree.

import type { TextChange } from './model';

/** Which way a position at an insertion point goes: -1 stays before the inserted text, 1 moves after it. */
export type Assoc = -1 | 1;

/**
 * How an annotation's ends lean at an insertion point exactly there: the start
 * after the inserted text, the end before it, so text typed at an edge stays
 * outside. (ProseMirror calls this an inline decoration that is not inclusive.)
 */
export const ANNOTATION_EDGES: { readonly start: Assoc; readonly end: Assoc } = { start: 1, end: -1 };

export interface Range {
  start: number;
  end: number;
}

/**
 * Maps a position through a change. `assoc` < 0 keeps a position at an
 * insertion point before the inserted text, > 0 moves it after; positions
 * strictly inside a replaced range collapse to one of its ends the same way.
 * This is what ProseMirror's StepMap does, so store and editor agree.
 */
export function mapPosition(pos: number, change: TextChange, insertedLength: number, assoc: Assoc): number {
  const { start, end } = change;
  if (pos < start) return pos;
  if (pos > end) return pos - (end - start) + insertedLength;
  const side = start === end ? assoc : pos === start ? -1 : pos === end ? 1 : assoc;
  return side < 0 ? start : start + insertedLength;
}

/**
 * Maps an annotation's range with `map` (a position and which way it leans, to
 * the mapped position). Null when nothing of it is left: it is then detached.
 */
export function mapRangeWith(range: Range, map: (pos: number, assoc: Assoc) => number): Range | null {
  const start = map(range.start, ANNOTATION_EDGES.start);
  const end = map(range.end, ANNOTATION_EDGES.end);
  return end > start ? { start, end } : null;
}

/** Maps an annotation's range through a change (code points); null when all its text was deleted. */
export function mapRange(range: Range, change: TextChange, insertedLength = [...change.inserted].length): Range | null {
  return mapRangeWith(range, (pos, assoc) => mapPosition(pos, change, insertedLength, assoc));
}
