// Character classes and small helpers the rules share.

import type { RuleMatch } from './rule';

/** Han, kana, Hangul (and their marks): text a translation should not contain. */
export const CJK_CHAR = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}々〆ー`;

const CJK = new RegExp(`[${CJK_CHAR}]`, 'u');

/** Whether the code point at `index` of `text` (either half of a pair) is CJK. */
export function isCjkAt(text: string, index: number): boolean {
  const code = text.codePointAt(index);
  if (code === undefined) return false;
  // A low surrogate: look at the whole pair.
  if (code >= 0xdc00 && code <= 0xdfff && index > 0) return isCjkAt(text, index - 1);
  return CJK.test(String.fromCodePoint(code));
}

/** Quote marks and brackets that close what came before. */
const CLOSERS = '”’)]';
/** Quote marks and brackets that open what comes after. */
const OPENERS = '“‘([';

/**
 * Where the missing space goes in the marks between a punctuation mark and
 * the next word: after closing marks (`"Stop."He` → after the quote), before
 * opening ones (`city.“We` → before the quote). A straight `"` closes when an
 * odd number of them precede it on the line. Returns -1 when the marks are
 * in no sensible order.
 */
function spaceInsertionPoint(line: string, from: number, to: number): number {
  let point = -1;
  for (let i = from; i < to; i++) {
    const c = line[i]!;
    const closes = CLOSERS.includes(c) || (c === '"' && countBefore(line, '"', i) % 2 === 1);
    if (closes) {
      if (point >= 0) return -1;
    } else if (OPENERS.includes(c) || c === '"') {
      if (point < 0) point = i;
    } else {
      return -1;
    }
  }
  return point < 0 ? to : point;
}

function countBefore(text: string, char: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0 && i < end; i = text.indexOf(char, i + 1)) n++;
  return n;
}

const WORD = /^[\p{L}\p{N}’'-]*/u;

/**
 * The match for a missing space between a punctuation mark at `start` and the
 * word starting at `letter`, with quote marks and brackets between them;
 * null when their order makes no sense. The range ends after the word's
 * first letter; the message shows the whole word.
 */
export function missingSpace(line: string, start: number, letter: number): RuleMatch | null {
  const at = spaceInsertionPoint(line, start + 1, letter);
  if (at < 0) return null;
  const replacement = `${line.slice(start, at)} ${line.slice(at, letter + 1)}`;
  const word = WORD.exec(line.slice(letter + 1, letter + 40))![0];
  return {
    start,
    end: letter + 1,
    replacement,
    message: `No space after ${q(line.slice(start, at))}: write ${q(replacement + word)}.`,
  };
}

// Two rules lowercase the same (masked) line object: remember the last one.
let lastLine = '';
let lastLower = '';

/**
 * `line` lowercased with its offsets kept: the rare characters whose
 * lowercase is longer (İ) are left as they are.
 */
export function lowerCase(line: string): string {
  if (line !== lastLine) {
    const lower = line.toLowerCase();
    lastLower = lower.length === line.length ? lower : line.replace(/[^İ]+/g, (s) => s.toLowerCase());
    lastLine = line;
  }
  return lastLower;
}

/** The run of non-space characters around `index`. */
export function tokenAround(line: string, index: number): string {
  let from = index;
  while (from > 0 && !/\s/.test(line[from - 1]!)) from--;
  let to = index;
  while (to < line.length && !/\s/.test(line[to]!)) to++;
  return line.slice(from, to);
}

/** `text` in typographic quotes, for messages. */
export function q(text: string): string {
  return `“${text}”`;
}
