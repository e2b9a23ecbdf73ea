// "Annotate every occurrence": where else a text occurs, in code point
// ranges, exactly, ignoring case, or as a whole word; and which of those
// still need the tags (ranges already annotated with them are skipped).

import type { Annotation } from './model';
import { CodePointIndex } from './offsets';

export interface OccurrenceOptions {
  /** Match "shanghai" for "Shanghai" (simple case folding, code point by code point). */
  ignoreCase?: boolean;
  /** Only matches not glued to a letter or digit on either side ("Li" not in "Lin"). */
  wholeWord?: boolean;
}

export interface Occurrence {
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;

/**
 * Every occurrence of `needle` in `text`, code point ranges in text order.
 * Overlapping occurrences all count ("aa" twice in "aaa"): the user unticks
 * in the preview what they do not want.
 */
export function findOccurrences(text: string, needle: string, options: OccurrenceOptions = {}): Occurrence[] {
  if (needle === '') return [];
  const haystack = options.ignoreCase ? foldCase(text) : text;
  const wanted = options.ignoreCase ? foldCase(needle) : needle;
  const index = new CodePointIndex(text);
  const out: Occurrence[] = [];
  for (let at = haystack.indexOf(wanted); at >= 0; at = haystack.indexOf(wanted, nextStart(haystack, at))) {
    const to = at + wanted.length;
    // A match that starts or ends inside a surrogate pair is half a character.
    if (isLowSurrogate(text, at) || isLowSurrogate(text, to)) continue;
    if (options.wholeWord && !(boundaryAt(text, at) && boundaryAt(text, to))) continue;
    out.push({ start: index.toCodePoint(at), end: index.toCodePoint(to) });
  }
  return out;
}

/**
 * The occurrences of `needle` that do not yet carry `tagIds`: a range that an
 * annotation already covers exactly with all of those tags (including the
 * one the user started from) is left out.
 */
export function occurrencesToAnnotate(
  text: string,
  needle: string,
  tagIds: readonly string[],
  annotations: readonly Pick<Annotation, 'start' | 'end' | 'tagIds' | 'detached'>[],
  options: OccurrenceOptions = {},
): Occurrence[] {
  const done = new Set(annotations.filter((a) => !a.detached && tagIds.every((t) => a.tagIds.includes(t))).map((a) => `${a.start}:${a.end}`));
  return findOccurrences(text, needle, options).filter((o) => !done.has(`${o.start}:${o.end}`));
}

/**
 * Case folding that keeps every character's UTF-16 length, so offsets in the
 * folded text are offsets in the original. A character whose lower case is
 * longer (İ) or depends on context (final sigma) is folded on its own or kept.
 */
export function foldCase(text: string): string {
  return text.replace(/\p{Lu}|\p{Lt}/gu, (c) => {
    const lower = c.toLowerCase();
    return lower.length === c.length ? lower : c;
  });
}

/** Where to look for the next, possibly overlapping, match: one code point on. */
function nextStart(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text, at + 1) ? at + 2 : at + 1;
}

function isLowSurrogate(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 0xdc00 && code <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
}

/** Whether UTF-16 index `i` does not split a word: the characters on its two sides are not both word characters. */
function boundaryAt(text: string, i: number): boolean {
  const before = i > 0 ? String.fromCodePoint(text.codePointAt(isLowSurrogate(text, i - 1) ? i - 2 : i - 1)!) : '';
  const after = i < text.length ? String.fromCodePoint(text.codePointAt(i)!) : '';
  return !(WORD.test(before) && WORD.test(after));
}
