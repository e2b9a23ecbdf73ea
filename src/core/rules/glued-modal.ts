// `supply chain.wantContinue to deepen` — 要 ("must", "should") rendered as
// a stray "want" and glued, with the line break lost, onto the next
// sentence; also `. want Continue`, `.WantGrab`, `1.wantDo`, `- wantDo`,
// `;wantStrengthen` and `.wantcontinue`.

import { isKnownName } from './brands';
import type { Rule, RuleMatch } from './rule';
import { q } from './text';

// A modal, then the next sentence's first word: glued and capitalised
// (`wantContinue`; more humps, a call, a member or an assignment after it
// make it code: `mustBeDefined`, `this.willChange = x`), after one space
// and capitalised (`want Continue`), or glued in lowercase (`wantcontinue`).
const PATTERN = /(wants?|needs?|must|should|will|shall)(?:([A-Z][a-z]+)(?![\w(]|\.\w| *[=([{;])| ([A-Z][a-z]+)\b|([a-z]{2,})\b)/g;
// Capitalised, at a sentence start (`.WantGrab`): looked for only in lines
// holding one, since capitals start so many words.
const CAPITALISED = new RegExp(PATTERN.source.replace('(wants?|needs?|must|should|will|shall)', '(Wants?|Needs?|Must|Should)'), 'g');
const HAS_CAPITALISED = /Want|Need|Must|Should/;
// Part of a longer word or name (`swillBucket`, `$mustX`): not a modal.
const WORD_BEFORE = /[\p{L}\p{N}_$]/u;
// A spaced capitalised word is a sure sign after "want" (mistranslated so
// often), or after any modal in lowercase where a sentence starts.
const LOOSE = /^[Ww]ants?$/;
// English words that start with "want".
const WANT_WORD = /^(?:ed|s|ing|ings|on\w*|age|ages)$/;
// Where a sentence starts: after its end (with closing marks and spaces),
// at a line's start (after indentation or a list marker), or after ; or :.
const SENTENCE_END = /([.!?][”’)\]"]*) *$/;
const LINE_START = /^\s*(?:(?:\(?\d{1,3}[.)、]|\(\d{1,3}\)|\([a-z]\)|[a-z][.)]|[IVXivx]{1,5}[.)、]|[-–•*·●▪■◆])\s*)?$/;
const CLAUSE_START = /([;:；：]) *$/;

export const gluedModal: Rule = {
  id: 'glued-modal',
  description: 'A stray modal glued onto the next sentence where a line break was lost: "chain.wantContinue to", "1.wantDo".',
  severity: 'warning',
  safe: true,
  detect(line) {
    const matches: RuleMatch[] = [];
    const found = HAS_CAPITALISED.test(line) ? [...line.matchAll(PATTERN), ...line.matchAll(CAPITALISED)].sort((a, b) => a.index - b.index) : line.matchAll(PATTERN);
    for (const m of found) {
      if (m.index > 0 && WORD_BEFORE.test(line[m.index - 1]!)) continue;
      // `wantseats`: the pattern took the word's `s` into the modal.
      const split = m[1] === 'wants' && m[4] !== undefined;
      const modal = split ? 'want' : m[1]!;
      const glued = m[2];
      const spaced = m[3];
      const lower = split ? `s${m[4]}` : m[4];
      if (lower !== undefined && (!/^want$/i.test(modal) || WANT_WORD.test(lower))) continue;
      if (spaced !== undefined && !LOOSE.test(modal) && modal[0] !== modal[0]!.toLowerCase()) continue;
      if (glued !== undefined && isKnownName(modal + glued)) continue;
      const word = glued ?? spaced ?? `${lower![0]!.toUpperCase()}${lower!.slice(1)}`;
      const end = m.index + m[0].length;
      const before = line.slice(0, m.index);
      // Only a lowercase modal glued to a capitalised word is sure anywhere; the other forms where a sentence starts.
      const sure = glued !== undefined && modal[0] === modal[0]!.toLowerCase();
      const match = atSentenceStart(before, m.index, word) ?? (sure ? afterWord(before, m.index, word) : null);
      if (!match) continue;
      matches.push({ ...match, end, message: `Stray ${q(modal)} glued to the next sentence: write ${q(match.replacement)}.` });
    }
    return matches;
  },
};

type Fix = { start: number; replacement: string; safe?: false };

function atSentenceStart(before: string, at: number, word: string): Fix | null {
  const end = SENTENCE_END.exec(before);
  if (end && end.index > 0) return { start: end.index, replacement: `${end[1]} ${word}` };
  if (LINE_START.test(before)) return { start: at, replacement: before === '' || /\s$/.test(before) ? word : ` ${word}` };
  const clause = CLAUSE_START.exec(before);
  if (clause && /\p{L}|\d/u.test(before[clause.index - 1] ?? '')) {
    // After a semicolon the clause goes on in lowercase.
    const mark = clause[1]!;
    const next = mark === ';' || mark === '；' ? word.toLowerCase() : word;
    return { start: clause.index, replacement: `${mark === '；' ? ';' : mark === '：' ? ':' : mark} ${next}` };
  }
  return null;
}

/** After a word the lost sentence end is a guess: a person decides. */
function afterWord(before: string, at: number, word: string): Fix | null {
  const spaces = /[ ,]*$/.exec(before)![0];
  if (spaces === '' || !/\p{L}/u.test(before[before.length - spaces.length - 1] ?? '')) return null;
  return { start: at - spaces.length, replacement: `. ${word}`, safe: false };
}
