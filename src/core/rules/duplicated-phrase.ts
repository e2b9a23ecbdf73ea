// `a higher level and higher level`, `up 4.6%, up 4.6%`, `the written test,
// the written test` — a phrase the translation said twice.

import type { Rule, RuleMatch } from './rule';
import { lowerCase, q } from './text';

// Where the second copy may start: after a comma or semicolon (with "and"
// or "or"), or after "and", "or" or "as well as". Looking only there keeps
// the rule fast.
const WORD_SEPARATOR = / (?:and|or|as well as) /g;
// Two to ten words (`an increase of 54,000 over the end of last year`);
// single words are the repeated-word rule's, and "more and more" is English.
// A phrase repeated with nothing between is not looked for: scanning every
// space for it costs a fifth of all the rules' time.
const MIN_WORDS = 2;
const MAX_WORDS = 10;

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
    // Commas and semicolons by indexOf, words by a regex, taken in order of position.
    const words = lower.includes(' and ') || lower.includes(' or ') || lower.includes(' as well as ') ? [...lower.matchAll(WORD_SEPARATOR)] : [];
    let w = 0;
    let comma = lower.indexOf(', ');
    let semicolon = lower.indexOf('; ');
    let after = 0;
    for (;;) {
      const mark = comma < 0 ? semicolon : semicolon < 0 ? comma : Math.min(comma, semicolon);
      while (w < words.length && (mark < 0 || words[w]!.index < mark)) {
        const m = words[w++]!;
        if (m.index >= after) after = repeatAt(line, lower, m.index, m[0].length, false, matches) ?? after;
      }
      if (mark < 0) break;
      if (mark >= after) {
        const joined = lower.startsWith('and ', mark + 2) ? 4 : lower.startsWith('or ', mark + 2) ? 3 : 0;
        after = repeatAt(line, lower, mark, 2 + joined, joined > 0, matches) ?? after;
      }
      if (mark === comma) comma = lower.indexOf(', ', comma + 1);
      else semicolon = lower.indexOf('; ', semicolon + 1);
    }
    return matches;
  },
};

/**
 * The repeat whose second copy starts after the separator at `at` (of
 * `length` characters, holding "and" or "or" if `joined`), pushed onto
 * `matches`; returns its end, or undefined when there is none.
 */
function repeatAt(line: string, lower: string, at: number, length: number, joined: boolean, matches: RuleMatch[]): number | undefined {
  const second = at + length;
  if (!mayRepeat(lower, at, second)) return undefined;
  const start = repeatedBefore(lower, at, second);
  if (start < 0) return undefined;
  const original = line.slice(start, at);
  if (IDIOMS.has(lower.slice(start, at)) || isName(original)) return undefined;
  // `After calling it, calling it again…`: a clause that ends in the phrase, then one that starts with it.
  if (lower[at] === ',' && SUBORDINATE.test(lower.slice(Math.max(0, start - 12), start))) return undefined;
  const end = second + original.length;
  const match: RuleMatch = { start, end, replacement: original, message: `${q(original)} is said twice: keep it once.` };
  if (joined || lower[at] !== ',' && lower[at] !== ';') match.safe = false;
  matches.push(match);
  return end;
}

/** Cheap test first: whether one of the MAX_WORDS words before `at` starts with the two characters at `second`. */
function mayRepeat(lower: string, at: number, second: number): boolean {
  const first = lower.charCodeAt(second);
  const next = lower.charCodeAt(second + 1);
  let p = at;
  for (let k = 0; k < MAX_WORDS && p > 0; k++) {
    const space = lower.lastIndexOf(' ', p - 1);
    const c = lower.charCodeAt(space + 1);
    // The phrase may open a bracket or quotation: `(rose 5%, rose 5%)`.
    const w = c === 40 || c === 34 || c === 0x201c ? space + 2 : space + 1;
    if (lower.charCodeAt(w) === first && lower.charCodeAt(w + 1) === next) return true;
    if (space < 0) return false;
    p = space;
  }
  return false;
}

/**
 * Start of the longest phrase of MIN_WORDS..MAX_WORDS words (joined by
 * spaces or hyphens) that ends at `end` and is repeated at `second`, or -1.
 * Walks back word by word, comparing only where first characters agree.
 */
function repeatedBefore(lower: string, end: number, second: number): number {
  let found = -1;
  let p = end;
  const first = lower.charCodeAt(second);
  for (let words = 1; words <= MAX_WORDS; words++) {
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
