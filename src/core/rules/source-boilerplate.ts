// `X Daily reported , all right reserved`, `Editor in charge: Zhou Ping`,
// `If there is any infringement, please contact us to delete it` — the
// source site's footer, translated along with the article.

import type { Rule, RuleMatch } from './rule';

// Footers are short; a long line mentioning rights is body text.
const MAX_LENGTH = 200;

// What only a footer says, anywhere in a short line.
const NOTICE = new RegExp(
  [
    String.raw`\ball rights? (?:are )?reserved\b`,
    String.raw`\bcopyrights? (?:are )?reserved\b`,
    // "Copyright" starts body text too ("Copyright law was…"): only as a notice.
    String.raw`^\W*(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}|(?:statement|notice|note|information)\s*[:：]))`,
    String.raw`\bcopyright\b.{0,40}\bbelongs? to\b`,
    String.raw`\b(?:copyright|infring\w*)\b.{0,120}\b(?:contact|inform|notify|tell)\b.{0,60}\b(?:delet|remov)\w*`,
    String.raw`\b(?:contact|inform|notify)\b.{0,30}\b(?:delet|remov)\w*.{0,60}\binfring\w*`,
    String.raw`\b(?:reprint|reproduc|repost|copy|copied|transfer|forward)\w*\b.{0,60}\bwithout (?:prior |the )?(?:written )?(?:permission|authori[sz]ation|consent)\b`,
    String.raw`\bno (?:reprint|reproduction|reposting)\w* without\b`,
    String.raw`\bplease (?:indicate|cite|credit|state|mark|note) the source\b`,
    String.raw`^\W*(?:this (?:article|text|content|piece) (?:is|was) )?(?:reprinted|reproduced|reposted|transferred|forwarded) from\b`,
    String.raw`\bdoes not (?:represent|reflect) (?:the )?(?:views?|positions?|opinions?|stance) of (?:this|the|our) (?:site|website|web site|platform|newspaper|account|station|network)\b`,
    String.raw`\bfor the purpose of (?:conveying|transmitting|spreading|sharing|passing on) more information\b`,
  ].join('|'),
  'i',
);
// Labels that start a footer line: the editor's, the reviewer's, the disclaimer.
const LABEL = /^\W*(?:(?:responsible|duty|executive|chief|managing|copy)[ -]editors?|editors?[ -]in[ -]charge|editors?|edited by|proofread(?:er|ers|ing|by)?|reviewers?|reviewed by|review|typesetting|produced by|producer|disclaimer|statement|special statement|declaration|legal notice)\s*[:：]/i;
// A label after other footer text on the line: `Source: X Daily  Editor: Song Jia`.
const LABEL_LATER = /\s(?:(?:responsible|duty|executive|chief)[ -]editors?|editors?[ -]in[ -]charge|editors?|edited by|proofreader|reviewer|reviewed by)\s*[:：]/i;
// An editor's note in brackets closing the last paragraph: `… other matters. (Editor: Li Hua)`.
const TRAILING_EDITOR = /\s*[(（[【]\s*(?:(?:responsible|duty|executive|chief)[ -]editors?|editors?[ -]in[ -]charge|editors?|edited by)\s*[:：][^()（）[\]【】]{1,60}[)）\]】]\s*$/i;
// A footer that is also a sentence of its own ("X Daily reported, all rights
// reserved") may hold what the text is quoting, unless nothing but footers
// and blank lines follow it: then it is the page's footer, certainly.
const CLAUSE = /\b(?:reported|said|says|according to|wrote)\b/i;

export const sourceBoilerplate: Rule = {
  id: 'source-boilerplate',
  description: 'A copyright, editor, disclaimer or reprint footer copied from the source page: "X Daily reported , all right reserved", "Editor in charge: Zhou Ping".',
  severity: 'info',
  safe: true,
  detect(line, context) {
    if (line.length > MAX_LENGTH) return [];
    const trailing = TRAILING_EDITOR.exec(line);
    if (trailing && trailing.index > 0 && /[.!?。！？]\s*$/.test(line.slice(0, trailing.index))) {
      return [{ start: trailing.index, end: line.length, replacement: '', message: 'Editor line of the original page: remove it.' }];
    }
    if (!isFooter(line)) return [];
    const match: RuleMatch = {
      start: 0,
      end: line.length,
      replacement: '',
      wholeLine: true,
      message: 'Copyright, editor or source footer of the original page: remove the line.',
    };
    if (CLAUSE.test(line) && !endsText(context.next)) match.safe = false;
    return [match];
  },
};

/** Whether the whole line is a footer: a short line with a notice or a label. */
function isFooter(line: string): boolean {
  return line.length <= MAX_LENGTH && (NOTICE.test(line) || LABEL.test(line) || (LABEL_LATER.test(line) && line.length <= 120));
}

/** Whether the line after a footer shows that the text ends there: none, a blank one or another footer. */
function endsText(next: string | undefined): boolean {
  return next === undefined || next.trim() === '' || isFooter(next);
}
