// `X Daily reported , all right reserved` — the source site's footer,
// translated along with the article.

import type { Rule } from './rule';

// Footers are short; a long line mentioning rights is body text.
const MAX_LENGTH = 200;
const FOOTER = new RegExp(
  [
    String.raw`\ball rights? reserved\b`,
    // "Copyright" starts body text too ("Copyright law was…"): only with a year.
    String.raw`^\s*(?:©|copyright\s*(?:©|\(c\))?\s*\d{4}|\(c\)\s*\d{4})`,
    String.raw`^\s*(?:responsible editors?|editors? in charge|editor-in-charge)\s*[:：]`,
    String.raw`\b(?:reprint|reproduc)\w*\b.*\bwithout (?:prior )?(?:written )?(?:permission|authori[sz]ation)\b`,
    String.raw`\bplease (?:indicate|cite|credit) the source\b`,
  ].join('|'),
  'i',
);

export const sourceBoilerplate: Rule = {
  id: 'source-boilerplate',
  description: 'A copyright, editor or reprint footer copied from the source page: "X Daily reported , all right reserved".',
  severity: 'info',
  safe: false,
  detect(line) {
    if (line.length > MAX_LENGTH || !FOOTER.test(line)) return [];
    return [
      {
        start: 0,
        end: line.length,
        replacement: '',
        wholeLine: true,
        message: 'Copyright or source footer of the original page: remove the line.',
      },
    ];
  },
};
