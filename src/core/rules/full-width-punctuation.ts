// `the plan，which` — Chinese full-width punctuation left in English text.

import type { Rule, RuleMatch } from './rule';
import { isCjkAt, q } from './text';

/** How an English mark is spaced: like a comma, like an opening bracket, or as a space. */
type Spacing = 'closing' | 'opening' | 'space';
/** Full-width mark → its English counterpart and spacing (null: keep the spaces as they are). */
const MARKS: Record<string, [string, Spacing | null]> = {
  '，': [',', 'closing'], '、': [',', 'closing'], '。': ['.', 'closing'], '．': ['.', 'closing'],
  '；': [';', 'closing'], '：': [':', 'closing'], '！': ['!', 'closing'], '？': ['?', 'closing'],
  '）': [')', 'closing'], '］': [']', 'closing'], '】': [']', 'closing'],
  '（': ['(', 'opening'], '［': ['[', 'opening'], '【': ['[', 'opening'],
  // Title marks and corner brackets quote; English uses quotation marks.
  '《': ['“', 'opening'], '》': ['”', 'closing'], '「': ['“', 'opening'], '」': ['”', 'closing'],
  '『': ['‘', 'opening'], '』': ['’', 'closing'],
  // A straight quote's side is unknown.
  '＂': ['"', null], '＇': ["'", null], '\u3000': [' ', 'space'],
};
const PATTERN = /[，、。．；：！？）］】（［【《》「」『』＂＇\u3000“”]/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;
// Marks that a space must not separate from what precedes them.
const NO_SPACE_BEFORE = /^[,.;:!?)\]”’'"]/;
// `1，200` and `10：30` are numbers: no space after the mark.
const NUMERIC = new Set(['，', '．', '：']);

export const fullWidthPunctuation: Rule = {
  id: 'full-width-punctuation',
  description: 'Chinese full-width punctuation in English text ("，" "。" "（"), or curly quotes glued to a word; next to Chinese text it is left alone.',
  severity: 'warning',
  safe: true,
  detect(line) {
    const matches: RuleMatch[] = [];
    let scanned = 0;
    for (const m of line.matchAll(PATTERN)) {
      if (m.index < scanned) continue;
      const mark = m[0];
      // The mark with the spaces (and ideographic spaces) around it.
      let start = m.index;
      while (start > 0 && isSpace(line[start - 1]!)) start--;
      let end = m.index + 1;
      while (end < line.length && isSpace(line[end]!)) end++;
      scanned = end;
      const before = line.slice(0, start);
      const after = line.slice(end);
      // Within Chinese text the marks are right; the untranslated-cjk rule reports that text.
      if (isCjkAt(before, before.length - 1) || isCjkAt(after, 0)) continue;
      if (mark === '“' || mark === '”') {
        const match = quoteSpacing(line, m.index, mark);
        if (match) matches.push(match);
        continue;
      }
      const [english, spacing] = MARKS[mark]!;
      const replacement =
        spacing === null ? line.slice(start, end).replace(mark, english) : spaced(english, spacing, before, after, NUMERIC.has(mark) && /\d$/.test(before) && /^\d/.test(after));
      const message =
        spacing === 'space'
          ? `Full-width space in English text: ${replacement === '' ? 'remove it' : 'write a normal space'}.`
          : `Full-width ${q(mark)} in English text: write ${q(replacement)}.`;
      matches.push({ start, end, replacement, message });
    }
    return matches;
  },
};

function isSpace(c: string): boolean {
  return c === ' ' || c === '\u3000';
}

function spaced(english: string, spacing: Spacing, before: string, after: string, numeric: boolean): string {
  switch (spacing) {
    case 'closing':
      return after === '' || numeric || NO_SPACE_BEFORE.test(after) ? english : `${english} `;
    case 'opening':
      return before === '' || /[([“‘]$/.test(before) ? english : ` ${english}`;
    case 'space':
      return before === '' || after === '' ? '' : ' ';
  }
}

/**
 * An opening quote glued to the word before it (`said“We`), or a closing one
 * to the word after it (`”was`). With a space on its other side the mark is
 * turned the wrong way instead, which is not a spacing slip.
 */
function quoteSpacing(line: string, index: number, mark: '“' | '”'): RuleMatch | null {
  const outside = mark === '“' ? index - 1 : index + 1;
  const inside = mark === '“' ? index + 1 : index - 1;
  if (!WORD_CHAR.test(line[outside] ?? '') || line[inside] === ' ') return null;
  const side = mark === '“' ? 'before' : 'after';
  return {
    start: index,
    end: index + 1,
    replacement: mark === '“' ? ' “' : '” ',
    message: `Quotation mark ${q(mark)} glued to the word ${side} it: insert a space.`,
  };
}
