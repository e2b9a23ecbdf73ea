// A dismissed finding's identity: its rule, its text and a little of the text
// around it, so it stays dismissed while that text is unchanged, wherever the
// line moves. The context is cut on code points: half an astral character
// (a lone surrogate) is not text, and the api rightly refuses it.

import type { Dismissal } from './model';

/** Code points of context kept on each side of the finding. */
export const DISMISSAL_CONTEXT = 16;

/** The dismissal of rule `rule`'s finding at UTF-16 [from, to) of `line`. */
export function dismissalOf(rule: string, line: string, from: number, to: number): Dismissal {
  return {
    rule,
    quote: line.slice(from, to),
    before: line.slice(stepBack(line, from, DISMISSAL_CONTEXT), from),
    after: line.slice(to, stepForward(line, to, DISMISSAL_CONTEXT)),
  };
}

/** A dismissal as one string, to look it up in a set. */
export const dismissalKey = (d: Dismissal): string => JSON.stringify([d.rule, d.quote, d.before, d.after]);

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The UTF-16 index `count` code points before `index` (or 0). */
function stepBack(text: string, index: number, count: number): number {
  let i = index;
  for (let n = 0; n < count && i > 0; n++) {
    i--;
    if (i > 0 && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1))) i--;
  }
  return i;
}

/** The UTF-16 index `count` code points after `index` (or the end). */
function stepForward(text: string, index: number, count: number): number {
  let i = index;
  for (let n = 0; n < count && i < text.length; n++) {
    i += isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}
