// Anchors: things that must read the same in both languages — numbers
// (normalised), Latin-script words (names, codes), URLs and e-mail addresses.
// The aligner prefers links whose two sides share them.

import { findNumbers } from './numbers';
import { isCjk } from './sentences';

export const URL_PATTERN = /\b(?:https?:\/\/|www\.)[\w\-.~:/?#[\]@!$&'()*+,;=%]*[\w\-~/#=%&]/giu;
export const EMAIL_PATTERN = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/gu;
/** A run of Latin letters and digits with at least one letter, possibly joined by . - _ / & (5G, COVID-19, ASML, iPhone). */
export const LATIN_TOKEN = /(?<![\p{L}\p{Nd}])[A-Za-z\d][A-Za-z\d]*(?:[-_./&'][A-Za-z\d]+)*/gu;

/** The anchors of a sentence: number keys, lower-cased Latin tokens, URLs and addresses. */
export function anchorsOf(text: string, language: string): string[] {
  const anchors: string[] = [];
  for (const mention of findNumbers(text, language)) {
    // "One" and 一 are too often "a"; they anchor nothing.
    for (const key of mention.keys) if (!(mention.words && key === 'n:1')) anchors.push(key);
  }
  for (const m of text.matchAll(URL_PATTERN)) anchors.push(`u:${m[0].toLowerCase()}`);
  for (const m of text.matchAll(EMAIL_PATTERN)) anchors.push(`u:${m[0].toLowerCase()}`);
  // In a language written in Latin script every word is Latin: only CJK sources name things this way.
  if (isCjk(language)) {
    // Without the URLs and addresses, whose parts would count twice.
    const rest = text.replace(URL_PATTERN, ' ').replace(EMAIL_PATTERN, ' ');
    for (const m of rest.matchAll(LATIN_TOKEN)) if (/[A-Za-z]/.test(m[0]) && m[0].length >= 2) anchors.push(`w:${m[0].toLowerCase()}`);
  }
  return anchors;
}

/**
 * What a translation sentence offers to match a source's anchors: its number
 * keys, and every Latin token, URL and address in it.
 */
export function anchorSetOf(text: string, language: string): Set<string> {
  const set = new Set<string>();
  for (const mention of findNumbers(text, language)) for (const key of mention.keys) set.add(key);
  for (const m of text.matchAll(URL_PATTERN)) set.add(`u:${m[0].toLowerCase()}`);
  for (const m of text.matchAll(EMAIL_PATTERN)) set.add(`u:${m[0].toLowerCase()}`);
  for (const m of text.matchAll(LATIN_TOKEN)) if (/[A-Za-z]/.test(m[0])) set.add(`w:${m[0].toLowerCase()}`);
  return set;
}

/** The figures of a translation sentence written in digits (words such as "one" are too loose to count against a link). */
export function figuresOf(text: string, language: string): string[] {
  return findNumbers(text, language)
    .filter((m) => !m.words && !(m.kind === 'number' && m.value === 1))
    .flatMap((m) => m.keys);
}
