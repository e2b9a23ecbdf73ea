// Untranslated: source text copied into the translation — a run of the
// source's script (Han, kana, Hangul) found in the aligned source sentence,
// or a whole sentence that reads the same on both sides.

import { codePointSpan, within, type BilingualPair } from '../pair';
import { isCjk } from '../sentences';
import type { BilingualFinding } from '../types';

export const UNTRANSLATED_RULE = 'untranslated';

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}·・\d]*/gu;

function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}]/gu, '');
}

export function checkUntranslated(pair: BilingualPair): BilingualFinding[] {
  const findings: BilingualFinding[] = [];
  const cjkSource = isCjk(pair.sourceLanguage) && !isCjk(pair.translationLanguage);
  const whole = pair.source.text;
  for (const link of pair.links) {
    if (!link.translation) continue;
    if (cjkSource) {
      for (const m of link.translationText.matchAll(CJK_RUN)) {
        const inSentence = link.sourceText.indexOf(m[0]);
        if (inSentence < 0 && !whole.includes(m[0])) continue;
        const span = within(link.translation, codePointSpan(link.translationText, m.index, m.index + m[0].length));
        findings.push({
          rule: UNTRANSLATED_RULE,
          side: 'translation',
          source: link.source && inSentence >= 0 ? [within(link.source, codePointSpan(link.sourceText, inSentence, inSentence + m[0].length))] : [],
          translation: [span],
          message: `“${m[0]}” is copied from the source, untranslated.`,
          fix: null,
          safe: false,
          severity: 'error',
        });
      }
    } else if (link.source && pair.sourceLanguage.split('-')[0] !== pair.translationLanguage.split('-')[0]) {
      const text = normalise(link.sourceText);
      // Short sentences (a name, a code, "OK.") read the same in many languages.
      if (text.length >= 20 && /\p{L}{3}/u.test(text) && text === normalise(link.translationText)) {
        findings.push({
          rule: UNTRANSLATED_RULE,
          side: 'translation',
          source: [link.source],
          translation: [link.translation],
          message: 'The translation repeats the source sentence: it was not translated.',
          fix: null,
          safe: false,
          severity: 'error',
        });
      }
    }
  }
  return findings;
}
