// `“the plan` with no closing quote — a pair broken within a paragraph.

import type { Rule, RuleMatch } from './rule';
import { q } from './text';

/** Opening mark → its closing mark. Single quotes are left out: ’ is also the apostrophe. */
const PAIRS: Record<string, string> = { '“': '”', '(': ')', '[': ']', '（': '）', '《': '》', '「': '」', '『': '』', '【': '】' };
const CLOSING = new Map(Object.entries(PAIRS).map(([open, close]) => [close, open]));
const MARKS = /[“”()[\]（）《》「」『』【】"]/g;
// Marks that are not pairs: smileys `:)` `;-(`, list items `a)` `2)` `iv)`,
// and straight quotes after a digit (inches and seconds, `5'10"`).
const SMILEY = /[:;][-']?$/;
const LIST_ITEM = /(?:^|[\s(])[A-Za-z0-9]{1,3}$/;
// A line that ends mid-sentence was wrapped: its paragraph goes on in the next line.
const ENDS_SENTENCE = /[.!?:;。！？：；][”’"')\]]*\s*$/;

interface Mark {
  mark: string;
  index: number;
}

export const unbalancedQuotesOrBrackets: Rule = {
  id: 'unbalanced-quotes-or-brackets',
  description: 'A quotation mark or bracket opened and not closed, or closed and not opened, within a paragraph: "“the plan".',
  severity: 'warning',
  safe: false,
  detect(line, { previous, next }) {
    const unmatched = unmatchedMarks(line);
    if (unmatched.length === 0) return [];
    // A pair may span a wrapped line break, and a quotation running over
    // paragraphs reopens on each one and closes on its last.
    const continues = next !== undefined && next.trim() !== '' && (!ENDS_SENTENCE.test(line) || closesIn(next));
    const continued = previous !== undefined && previous.trim() !== '' && (!ENDS_SENTENCE.test(previous) || opensIn(previous));
    const reopened = next?.trimStart()[0];
    return unmatched
      // A straight quote may open or close: either way may span lines.
      .filter(({ mark }) => (mark in PAIRS ? !continues && mark !== reopened : mark === '"' ? !continues && !continued && mark !== reopened : !continued))
      .map(({ mark, index }): RuleMatch => ({
        start: index,
        end: index + 1,
        replacement: null,
        message: mark in PAIRS ? `${q(mark)} is never closed in this paragraph.` : mark === '"' ? `Unpaired ${q('"')} in this paragraph.` : `${q(mark)} closes nothing opened in this paragraph.`,
      }));

    function closesIn(text: string): boolean {
      return unmatchedMarks(text).some((u) => CLOSING.has(u.mark));
    }
    function opensIn(text: string): boolean {
      return unmatchedMarks(text).some((u) => u.mark in PAIRS);
    }
  },
};

/** The marks of `line` left without a partner, in order. */
function unmatchedMarks(line: string): Mark[] {
  const open: Mark[] = [];
  const unmatched: Mark[] = [];
  const straight: number[] = [];
  for (const m of line.matchAll(MARKS)) {
    const mark = m[0];
    const before = line.slice(Math.max(0, m.index - 4), m.index);
    if (mark === '"') {
      // After a digit it is an inch or second mark (`55"`), unless a quotation
      // is open for it to close (`"Healthy Shanghai 12320"`).
      if (!/\d$/.test(before) || straight.length % 2 === 1) straight.push(m.index);
    } else if ((mark === ')' || (mark === '(' && !/[\p{L}\p{N}]/u.test(line[m.index + 1] ?? ''))) && SMILEY.test(before)) {
      // (`number:(2023)`: a bracket glued to a colon opens what follows it.)
      continue;
    } else if (mark in PAIRS) {
      open.push({ mark, index: m.index });
    } else {
      const opener = CLOSING.get(mark)!;
      const at = open.findLastIndex((o) => o.mark === opener);
      if (at >= 0) unmatched.push(...open.splice(at).slice(1));
      else if (!(mark === ')' && LIST_ITEM.test(before))) unmatched.push({ mark, index: m.index });
    }
  }
  unmatched.push(...open);
  if (straight.length % 2 === 1) unmatched.push({ mark: '"', index: straight[straight.length - 1]! });
  return unmatched.sort((a, b) => a.index - b.index);
}
