// `a higher level and higher level` — a phrase the translation said twice.

import type { Rule, RuleMatch } from './rule';
import { lowerCase, q } from './text';

// Where the second copy may start: after "and" or "or". Looking only there
// keeps the rule fast. After a comma a repeat is often English ("After
// calling it, calling it again…"), and a phrase repeated with nothing between
// is rarer: neither is looked for.
const SEPARATOR = /,? (?:and|or) /g;
// Two to five words; single words are the repeated-word rule's, and "more
// and more" is English.
const MIN_WORDS = 2;
const MAX_WORDS = 5;

// Repetitions English uses on purpose: "and so on and so on".
const IDIOMS = new Set(['so on', 'so forth', 'and so on', 'and so forth', 'over and over', 'again and again']);

export const duplicatedPhrase: Rule = {
  id: 'duplicated-phrase',
  description: 'The same phrase twice, joined by "and" or "or": "a higher level and higher level".',
  severity: 'warning',
  safe: false,
  detect(line) {
    const lower = lowerCase(line);
    const matches: RuleMatch[] = [];
    let after = 0;
    for (const m of lower.matchAll(SEPARATOR)) {
      if (m.index < after) continue;
      const start = repeatedBefore(lower, m.index, m.index + m[0].length);
      if (start < 0) continue;
      const original = line.slice(start, m.index);
      const end = m.index + m[0].length + original.length;
      if (IDIOMS.has(lower.slice(start, m.index)) || isName(original)) continue;
      matches.push({ start, end, replacement: original, message: `${q(original)} is said twice: keep it once.` });
      after = end;
    }
    return matches;
  },
};

/**
 * Start of the longest phrase of MIN_WORDS..MAX_WORDS words (joined by
 * spaces or hyphens) that ends at `end` and is repeated at `second`, or -1.
 * Walks back word by word, comparing only where first letters agree.
 */
function repeatedBefore(lower: string, end: number, second: number): number {
  let found = -1;
  let p = end;
  for (let words = 1; words <= MAX_WORDS; words++) {
    let s = p;
    while (s > 0 && isLetter(lower.charCodeAt(s - 1))) s--;
    if (s === p || isWordChar(lower.charCodeAt(s - 1))) break;
    if (words >= MIN_WORDS && lower.charCodeAt(s) === lower.charCodeAt(second) && sameText(lower, s, second, end - s) && !isWordChar(lower.charCodeAt(second + end - s))) {
      found = s;
    }
    const before = lower[s - 1];
    if (before !== ' ' && before !== '-') break;
    p = s - 1;
  }
  return found;
}

function sameText(text: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

function isLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** A character that would make a word longer: a letter, digit or apostrophe (NaN past the ends is none). */
function isWordChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 39 || c === 0x2019 || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/** "New York, New York": a repeated name, every word capitalised. */
function isName(phrase: string): boolean {
  return phrase.split(/[ -]/).every((w) => w[0] !== w[0]!.toLowerCase());
}
