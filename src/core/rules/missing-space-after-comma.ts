// `security,Provide` — the space after a comma, semicolon or colon lost.

import type { Rule, RuleMatch } from './rule';
import { missingSpace, tokenAround } from './text';

// Letters on both sides keep out 1,200,000, 10:30 and 3:1; two letters on
// each side keep out single-letter lists such as x,y.
const PATTERN = /[,;:][”’)\]"“‘([]*[A-Za-z]{2}/g;
const BEFORE = /[A-Za-z]{2}$/;
// Characters that make a token code or markup (`a=b,c`, `ns:tag/x`), not prose.
const CODE = /[=/\\_<>{}`#$%*|]/;
// A colon joins names (`auth:login`, `connect:bodyParser`, `GEN:stop`,
// `'app:Server'`) far more often than clauses: only a lowercase word, then a
// capitalised one, in a token that does not start with a quote or bracket.
const COLON_CLAUSE = /^[a-z]{2}:[“"]?[A-Z][a-z]/;
const QUOTED = /^['"(]/;

export const missingSpaceAfterComma: Rule = {
  id: 'missing-space-after-comma',
  description: 'A comma, semicolon or colon with no space before the next word: "security,Provide".',
  severity: 'warning',
  safe: true,
  detect(line) {
    const matches: RuleMatch[] = [];
    for (const m of line.matchAll(PATTERN)) {
      if (!BEFORE.test(line.slice(Math.max(0, m.index - 2), m.index))) continue;
      const token = tokenAround(line, m.index);
      if (CODE.test(token)) continue;
      if (line[m.index] === ':' && (!COLON_CLAUSE.test(line.slice(m.index - 2, m.index + m[0].length)) || QUOTED.test(token))) continue;
      const match = missingSpace(line, m.index, m.index + m[0].length - 2);
      if (match) matches.push(match);
    }
    return matches;
  },
};
