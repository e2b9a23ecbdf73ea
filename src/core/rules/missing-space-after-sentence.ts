// `the city.We must`, `up 4.6%.The`, `(2023-2026).It`, `the U.S.The` — the
// space after a sentence's end lost in translation.

import { isKnownName } from './brands';
import { MASK } from './mask';
import type { Rule, RuleMatch } from './rule';
import { isCodeToken, isSentenceStarter, missingSpace, proseAfterCode, tokenAround } from './text';

// The mark, any quote marks and brackets, then a capital and a lowercase
// letter: keeps out .NET, digits (3.5, v2.1, No.3), stock codes (600519.SH)
// and ellipses.
// Or a list number glued to the sentence before it: `the statistics.2. The`.
// Or the one-letter words `A` and `I` before a lowercase word: `5 minutes.A ratio`.
const PATTERN = /[.!?](?:[”’)\]"“‘([]*(?:[A-Z][a-z]|[AI] (?=\p{Ll}{2}))|(?=\d{1,2}[.)] +[A-Z]))/gu;
// What ends the sentence before the mark decides how sure the boundary is.
// A word of two letters or more (`city.`, `Li.`, `GDP.`), a number or unit
// (`2023.`, `4.6%.`, `38°C.`), or a closing quote or bracket: sure.
const WORD_BEFORE = /(?:\p{L}\p{M}*){2,}$/u;
// (`1.2 m.`: a number's unit after a space.)
const NUMBER_BEFORE = /[\d%°]\p{L}{0,3}$|[\d%°+]$|\d \p{Ll}{1,3}$/u;
const CLOSER_BEFORE = /[”’)\]}"'»]$/;
// One letter after a full stop or a space (`U.S.`, `a.m.`, `Plan B.`, `J.`):
// an abbreviation or an initial. Only a word that starts sentences after it
// shows a boundary (`the U.S.The` but `J.K.Rowling`, `U.N.Security`).
const INITIAL_BEFORE = /(?:^|[^\p{L}\p{N}])\p{L}$/u;
// Abbreviations before a name or a number, never at a sentence end here.
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'mt', 'messrs', 'prof', 'no', 'nos', 'jr', 'sr', 'fr', 'rev', 'gen', 'lt', 'col', 'capt', 'gov', 'sen',
  'rep', 'hon', 'art', 'arts', 'fig', 'figs', 'vol', 'vols', 'sec', 'para', 'ch', 'op', 'pp', 'vs', 'viz', 'cf', 'approx', 'incl',
]);
// `e.g.` and `i.e.` always go on.
const NEVER_END = /(?:^|[^\p{L}])(?:e\.g|i\.e)$/iu;
// `System.Console.Write(`: a dotted or called name, not two sentences.
const CODE_AFTER = /^[A-Z][A-Za-z]*(?:\.\w|\()/;
// `transform.StepMap`: a camel-case word after the dot is a name in code,
// unless it is a brand starting a sentence (`the city.WeChat`).
const CAMEL_CASE = /^[A-Z][a-z]+[A-Z][A-Za-z]*/;
const LIST_NUMBER = /^\s*\(?\d{1,2}$/;
// `.wantContinue`, `.WantGrab`: the glued-modal rule's, which fixes both at once.
const GLUED_MODAL = /^Wants?(?:[A-Z]| [A-Z][a-z]|[a-z]{3})|^Needs?[A-Z]/;

export const missingSpaceAfterSentence: Rule = {
  id: 'missing-space-after-sentence',
  description: 'A sentence ends with . ! or ? and the next one starts without a space: "the city.We must", "up 4.6%.The".',
  severity: 'warning',
  safe: true,
  detect(line) {
    const matches: RuleMatch[] = [];
    for (const m of line.matchAll(PATTERN)) {
      if (m[0].length === 1) {
        listNumber(line, m.index, matches);
        continue;
      }
      const letter = m.index + m[0].length - 2;
      const after = line.slice(letter, letter + 64);
      const before = line.slice(Math.max(0, m.index - 24), m.index);
      if (!endsSentence(before, after)) continue;
      // `the U.S.A and`: a one-letter word after an initial is one more initial.
      if (after[1] === ' ' && INITIAL_BEFORE.test(before)) continue;
      if (GLUED_MODAL.test(after)) continue;
      // A list number starting the line (`3.Requirements.Participants`, `1.JavaScript`): what follows is no code.
      if (!LIST_NUMBER.test(line.slice(0, m.index))) {
        if (CODE_AFTER.test(after) || (isCodeToken(tokenAround(line, m.index)) && !proseAfterCode(line, m.index))) continue;
        const camel = CAMEL_CASE.exec(after);
        if (camel && !isKnownName(camel[0])) continue;
      }
      const match = missingSpace(line, m.index, letter);
      if (match) matches.push(match);
    }
    return matches;
  },
};

/** `statistics.2. The`: a sentence end, then a list number without a space. */
function listNumber(line: string, at: number, matches: RuleMatch[]): void {
  const word = WORD_BEFORE.exec(line.slice(Math.max(0, at - 24), at));
  if (!word || TITLES.has(word[0].toLowerCase())) return;
  const match = missingSpace(line, at, at + 1);
  if (match) matches.push(match);
}

/** Whether a mark after `before` ends a sentence, given the `after` text that follows the mark. */
function endsSentence(before: string, after: string): boolean {
  // A masked URL, domain or file name keeps no trailing full stop: that one ends the sentence.
  if (NUMBER_BEFORE.test(before) || CLOSER_BEFORE.test(before) || before.endsWith(MASK)) return true;
  const word = WORD_BEFORE.exec(before);
  // `Art. 5`, `Mr. Li`, but `the P60 Art.The launch`.
  if (word) return !TITLES.has(word[0].toLowerCase()) || isSentenceStarter(/^[A-Za-z]+/.exec(after)![0]);
  if (INITIAL_BEFORE.test(before) && !NEVER_END.test(before)) return isSentenceStarter(/^[A-Za-z]+/.exec(after)![0]);
  return false;
}
