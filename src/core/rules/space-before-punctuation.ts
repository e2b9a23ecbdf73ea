// `reported , all` and `( text )` — spaces where English puts none.

import type { Rule, RuleMatch } from './rule';
import { q } from './text';

// Spaces before a closing mark. A period followed by a word character or
// another period is not one (`.NET`, `.5`, ` ...`); a colon or semicolon
// starting a smiley (`:)`, `;-)`) or a number (`10 :30`) is left alone.
const BEFORE_CLOSING = / +(?:[,!?)\]]|\.(?![.\w])|[:;](?![-']?[()DPp/\\|]|\d))/g;
// A `?` or `!` that is a symbol, not a sentence's end: `(* and ?)`, `? or *`.
const SYMBOL_BEFORE = /(?:^|[\s(“"'‘])[*?!#%&+=<>~^|/\\-]+,?(?: (?:and|or))?$/;
// `a ? b : c`: a conditional in code, whose spaced marks are its own.
const CONDITIONAL = / \? [^?:]{1,60} : /g;
// An opening bracket followed by spaces, then text other than its closing bracket.
const AFTER_OPENING = /[([] +(?=[^\s)\]])/g;

export const spaceBeforePunctuation: Rule = {
  id: 'space-before-punctuation',
  description: 'A space before , . ; : ! ? or a closing bracket, or after an opening bracket: "reported , all", "( text )".',
  severity: 'warning',
  safe: true,
  detect(line) {
    const matches: RuleMatch[] = [];
    const conditionals = line.includes(' ? ') ? [...line.matchAll(CONDITIONAL)].map((c) => [c.index, c.index + c[0].length] as const) : [];
    for (const m of line.matchAll(BEFORE_CLOSING)) {
      // Only after text: spaces that start the line are indentation, and `( )` is empty, not spaced.
      if (m.index === 0 || /[\s([]/.test(line[m.index - 1]!)) continue;
      const mark = m[0].trimStart();
      if (mark === '?' || mark === '!') {
        // `?id=5`, `?b`, `?.txt`: a query or a wildcard, glued to what it stands in for.
        if (/[\w=*?.]/.test(line[m.index + m[0].length] ?? '')) continue;
        // `wildcards: ? matches one character`: a sentence's end is followed by a capital.
        if (/^ \p{Ll}/u.test(line.slice(m.index + m[0].length, m.index + m[0].length + 2))) continue;
        if (SYMBOL_BEFORE.test(line.slice(Math.max(0, m.index - 12), m.index))) continue;
      }
      if (conditionals.some(([s, e]) => m.index >= s && m.index < e)) continue;
      matches.push({
        start: m.index,
        end: m.index + m[0].length,
        replacement: mark,
        message: `Space before ${q(mark)}: remove it.`,
      });
    }
    for (const m of line.matchAll(AFTER_OPENING)) {
      const mark = m[0][0]!;
      matches.push({
        start: m.index,
        end: m.index + m[0].length,
        replacement: mark,
        message: `Space after ${q(mark)}: remove it.`,
      });
    }
    return matches;
  },
};
