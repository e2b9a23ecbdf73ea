// `the city.We must` — the space after a sentence's end lost in translation.

import { isKnownName } from './brands';
import type { Rule, RuleMatch } from './rule';
import { missingSpace, tokenAround } from './text';

// The mark, any quote marks and brackets, then a capital and a lowercase
// letter: keeps out .NET, digits (3.5, v2.1, No.3) and ellipses.
const PATTERN = /[.!?][”’)\]"“‘([]*[A-Z][a-z]/g;
// Two lowercase letters before the mark keep out U.S.A, Ph.D., J.R.R. and Mr.Li.
const BEFORE = /[a-z]{2}$/;
// `System.Console.Write(`: a dotted or called name, not two sentences.
const CODE_AFTER = /^[A-Z][A-Za-z]*(?:\.\w|\()/;
// `(#state.Transaction)`, `a_b.Name`: a token with these characters is code or markup.
const CODE_TOKEN = /[#/\\_=<>{}|$@]/;
// `transform.StepMap`: a camel-case word after the dot is a name in code,
// unless it is a brand starting a sentence (`the city.WeChat`).
const CAMEL_CASE = /^[A-Z][a-z]+[A-Z][A-Za-z]*/;

export const missingSpaceAfterSentence: Rule = {
  id: 'missing-space-after-sentence',
  description: 'A sentence ends with . ! or ? and the next one starts without a space: "the city.We must".',
  severity: 'warning',
  safe: true,
  detect(line) {
    const matches: RuleMatch[] = [];
    for (const m of line.matchAll(PATTERN)) {
      if (!BEFORE.test(line.slice(Math.max(0, m.index - 2), m.index))) continue;
      const letter = m.index + m[0].length - 2;
      const after = line.slice(letter, letter + 64);
      if (CODE_AFTER.test(after) || CODE_TOKEN.test(tokenAround(line, m.index))) continue;
      const camel = CAMEL_CASE.exec(after);
      if (camel && !isKnownName(camel[0])) continue;
      const match = missingSpace(line, m.index, letter);
      if (match) matches.push(match);
    }
    return matches;
  },
};
