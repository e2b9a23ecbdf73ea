// `supply chain.wantContinue to deepen` — 要 ("must", "should") rendered as
// a stray "want" and glued, with the line break lost, onto the next sentence.

import { isKnownName } from './brands';
import type { Rule, RuleMatch } from './rule';
import { q } from './text';

// A lowercase modal then one capitalised word: the glued form never occurs
// in prose. More humps (`mustBeDefined`), a call, a member or an assignment
// after it (`this.willChange = x`) make it code.
const PATTERN = /(wants?|needs?|must|should|will|shall)([A-Z][a-z]+)(?![\w(]|\.\w| *[=([{;])/g;
// What may precede it: a sentence end with its closing marks, then spaces.
const SENTENCE_END = /[.!?][”’)\]"]* *$/;

export const gluedModal: Rule = {
  id: 'glued-modal',
  description: 'A stray modal glued onto the next sentence where a line break was lost: "chain.wantContinue to".',
  severity: 'warning',
  safe: true,
  detect(line) {
    const matches: RuleMatch[] = [];
    for (const m of line.matchAll(PATTERN)) {
      const [glued, modal, word] = [m[0], m[1]!, m[2]!];
      const before = line.slice(Math.max(0, m.index - 16), m.index);
      if (/[\p{L}\p{N}]$/u.test(before) || isKnownName(modal + word)) continue;
      const end = m.index + glued.length;
      const message = (fix: string) => `Stray ${q(modal)} glued to the next sentence: write ${q(fix)}.`;
      const sentenceEnd = SENTENCE_END.exec(before);
      if (sentenceEnd) {
        const start = m.index - sentenceEnd[0].length;
        const replacement = `${sentenceEnd[0].trimEnd()} ${word}`;
        matches.push({ start, end, replacement, message: message(replacement) });
      } else if (line.slice(0, m.index).trim() === '') {
        matches.push({ start: m.index, end, replacement: word, message: message(word) });
      } else if (/\s$/.test(before)) {
        // After a word the lost sentence end is a guess: a person decides.
        const start = m.index - (before.length - before.trimEnd().length);
        matches.push({ start, end, replacement: `. ${word}`, safe: false, message: message(`. ${word}`) });
      }
    }
    return matches;
  },
};
