// `security,Provide`, `in 2023,the`, `as follows:1.`, `reform;promote` — the
// space after a comma, semicolon or colon lost.

import type { Rule, RuleMatch } from './rule';
import { isCodeToken, isSentenceStarter, missingSpace, proseAfterCode, tokenAround } from './text';

// The mark, any quote marks and brackets, then a word of two letters or a digit.
// (`a`, `A` and `I` are words; `e.g.` and `i.e.` are a word's abbreviation.)
const PATTERN = /[,;:][”’)\]"“‘([]*(?:[A-Za-z]{2}|[AaI] |[a-z]\.[a-z]\.|\d)/g;
// Before the mark: a word of two letters (single letters are lists such as
// x,y), or a number or a closing quote or bracket before a word (not before
// a number: 1,200,000, 10:30, 3:1, 3:16 and 2,5 are numbers).
const WORD_BEFORE = /(?:\p{L}\p{M}*){2}$/u;
const OTHER_BEFORE = /[\d%°”’)\]"]$/;
// After a colon a lowercase word is a clause only if it is one that starts
// clauses (`as follows:the`); `auth:login` and `type:license` are names.
// A capitalised word or a number after it is a clause or a value
// (`stressed:We`, `Time:10:30`), except after a lowercase name or a scheme
// (`localhost:3000`, `tel:110`) or a capitalised one in code (`GEN:stop`).
const SCHEMES = new Set(['localhost', 'tel', 'mailto', 'http', 'https', 'ftp', 'file', 'data', 'urn', 'git', 'ssh', 'javascript', 'about', 'port']);
const QUOTED = /^['"(]/;

export const missingSpaceAfterComma: Rule = {
  id: 'missing-space-after-comma',
  description: 'A comma, semicolon or colon with no space before the next word: "security,Provide", "as follows:1.".',
  severity: 'warning',
  safe: true,
  detect(line) {
    const matches: RuleMatch[] = [];
    for (const m of line.matchAll(PATTERN)) {
      const digitAfter = /\d$/.test(m[0]);
      // Most matches are numbers (1,200, 10:30): leave them at once. A
      // semicolon then a list number is no number: `16:00;2. drink`.
      const previous = line.charCodeAt(m.index - 1);
      const listNumber = digitAfter && m[0].length === 2 && m[0][0] === ';' && /^\d{0,1}[.)] \p{L}/u.test(line.slice(m.index + 2, m.index + 6));
      if (digitAfter && m[0].length === 2 && previous >= 48 && previous <= 57 && !listNumber) continue;
      const mark = line[m.index]!;
      const before = line.slice(Math.max(0, m.index - 24), m.index);
      // Where the next word starts, back from the end of the match.
      const back = digitAfter ? 1 : /[ .]$/.test(m[0]) ? (m[0].endsWith('.') ? 4 : 2) : 2;
      const between = m[0].slice(1, -back);
      // A list item starts after the mark: `Road);(2) 6:30`, `gov.cn;(3) this`.
      const listItem = (digitAfter && /\($/.test(between)) || listNumber;
      // A one-letter word before a semicolon or colon (`Python or R;legal`); before a comma it is a list (x,y).
      const wordBefore = WORD_BEFORE.test(before) || (mark !== ',' && /(?:^|[\s(])[A-Z]$/.test(before));
      if (!wordBefore && !listItem && (digitAfter || !OTHER_BEFORE.test(before))) continue;
      // `"a","b"`: a quoted list; `":"` and `','`: code.
      if (/["']$/.test(before) && /^["']/.test(between)) continue;
      const token = tokenAround(line, m.index);
      if (isCodeToken(token) && !proseAfterCode(line, m.index)) continue;
      if (mark === ':' && !colonClause(line, m.index, before, m[0], digitAfter, token)) continue;
      const match = missingSpace(line, m.index, m.index + m[0].length - back);
      if (!match) continue;
      // `security,Provide`: the capital may be the next sentence's, kept by
      // a lost full stop, or the translation's; the lowercase is offered too.
      const word = /^[A-Z][a-z]+/.exec(line.slice(m.index + m[0].length - back));
      if (mark !== ':' && word && !digitAfter) {
        match.alternatives = [match.replacement!.slice(0, -1) + match.replacement!.slice(-1).toLowerCase()];
      }
      matches.push(match);
    }
    return matches;
  },
};

function colonClause(line: string, at: number, before: string, matched: string, digitAfter: boolean, token: string): boolean {
  if (QUOTED.test(token)) return false;
  const label = /\p{L}+$/u.exec(before)?.[0] ?? '';
  if (SCHEMES.has(label)) return false;
  // `region:"Pudong"`: a key and its quoted value.
  if (/^:"[^"]{0,40}"/.test(line.slice(at, at + 44))) return false;
  // `name:"bus" AND year:2023`: a field of a search query.
  if (digitAfter) return /^\p{Lu}\p{Ll}/u.test(label) || (/^\p{Ll}{4,}$/u.test(label) && !/\b(?:AND|OR|NOT) \S*$/.test(before));
  const word = /^[A-Za-z]+/.exec(line.slice(at + matched.length - (/[ .]$/.test(matched) ? (matched.endsWith('.') ? 4 : 2) : 2)))![0];
  if (/^[A-Z]/.test(word)) return !/^\p{Lu}{2}/u.test(label);
  if (isSentenceStarter(word)) return true;
  // `into 4 types:recyclables, kitchen waste`: a label of prose, then a
  // lowercase word running on as prose. Names joined by a colon are short
  // tokens on their own (`auth:login`) or a search (`type:license AND …`).
  const rest = line.slice(at + 1 + word.length, at + 1 + word.length + 12);
  return /^[a-z]+$/.test(word) && /^\p{Lu}?\p{Ll}{2,}$/u.test(label) && /^[,.;]? \p{Ll}/u.test(rest);
}
