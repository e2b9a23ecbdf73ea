// Kept as is: Latin-script names, codes, URLs and e-mail addresses of a
// source written in another script must appear unchanged in the translation.
// A different capitalisation is fixed safely; a missing one is reported.

import { EMAIL_PATTERN, LATIN_TOKEN, URL_PATTERN } from '../anchors';
import { codePointSpan, within, type BilingualPair } from '../pair';
import { isCjk } from '../sentences';
import type { BilingualFinding } from '../types';

export const KEPT_AS_IS_RULE = 'kept-as-is';

// Latin words Chinese writers use that English spells otherwise: loanwords, units
// (公里 is often written km, and English may spell it out), quarters (Q3 = third quarter).
const TRANSLATED = new Set([
  'app', 'vs', 'pk', 'ok', 'vip', 'diy', 'ktv', 'wifi', 'mv', 'ps', 'q1', 'q2', 'q3', 'q4',
  'km', 'kg', 'cm', 'mm', 'kw', 'kwh', 'mw', 'gw', 'gwh', 'mwh', 'ml', 'mg', 'ha', 'sq',
]);

interface Item {
  text: string;
  start: number;
  end: number;
  kind: 'url' | 'email' | 'name';
}

function items(text: string, cjk: boolean): Item[] {
  const found: Item[] = [];
  const covered = (start: number, end: number) => found.some((f) => start < f.end && end > f.start);
  for (const m of text.matchAll(URL_PATTERN)) found.push({ text: m[0], start: m.index, end: m.index + m[0].length, kind: 'url' });
  for (const m of text.matchAll(EMAIL_PATTERN)) if (!covered(m.index, m.index + m[0].length)) found.push({ text: m[0], start: m.index, end: m.index + m[0].length, kind: 'email' });
  if (cjk) {
    for (const m of text.matchAll(LATIN_TOKEN)) {
      const token = m[0].replace(/[.'-]+$/, '');
      // Names and codes: two letters or more, or letters with digits (5G, C919).
      if (!/[A-Za-z]/.test(token) || token.length < 2 || TRANSLATED.has(token.toLowerCase())) continue;
      if (!covered(m.index, m.index + token.length)) found.push({ text: token, start: m.index, end: m.index + token.length, kind: 'name' });
    }
  }
  return found;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function checkKeptAsIs(pair: BilingualPair): BilingualFinding[] {
  const findings: BilingualFinding[] = [];
  const cjk = isCjk(pair.sourceLanguage) && !isCjk(pair.translationLanguage);
  for (const link of pair.links) {
    if (!link.source || !link.translation) continue;
    for (const item of items(link.sourceText, cjk)) {
      const exact = new RegExp(`(?<![\\p{L}\\p{Nd}])${escape(item.text)}(?![\\p{L}\\p{Nd}])`, 'u');
      if (exact.test(link.translationText)) continue;
      const sourceSpan = within(link.source, codePointSpan(link.sourceText, item.start, item.end));
      const loose = new RegExp(`(?<![\\p{L}\\p{Nd}])${escape(item.text)}(?![\\p{L}\\p{Nd}])`, 'iu').exec(link.translationText);
      // A name at the start of a sentence or a word in capitals can be restyled; codes, URLs and addresses cannot.
      if (loose) {
        const span = within(link.translation, codePointSpan(link.translationText, loose.index, loose.index + loose[0].length));
        findings.push({
          rule: KEPT_AS_IS_RULE,
          side: 'translation',
          source: [sourceSpan],
          translation: [span],
          message: `“${item.text}” is written “${loose[0]}” in the translation.`,
          fix: { start: span.start, end: span.end, replacement: item.text },
          safe: true,
          severity: 'warning',
        });
        continue;
      }
      findings.push({
        rule: KEPT_AS_IS_RULE,
        side: 'source',
        source: [sourceSpan],
        translation: [link.translation],
        message: `${item.kind === 'url' ? 'The address' : item.kind === 'email' ? 'The e-mail address' : 'The name'} “${item.text}” does not appear unchanged in the translation.`,
        fix: null,
        safe: false,
        severity: 'warning',
      });
    }
  }
  return findings;
}
