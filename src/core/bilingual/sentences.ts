// Sentence splitting for alignment. Chinese ends a sentence with 。！？； (and
// the closing quotes or brackets after them); English with . ! ? unless the
// period belongs to an abbreviation, an initial or a number. A line break
// always ends a sentence. Output: code point spans without surrounding
// whitespace, in text order.
//
// Intl.Segmenter's sentence granularity is kept for comparison (see
// docs/bilingual-eval.md): ICU breaks after "Mr." and "Dr." and does not break
// at the Chinese semicolon, so the rules below score better on our test set.

import { CodePointIndex } from '../offsets';
import type { Span } from './types';

/** Whether a BCP 47 tag names a language written without spaces between words. */
export function isCjk(language: string): boolean {
  return /^(zh|ja|yue|wuu|gan|hak|nan|cmn)\b/i.test(language);
}

const CLOSERS = '"\'”’」』）)］]】》〉';
const ZH_END = /[。！？；!?]+/g;

// Abbreviations after which a period never ends an English sentence.
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt', 'cmdr', 'adm', 'sgt', 'maj',
  'rev', 'hon', 'pres', 'st', 'mt', 'ft', 'no', 'nos', 'vs', 'v', 'fig', 'figs', 'vol', 'vols', 'pp', 'p', 'ch', 'sec', 'art',
  'approx', 'dept', 'est', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e', 'cf', 'al',
]);
// Abbreviations that may also end a sentence: a period after them ends one only
// when the next word typically starts a sentence.
const AMBIGUOUS = new Set(['inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'etc', 'bros', 'plc', 'llc', 'a.m', 'p.m', 'u.s', 'u.k', 'u.n', 'e.u', 'd.c', 'p.r.c']);
const STARTERS = new Set([
  'the', 'a', 'an', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there', 'in', 'on', 'at',
  'but', 'and', 'so', 'as', 'according', 'meanwhile', 'however', 'after', 'before', 'since', 'while', 'when', 'if', 'his', 'her',
  'their', 'our', 'one', 'some', 'many', 'most', 'all', 'both', 'last', 'next', 'for', 'with', 'by', 'from', 'to', 'of', 'also',
  'then', 'now', 'today', 'yesterday', 'here', 'what', 'why', 'how', 'who', 'where', 'such', 'each', 'every', 'only', 'although',
  'because', 'despite', 'during', 'under', 'other', 'no', 'not', 'yet', 'still', 'earlier', 'later', 'officials', 'analysts',
]);

interface Utf16Span {
  start: number;
  end: number;
}

/** Splits `text` into sentences by the rules for `language`. */
export function splitSentences(text: string, language: string): Span[] {
  return toCodePoints(text, isCjk(language) ? cjkBreaks(text) : latinBreaks(text));
}

/** Splits with Intl.Segmenter (sentence granularity), with line breaks as hard breaks too. */
export function segmenterSentences(text: string, language: string): Span[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const spans: Utf16Span[] = [];
  for (const line of lines(text)) {
    for (const s of segmenter.segment(text.slice(line.start, line.end))) {
      spans.push({ start: line.start + s.index, end: line.start + s.index + s.segment.length });
    }
  }
  return toCodePoints(text, spans);
}

function lines(text: string): Utf16Span[] {
  const out: Utf16Span[] = [];
  let start = 0;
  for (const m of text.matchAll(/\r\n|[\n\r\u2028\u2029]/g)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  return out;
}

function cjkBreaks(text: string): Utf16Span[] {
  const spans: Utf16Span[] = [];
  for (const line of lines(text)) {
    const body = text.slice(line.start, line.end);
    let start = 0;
    for (const m of body.matchAll(ZH_END)) {
      let end = m.index + m[0].length;
      while (end < body.length && CLOSERS.includes(body[end]!)) end++;
      if (end <= start) continue;
      spans.push({ start: line.start + start, end: line.start + end });
      start = end;
    }
    spans.push({ start: line.start + start, end: line.end });
  }
  return spans;
}

function latinBreaks(text: string): Utf16Span[] {
  const spans: Utf16Span[] = [];
  for (const line of lines(text)) {
    const body = text.slice(line.start, line.end);
    let start = 0;
    // A terminator run, its closing quotes and brackets, then the space before the next sentence.
    for (const m of body.matchAll(/([.!?。！？]+|…)([)"'”’\]»]*)(?=\s+|$)/g)) {
      const end = m.index + m[0].length;
      if (end >= body.length) break;
      if (m[1]!.startsWith('.') && m[1]!.length === 1 && !periodEnds(body, m.index)) continue;
      const next = /\s*(\S+)/.exec(body.slice(end));
      if (next && !startsSentence(next[1]!)) continue;
      spans.push({ start: line.start + start, end: line.start + end });
      start = end;
    }
    spans.push({ start: line.start + start, end: line.end });
  }
  return spans;
}

/** Whether the period at `at` in `line` ends a sentence, judged by the word before it and after it. */
function periodEnds(line: string, at: number): boolean {
  const before = /([\p{L}.\d]+)$/u.exec(line.slice(0, at))?.[1] ?? '';
  const word = before.toLowerCase();
  if (TITLES.has(word)) return false;
  // A single capital is an initial ("J. K. Rowling").
  if (/^\p{Lu}$/u.test(before)) return false;
  const after = /^\s+(\S+)/.exec(line.slice(at + 1))?.[1] ?? '';
  if (AMBIGUOUS.has(word) || /^(\p{L}\.)+\p{L}$/u.test(before)) {
    return STARTERS.has(after.replace(/^["'“‘(]+/, '').toLowerCase());
  }
  return true;
}

/** Whether a word can open a sentence: a capital, a digit, an opening quote or bracket, or CJK. */
function startsSentence(word: string): boolean {
  return /^["'“‘(\[«]*[\p{Lu}\p{Nd}\p{Lo}]/u.test(word);
}

function toCodePoints(text: string, spans: Utf16Span[]): Span[] {
  const index = new CodePointIndex(text);
  const out: Span[] = [];
  for (const s of spans) {
    let { start, end } = s;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start: index.toCodePoint(start), end: index.toCodePoint(end) });
  }
  return out;
}
