// `the 新基建 plan` — source text the machine translation left untranslated.

import type { Rule, RuleMatch } from './rule';
import { CJK_CHAR, q } from './text';

// A run of CJK characters, with the punctuation between them: one finding
// for `新基建，新动能`, not three.
const RUN = new RegExp(`[${CJK_CHAR}]+(?:[\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20・]*[${CJK_CHAR}]+)*`, 'uy');
// Where a run may start (a superset, cheap to scan for): the \p{Script}
// pattern runs only there.
const MAYBE_CJK = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]|[\uD840-\uD87F][\uDC00-\uDFFF]/g;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;

export const untranslatedCjk: Rule = {
  id: 'untranslated-cjk',
  description: 'Chinese, Japanese or Korean text left untranslated: "the 新基建 plan". Only a person can translate it.',
  severity: 'warning',
  safe: false,
  detect(line) {
    const matches: RuleMatch[] = [];
    let scanned = 0;
    for (const c of line.matchAll(MAYBE_CJK)) {
      if (c.index < scanned) continue;
      RUN.lastIndex = c.index;
      const m = RUN.exec(line);
      if (!m) continue;
      scanned = c.index + m[0].length;
      const language = HANGUL.test(m[0]) ? 'Korean' : KANA.test(m[0]) ? 'Japanese' : 'Chinese';
      matches.push({
        start: c.index,
        end: scanned,
        replacement: null,
        message: `Untranslated ${language} ${q(m[0])}: needs a translation.`,
      });
    }
    return matches;
  },
};
