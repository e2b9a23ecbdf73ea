// `two  spaces` — more than one space between words.

import type { Rule, RuleMatch } from './rule';

const RUN = / {2,}/g;
// Two spaces after a sentence end are the typewriter convention, not an artifact.
const SENTENCE_END = /[.!?][”’"')\]]*$/;
// Spaces before punctuation or after an opening bracket are the space-before-punctuation rule's.
const PUNCTUATION_AFTER = /^[,.;:!?)\]]/;

export const repeatedSpaces: Rule = {
  id: 'repeated-spaces',
  description: 'Two or three spaces between words where one belongs: "two  spaces". Longer runs align columns and are left alone.',
  severity: 'info',
  safe: true,
  detect(line) {
    const matches: RuleMatch[] = [];
    for (const m of line.matchAll(RUN)) {
      const n = m[0].length;
      const end = m.index + n;
      if (n > 3 || m.index === 0 || end === line.length) continue;
      const before = line.slice(Math.max(0, m.index - 4), m.index);
      if (/[\s([]$/.test(before) || PUNCTUATION_AFTER.test(line[end]!) || /\s/.test(line[end]!)) continue;
      if (n === 2 && SENTENCE_END.test(before)) continue;
      matches.push({ start: m.index, end, replacement: ' ', message: `${n} spaces in a row: write one.` });
    }
    return matches;
  },
};
