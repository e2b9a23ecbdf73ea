// `reported , all` and `( text )` — spaces where English puts none.

import type { Rule, RuleMatch } from './rule';
import { q } from './text';

// Spaces before a closing mark. A period followed by a word character or
// another period is not one (`.NET`, `.5`, ` ...`); a colon or semicolon
// starting a smiley (`:)`, `;-)`) or a number (`10 :30`) is left alone.
const BEFORE_CLOSING = / +(?:[,!?)\]]|\.(?![.\w])|[:;](?![-']?[()DPp/\\|]|\d))/g;
// An opening bracket followed by spaces, then text other than its closing bracket.
const AFTER_OPENING = /[([] +(?=[^\s)\]])/g;

export const spaceBeforePunctuation: Rule = {
  id: 'space-before-punctuation',
  description: 'A space before , . ; : ! ? or a closing bracket, or after an opening bracket: "reported , all", "( text )".',
  severity: 'warning',
  safe: true,
  detect(line) {
    const matches: RuleMatch[] = [];
    for (const m of line.matchAll(BEFORE_CLOSING)) {
      // Only after text: spaces that start the line are indentation, and `( )` is empty, not spaced.
      if (m.index === 0 || /[\s([]/.test(line[m.index - 1]!)) continue;
      const mark = m[0].trimStart();
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
