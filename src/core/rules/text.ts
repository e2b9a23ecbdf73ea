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

/**
 * Whether `token` (a run of non-space characters) is code or markup
 * (`a=b,c`, `#state.Transaction`, `f(x).Value`, `src/a/b`, `color:red;font-size`)
 * rather than prose such as `8GB/256GB`, `#1182`, `(9:00-11:30);June` or `Nanchang;Tel:0791`.
 */
export function isCodeToken(token: string): boolean {
  if (/[=\\_<>{}`|@]|\$(?=[A-Za-z_{])|#(?!\d)|\w\(/.test(token)) return true;
  if (/\/[^/\s]*\//.test(token)) return true;
  // Two marks joining lowercase names: `key:value;key:value`.
  return (token.match(/[a-z][:;][a-z]/g)?.length ?? 0) >= 2;
}

/**
 * Whether the mark at `index` ends a piece of code and prose follows it:
 * `{"id":1}.Developers should`, `=SUM(C2:C31);the export`. The token is
 * code up to the mark — a JSON object or list, or a call before a word
 * that starts sentences — and one plain word after it.
 */
export function proseAfterCode(line: string, index: number): boolean {
  let from = index;
  while (from > 0 && !/\s/.test(line[from - 1]!)) from--;
  let to = index + 1;
  while (to < line.length && !/\s/.test(line[to]!)) to++;
  const before = line.slice(from, index);
  const word = /^[“"‘]?([A-Za-z][a-z]*)$/.exec(line.slice(index + 1, to))?.[1];
  // Prose goes on after the word: `{a}.Values` at a line's end may be code still.
  if (word === undefined || before.length < 3 || !/^ \p{L}/u.test(line.slice(to, to + 2))) return false;
  const closer = before[before.length - 1];
  // A JSON value may hold spaces (`"name":"Business license"`): its quoted keys and items show it too.
  if (closer === '}' || closer === ']') return before.includes(closer === '}' ? '{' : '[') || /"[:,]["[{\d]|["\]}][}\]]$/.test(before);
  // A formula (`=COUNTIF(E:E,">=60")`) ends at its bracket; other calls only before a word that starts sentences.
  return closer === ')' && before.includes('(') && (before.startsWith('=') || isSentenceStarter(word));
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

/**
 * Closed-class words that start sentences and are never part of a name:
 * after an abbreviation's full stop (`the U.S.The`) only one of them shows
 * that a new sentence began, where `U.N.Security` or `J.K.Rowling` does not.
 */
const STARTERS = new Set(
  (
    'the this these that those there here it its we our us they their them he his she her you your i my one a an all some most many ' +
    'each every other such both either neither no any another in on at for from with by as after before during since until under over ' +
    'among between through according to of about if when while whereas although though however meanwhile moreover therefore thus so ' +
    'but and or nor also besides furthermore finally first second third fourth fifth last next then now today yesterday tomorrow ' +
    'what why how who where which whether please let only even still yet again instead otherwise overall currently recently ' +
    'anyone everyone someone nobody none everything something nothing'
  ).split(' '),
);

/** Whether `word` (any case) is a closed-class word that starts sentences ("The", "It", "However"). */
export function isSentenceStarter(word: string): boolean {
  return STARTERS.has(word.toLowerCase());
}
