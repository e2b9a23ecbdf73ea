// `the the` — a word written twice. Removing one is certain only for words
// English never doubles ("the the", "of of"); "had had" and "in in" ("fill
// in in ink") are English, so other doubles stay suggestions.

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
// Words no English sentence writes twice in a row: a particle or preposition
// ending a verb (`log in`, `carry on`, `stand by`) never takes one of these
// after it, so the repeat is always the translation's.
const NEVER_DOUBLED = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'to', 'for', 'with', 'from', 'its', 'their', 'our', 'these', 'those']);

export const repeatedWord: Rule = {
  id: 'repeated-word',
  description: 'The same word twice in a row: "the the". Legitimate doubles ("had had") and names ("Li Li") are left alone; only words English never doubles are fixed unattended.',
  severity: 'warning',
  safe: true,
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
      const match: RuleMatch = { start: m.index + word.length, end, replacement: '', message: `${q(first)} is written twice: remove one.` };
      // `vitamin A a day`: a capital A inside a sentence is a letter's name.
      const letterA = first === 'A' && !/(?:^|[.!?:]\s+)$/.test(line.slice(Math.max(0, m.index - 4), m.index));
      if (!NEVER_DOUBLED.has(word) || letterA) match.safe = false;
      matches.push(match);
    }
    return matches;
  },
};

function isCapitalised(word: string): boolean {
  return word[0] !== word[0]!.toLowerCase();
}
