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

export const unbalancedQuotesOrBrackets: Rule = {
  id: 'unbalanced-quotes-or-brackets',
  description: 'A quotation mark or bracket opened and not closed, or closed and not opened, within a paragraph: "“the plan".',
  severity: 'warning',
  safe: false,
  detect(line, context) {
    const open: { mark: string; index: number }[] = [];
    const unmatched: { mark: string; index: number }[] = [];
    const straight: number[] = [];
    for (const m of line.matchAll(MARKS)) {
      const mark = m[0];
      const before = line.slice(Math.max(0, m.index - 4), m.index);
      if (mark === '"') {
        if (!/\d$/.test(before)) straight.push(m.index);
      } else if ((mark === '(' || mark === ')') && SMILEY.test(before)) {
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
    // A quotation running over paragraphs reopens on each and closes on the last.
    const reopened = context.next?.trimStart()[0];
    return unmatched
      .filter((u) => !(u.mark === reopened && (u.mark === '“' || u.mark === '"')))
      .sort((a, b) => a.index - b.index)
      .map((u): RuleMatch => ({
        start: u.index,
        end: u.index + 1,
        replacement: null,
        message: u.mark in PAIRS ? `${q(u.mark)} is never closed in this paragraph.` : u.mark === '"' ? `Unpaired ${q('"')} in this paragraph.` : `${q(u.mark)} closes nothing opened in this paragraph.`,
      }));
  },
};
