// `a higher level and higher level`, `up 4.6%, up 4.6%`, `the written test,
// the written test` — a phrase the translation said twice.

import type { Rule, RuleMatch } from './rule';
import { lowerCase, q } from './text';

// Where the second copy may start: after a comma or semicolon, or after
// "and", "or" or "as well as". Looking only there keeps the rule fast.
const SEPARATOR = /[,;] (?:and |or )?| (?:and|or|as well as) /g;
// Two to ten words (`an increase of 54,000 over the end of last year`);
// single words are the repeated-word rule's, and "more and more" is English.
// Said twice with only a space between, up to four words are looked for.
const MIN_WORDS = 2;
const MAX_WORDS = 10;
const MAX_ADJACENT_WORDS = 4;
const MAX_PHRASE_LENGTH = 160;
// A phrase ending in a joining word is part of a chain: `over and over and`.
const OPEN_END = / (?:and|or|the|a|an|of|to|by|after)$/;

// Repetitions English uses on purpose: "and so on and so on".
const IDIOMS = new Set(['so on', 'so forth', 'and so on', 'and so forth', 'over and over', 'again and again', 'on and on', 'round and round']);

const SUBORDINATE = /\b(?:after|before|when|while|since|without|upon|if|unless|until|once)\s$/;

export const duplicatedPhrase: Rule = {
  id: 'duplicated-phrase',
  description: 'The same phrase twice, joined by a comma, "and" or "or": "a higher level and higher level", "up 4.6%, up 4.6%".',
  severity: 'warning',
  // Joined by a comma the second copy is a plain repeat; joined by "and" it
  // may stand for a second source term the translation rendered the same
  // way, which only a person can name.
  safe: true,
  detect(line) {
    const lower = lowerCase(line);
    const matches: RuleMatch[] = [];
    let after = 0;
    for (const m of lower.matchAll(SEPARATOR)) {
      if (m.index < after) continue;
      const second = m.index + m[0].length;
      // Cheap test first: the second copy's first word must occur shortly before.
      let firstEnd = second;
      while (firstEnd < lower.length && isWordChar(lower.charCodeAt(firstEnd))) firstEnd++;
      if (firstEnd === second || lower.lastIndexOf(lower.slice(second, firstEnd), m.index - 1) < m.index - MAX_PHRASE_LENGTH) continue;
      const start = repeatedBefore(lower, m.index, second);
      if (start < 0) continue;
      const original = line.slice(start, m.index);
      const end = m.index + m[0].length + original.length;
      if (IDIOMS.has(lower.slice(start, m.index)) || isName(original)) continue;
      // `After calling it, calling it again…`: a clause that ends in the phrase, then one that starts with it.
      if (m[0][0] === ',' && SUBORDINATE.test(lower.slice(Math.max(0, start - 12), start))) continue;
      const joined = /[a-z]/.test(m[0]) ? { safe: false as const } : {};
      matches.push({ start, end, replacement: original, ...joined, message: `${q(original)} is said twice: keep it once.` });
      after = end;
    }
    // `the first batch the first batch`: nothing between the copies.
    for (const [start, space] of adjacentRepeats(lower)) {
      if (overlapsAny(matches, start, space)) continue;
      const original = line.slice(start, space);
      const phrase = lower.slice(start, space);
      // `ha ha ha ha`, `over and over and over and over`: a chant, not a slip.
      if (IDIOMS.has(phrase) || isName(original) || new Set(phrase.split(' ')).size === 1 || OPEN_END.test(phrase)) continue;
      matches.push({ start, end: space * 2 + 1 - start, replacement: original, message: `${q(original)} is said twice: keep it once.` });
    }
    matches.sort((a, b) => a.start - b.start);
    return matches;
  },
};

/**
 * Start of the longest phrase of MIN_WORDS..MAX_WORDS words (joined by
 * spaces or hyphens) that ends at `end` and is repeated at `second`, or -1.
 * Walks back word by word, comparing only where first characters agree.
 */
function repeatedBefore(lower: string, end: number, second: number, maxWords = MAX_WORDS): number {
  let found = -1;
  let p = end;
  const first = lower.charCodeAt(second);
  for (let words = 1; words <= maxWords; words++) {
    const s = wordStart(lower, p);
    if (s === p || isWordChar(lower.charCodeAt(s - 1))) break;
    const length = end - s;
    if (words >= MIN_WORDS && lower.charCodeAt(s) === first && sameText(lower, s, second, length) && !continues(lower, second + length)) {
      found = s;
    }
    const before = lower[s - 1];
    if (before !== ' ' && before !== '-') break;
    // A list inside the phrase: `automobiles, home appliances and catering`.
    p = before === ' ' && lower[s - 2] === ',' ? s - 2 : s - 1;
  }
  return found;
}

/**
 * [start, space] of each phrase of 2..MAX_ADJACENT_WORDS words that the same
 * phrase follows after one space. Walks the spaces, keeping where the last
 * few words started, and compares the word after each space with those.
 */
function adjacentRepeats(lower: string): [number, number][] {
  const found: [number, number][] = [];
  // Starts of the last words, in a ring: word n started at recent[n & 7].
  const recent = RECENT;
  recent[0] = 0;
  let n = 0;
  let after = 0;
  for (let space = lower.indexOf(' '); space >= 0; space = lower.indexOf(' ', space + 1)) {
    const second = space + 1;
    const c = lower.charCodeAt(second);
    if (c === 32 || second >= lower.length) continue;
    if (second >= after && isWordChar(c) && isWordChar(lower.charCodeAt(space - 1))) {
      for (let k = Math.min(MAX_ADJACENT_WORDS - 1, n); k >= MIN_WORDS - 1; k--) {
        const start = recent[(n - k) & 7]!;
        if (lower.charCodeAt(start) !== c) continue;
        const length = space - start;
        if (sameText(lower, start, second, length) && !continues(lower, second + length)) {
          found.push([start, space]);
          after = second + length;
          break;
        }
      }
    }
    n++;
    recent[n & 7] = second;
  }
  return found;
}
const RECENT = new Int32Array(8);

function overlapsAny(matches: RuleMatch[], start: number, end: number): boolean {
  return matches.some((m) => m.start < end && start < m.end);
}

/** Start of the word ending at `end`: letters and digits, with `%` and the `.` and `,` inside numbers (4.6%, 1,500). */
function wordStart(lower: string, end: number): number {
  let s = end;
  if (lower[s - 1] === '%') s--;
  while (s > 0) {
    const c = lower.charCodeAt(s - 1);
    // `16gb+512gb`, `8gb/256gb`: one word.
    if (isWordChar(c) || ((c === 43 || c === 47) && isWordChar(lower.charCodeAt(s)) && isWordChar(lower.charCodeAt(s - 2)))) s--;
    else if ((c === 46 || c === 44) && isDigit(lower.charCodeAt(s - 2)) && isDigit(lower.charCodeAt(s))) s--;
    else break;
  }
  return s;
}

/** Whether the word goes on at `index`: a word character, or a number's `.5` or `,000`. */
function continues(lower: string, index: number): boolean {
  const c = lower.charCodeAt(index);
  return isWordChar(c) || c === 37 || ((c === 46 || c === 44) && isDigit(lower.charCodeAt(index + 1)) && isDigit(lower.charCodeAt(index - 1)));
}

function sameText(text: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A character that would make a word longer: a letter, digit or apostrophe (NaN past the ends is none). */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || isDigit(c) || c === 39 || c === 0x2019 || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/** "New York, New York": a repeated name, every word capitalised. */
function isName(phrase: string): boolean {
  return phrase.split(/[ -]/).every((w) => w[0] !== w[0]!.toLowerCase());
}
