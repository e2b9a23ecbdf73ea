// `the the` — a word written twice. Only a suggestion: "had had" is English.

import type { Rule, RuleMatch } from './rule';
import { lowerCase, q } from './text';

// A word, spaces, the same word, matched on the lowercased line ("The the"):
// a case-insensitive back-reference is many times slower.
const PATTERN = /\b([a-z\u00DF-\u024F]+)[ \t]+\1(?![a-z\u00DF-\u024F'’-])/g;
// A letter or a joiner (`don't`, `well-being`) before the first word: not a word start.
const WORD_BEFORE = /[\p{L}'’-]$/u;

// Doubles that are good English (LanguageTool keeps a list like it).
const LEGITIMATE = new Set([
  'had', 'that', 'is', 'was', 'do', 'does', 'did', 'bye', 'ha', 'haha', 'ho', 'he', 'hee', 'no', 'yes', 'yeah',
  'knock', 'tut', 'tsk', 'hush', 'blah', 'la', 'ta', 'chop', 'there', 'now', 'well', 'boo', 'ding', 'tick', 'hip',
  'dum', 'cha', 'pom', 'bla', 'ooh', 'oh', 'ah', 'aye', 'night', 'beep', 'chug', 'choo', 'murmur',
]);
// Words that are never names, so "The the" is flagged although both are capitalised.
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'is', 'it', 'we', 'this']);

export const repeatedWord: Rule = {
  id: 'repeated-word',
  description: 'The same word twice in a row: "the the". Legitimate doubles ("had had") and names ("Li Li") are left alone.',
  severity: 'warning',
  safe: false,
  detect(line) {
    const matches: RuleMatch[] = [];
    for (const m of lowerCase(line).matchAll(PATTERN)) {
      const word = m[1]!;
      if (LEGITIMATE.has(word) || WORD_BEFORE.test(line.slice(Math.max(0, m.index - 1), m.index))) continue;
      const end = m.index + m[0].length;
      const first = line.slice(m.index, m.index + word.length);
      const second = line.slice(end - word.length, end);
      // Reduplicated names (Li Li, Fang Fang, Bora Bora) are capitalised twice;
      // `object Object` is a name after a word, not the word again.
      if (isCapitalised(second) && (!isCapitalised(first) || !FUNCTION_WORDS.has(word))) continue;
      matches.push({
        start: m.index + word.length,
        end,
        replacement: '',
        message: `${q(first)} is written twice: remove one.`,
      });
    }
    return matches;
  },
};

function isCapitalised(word: string): boolean {
  return word[0] !== word[0]!.toLowerCase();
}
