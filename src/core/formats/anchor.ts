// Finding an annotation's range in a text from W3C selectors: the position
// when the quote is still there, else the occurrence of the quote whose
// surrounding text best matches the recorded prefix and suffix.

import type { CodePointIndex } from '../offsets';
import { show } from './invariants';

/** How many code points of context a TextQuoteSelector records on each side. */
const CONTEXT_LENGTH = 32;
/** How much of a file's prefix and suffix anchoring compares, in UTF-16 units: enough to tell occurrences apart. */
const MAX_CONTEXT_USED = 4 * CONTEXT_LENGTH;

export interface QuoteSelector {
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface PositionSelector {
  start: number;
  end: number;
}

export type Anchoring = { start: number; end: number } | { problem: string };

/** The text up to CONTEXT_LENGTH code points before and after [start, end). */
export function quoteContext(text: string, index: CodePointIndex, start: number, end: number): { prefix: string; suffix: string } {
  return {
    prefix: text.slice(index.toUtf16(Math.max(0, start - CONTEXT_LENGTH)), index.toUtf16(start)),
    suffix: text.slice(index.toUtf16(end), index.toUtf16(Math.min(index.length, end + CONTEXT_LENGTH))),
  };
}

/**
 * The position when the quote is there with its recorded context around it;
 * else the occurrence of the quote whose context fits best, the one nearest
 * the recorded position among equals; else the position if there is no quote.
 */
export function anchor(text: string, index: CodePointIndex, quote: QuoteSelector | undefined, position: PositionSelector | undefined): Anchoring {
  const atPosition =
    position !== undefined && Number.isInteger(position.start) && Number.isInteger(position.end) && 0 <= position.start && position.start <= position.end && position.end <= index.length
      ? { start: position.start, end: position.end, from: index.toUtf16(position.start), to: index.toUtf16(position.end) }
      : undefined;
  if (quote === undefined) {
    if (atPosition !== undefined) return { start: atPosition.start, end: atPosition.end };
    return { problem: `its TextPositionSelector [${String(position?.start)}, ${String(position?.end)}) is outside the text (length ${index.length}) and there is no TextQuoteSelector` };
  }
  // Context beyond what Scholia records is cut: scoring every occurrence of a short quote against
  // a 2,000-character prefix would cost occurrences × prefix length, for no better choice.
  const prefix = (quote.prefix ?? '').slice(-MAX_CONTEXT_USED);
  const suffix = (quote.suffix ?? '').slice(0, MAX_CONTEXT_USED);
  const fits = (from: number, to: number) => matchBefore(prefix, text, from) + matchAfter(suffix, text, to);
  // The usual case, the text unchanged since export, needs no search.
  if (atPosition !== undefined && text.slice(atPosition.from, atPosition.to) === quote.exact && fits(atPosition.from, atPosition.to) === prefix.length + suffix.length) {
    return { start: atPosition.start, end: atPosition.end };
  }
  if (quote.exact === '') return { problem: 'its TextQuoteSelector quotes nothing' };
  let best: { at: number; score: number; distance: number } | undefined;
  for (let at = text.indexOf(quote.exact); at >= 0; at = text.indexOf(quote.exact, at + 1)) {
    const score = fits(at, at + quote.exact.length);
    const distance = position === undefined ? 0 : Math.abs(index.toCodePoint(at) - position.start);
    if (best === undefined || score > best.score || (score === best.score && distance < best.distance)) best = { at, score, distance };
  }
  if (best === undefined) return { problem: `its quote ${show(quote.exact)} is not in the text` };
  return { start: index.toCodePoint(best.at), end: index.toCodePoint(best.at + quote.exact.length) };
}

/** How many characters of `prefix`, from its end, match the text just before `at`. */
function matchBefore(prefix: string, text: string, at: number): number {
  let n = 0;
  while (n < prefix.length && n < at && prefix[prefix.length - 1 - n] === text[at - 1 - n]) n++;
  return n;
}

/** How many characters of `suffix`, from its start, match the text from `from` on. */
function matchAfter(suffix: string, text: string, from: number): number {
  let n = 0;
  while (n < suffix.length && from + n < text.length && suffix[n] === text[from + n]) n++;
  return n;
}
