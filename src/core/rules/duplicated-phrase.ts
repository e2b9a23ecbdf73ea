// `a higher level and higher level`, `up 4.6%, up 4.6%`, `the written test,
// the written test`, `the plan the plan` — a phrase the translation said twice.

import type { Rule, RuleMatch } from './rule';
import { lowerCase, q } from './text';

// Where the second copy may start: after a comma or semicolon (with "and"
// or "or"), or after "and", "or" or "as well as". Looking only there keeps
// the rule fast.
const WORD_SEPARATOR = / (?:and|or|as well as) /g;
// Two to ten words (`an increase of 54,000 over the end of last year`);
// single words are the repeated-word rule's, and "more and more" is English.
// A phrase repeated with only a space between is looked for separately, by
// the first two letters of each word (see adjacentRepeats).
const MIN_WORDS = 2;
const MAX_WORDS = 10;

// Repetitions English uses on purpose: "and so on and so on".
const IDIOMS = new Set([
  'so on', 'so forth', 'and so on', 'and so forth', 'over and over', 'again and again', 'on and on', 'round and round',
  'thank you', 'come on', 'go on', 'well done', 'hear hear',
]);

const SUBORDINATE = /\b(?:after|before|when|while|since|without|upon|if|unless|until|once)\s$/;

export const duplicatedPhrase: Rule = {
  id: 'duplicated-phrase',
  description: 'The same phrase twice, joined by a space, a comma, "and" or "or": "a higher level and higher level", "up 4.6%, up 4.6%".',
  severity: 'warning',
  // Two copies of the same words with only a connector between say nothing
  // the first does not: deleting the second (and the connector) is certain.
  // Joined by "and" the copy may stand for a second source term translated
  // the same way, but the corrected English still says it once. Copies that
  // differ in case past the first letter are left to a person.
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
        if (m.index >= after) after = repeatAt(line, lower, m.index, m[0].length, matches) ?? after;
      }
      if (mark < 0) break;
      if (mark >= after) {
        const joined = lower.startsWith('and ', mark + 2) ? 4 : lower.startsWith('or ', mark + 2) ? 3 : 0;
        // `Fig; and Fig`: the "and" may be the phrase's own first word.
        after = repeatAt(line, lower, mark, 2 + joined, matches) ?? (joined > 0 ? repeatAt(line, lower, mark, 2, matches) : undefined) ?? after;
      }
      if (mark === comma) comma = lower.indexOf(', ', comma + 1);
      else semicolon = lower.indexOf('; ', semicolon + 1);
    }
    adjacentRepeats(line, lower, matches);
    return matches;
  },
};

/**
 * The repeat whose second copy starts after the separator at `at` (of
 * `length` characters), pushed onto `matches`; returns its end, or
 * undefined when there is none.
 */
function repeatAt(line: string, lower: string, at: number, length: number, matches: RuleMatch[]): number | undefined {
  const second = at + length;
  if (!mayRepeat(lower, at, second)) return undefined;
  const start = repeatedBefore(lower, at, second);
  if (start < 0) return undefined;
  const original = line.slice(start, at);
  if (IDIOMS.has(lower.slice(start, at)) || isName(original)) return undefined;
  // `After calling it, calling it again…`: a clause that ends in the phrase, then one that starts with it.
  if (lower[at] === ',' && SUBORDINATE.test(lower.slice(Math.max(0, start - 12), start))) return undefined;
  const end = second + original.length;
  matches.push(repeatMatch(line, start, at, second, end));
  return end;
}

/** The match for the phrase at [start, at) repeated at [second, end): keep the first copy. */
function repeatMatch(line: string, start: number, at: number, second: number, end: number): RuleMatch {
  const original = line.slice(start, at);
  const match: RuleMatch = { start, end, replacement: original, message: `${q(original)} is said twice: keep it once.` };
  // `High quality and high quality`: only the first letter's case may differ.
  if (line.slice(start + 1, at) !== line.slice(second + 1, end)) match.safe = false;
  return match;
}

// The last words seen by adjacentRepeats: where each starts, and a key of its characters.
const RING = 16;
const ringStart = new Int32Array(RING);
const ringKey = new Int32Array(RING);

/**
 * `the plan the plan`, `up 2.9% up 2.9%`: a phrase of MIN_WORDS..MAX_WORDS
 * words repeated after a single space, pushed onto `matches` unless a
 * match found before overlaps it. One pass over the spaces: each word is
 * compared with the words before it by a key of its characters first, and
 * only where they agree is the text compared.
 */
function adjacentRepeats(line: string, lower: string, matches: RuleMatch[]): void {
  const found = matches.length;
  let words = 0;
  let after = 0;
  for (let p = 0; p < lower.length; ) {
    let space = lower.indexOf(' ', p);
    if (space < 0) space = lower.length;
    if (space > p) {
      // A copy's first word is whole (a space follows it in the copy): its
      // first two characters, last one and length tell most words apart.
      const key = (Math.imul((lower.charCodeAt(p) << 16) | lower.charCodeAt(p + 1), 31) + Math.imul(lower.charCodeAt(space - 1), 257) + space - p) | 0;
      // A copy may start here: one space after a word that ends no clause.
      if (words >= MIN_WORDS && p >= after && lower.charCodeAt(p - 2) !== 32 && !isClauseEnd(lower.charCodeAt(p - 2))) {
        for (let n = Math.min(MAX_WORDS, words); n >= MIN_WORDS; n--) {
          if (ringKey[(words - n) & (RING - 1)] !== key) continue;
          const end = repeatFrom(line, lower, ringStart[(words - n) & (RING - 1)]!, p, matches, found);
          if (end > 0) {
            after = end;
            break;
          }
        }
      }
      ringStart[words & (RING - 1)] = p;
      ringKey[words & (RING - 1)] = key;
      words++;
    }
    p = space + 1;
  }
}

/** The repeat of the phrase at [start, second - 1) at `second`, pushed onto `matches`; its end, or 0 when there is none. */
function repeatFrom(line: string, lower: string, start: number, second: number, matches: RuleMatch[], found: number): number {
  const length = second - 1 - start;
  if (length < 5 || !sameText(lower, start, second, length) || continues(lower, second + length)) return 0;
  const phrase = lower.slice(start, start + length);
  const original = line.slice(start, start + length);
  // A phrase of words: not `(a) (b)`, not numbers alone (`0 1 0 1`), not a name (`Bora Bora`).
  if (!/^[\p{L}\p{N}]/u.test(original) || !/\p{L}/u.test(original) || IDIOMS.has(phrase) || isName(original)) return 0;
  // A chant or a run (`ha ha ha ha`, `over and over and over`): the words go on repeating.
  const first = phrase.slice(0, phrase.indexOf(' '));
  const last = phrase.slice(phrase.lastIndexOf(' ') + 1);
  const end = second + length;
  if (first === last || wordAt(lower, end + 1) === first || wordBefore(lower, start - 1) === last) return 0;
  for (let i = 0; i < found; i++) if (matches[i]!.start < end && start < matches[i]!.end) return 0;
  matches.push(repeatMatch(line, start, start + length, second, end));
  return end;
}

/** The word starting at `at` after a space (up to the next space), or ''. */
function wordAt(lower: string, at: number): string {
  if (at >= lower.length || lower.charCodeAt(at - 1) !== 32) return '';
  const space = lower.indexOf(' ', at);
  return lower.slice(at, space < 0 ? lower.length : space);
}

/** The word ending before the space at `space`, or ''. */
function wordBefore(lower: string, space: number): string {
  if (space <= 0 || lower.charCodeAt(space) !== 32) return '';
  return lower.slice(lower.lastIndexOf(' ', space - 1) + 1, space);
}

/** `,` `;` `:` `.` `!` `?`: a word ending in one closes a clause, and what follows is not a plain repeat. */
function isClauseEnd(c: number): boolean {
  return c === 44 || c === 59 || c === 58 || c === 46 || c === 33 || c === 63;
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

/**
 * "New York, New York", "Bora Bora": a repeated name of one or two words,
 * every word capitalised. A longer one said twice (`Government Procurement
 * Law Government Procurement Law`) is the translation's repeat.
 */
function isName(phrase: string): boolean {
  const words = phrase.split(/[ -]/);
  return words.length <= 2 && words.every((w) => w[0] !== w[0]!.toLowerCase());
}
