// Every number of a source sentence appears in its translation, compared by
// value (3.5万 = 35,000 = "35 thousand"), unit (percent vs percentage points)
// and date. A mismatch names both; the fix is offered when exactly one number
// on each side is unmatched and the translation wrote it in digits.

import { describeNumber, findNumbers, formatEnglishLike, type NumberMention } from '../numbers';
import { within, type BilingualPair } from '../pair';
import type { BilingualFinding } from '../types';

export const NUMBERS_RULE = 'number-mismatch';

export function checkNumbers(pair: BilingualPair): BilingualFinding[] {
  const findings: BilingualFinding[] = [];
  // Fixes are written in English style; other target languages get the finding without one.
  const englishTarget = /^en\b/i.test(pair.translationLanguage);
  for (const link of pair.links) {
    if (!link.source || !link.translation) continue;
    // 一 and "one" are mostly "a": never required, never counted as extra.
    const source = findNumbers(link.sourceText, pair.sourceLanguage).filter((m) => !(m.words && m.value === 1 && m.kind === 'number'));
    const translation = findNumbers(link.translationText, pair.translationLanguage);
    const pool = new Map<string, number[]>();
    translation.forEach((m, i) => m.keys.forEach((k) => pool.set(k, [...(pool.get(k) ?? []), i])));
    const used = new Set<number>();
    const missing: NumberMention[] = [];
    for (const mention of source) {
      if (!mention.keys.every((k) => (pool.get(k)?.length ?? 0) > 0)) {
        missing.push(mention);
        continue;
      }
      for (const k of mention.keys) used.add(pool.get(k)!.shift()!);
    }
    const extra = translation.filter((m, i) => !used.has(i) && !m.words && !(m.value === 1 && m.kind === 'number'));
    const sourceSpan = link.source;
    const translationSpan = link.translation;
    const pairs = Math.min(missing.length, extra.length);
    for (let i = 0; i < pairs; i++) {
      const s = missing[i]!;
      const t = extra[i]!;
      const replacement = englishTarget && missing.length === 1 && extra.length === 1 && numeric(s) && numeric(t) ? formatEnglishLike(s.kind, s.value, t.text) : null;
      const tSpan = within(translationSpan, t);
      findings.push({
        rule: NUMBERS_RULE,
        side: 'translation',
        source: [within(sourceSpan, s)],
        translation: [tSpan],
        message: `The source has ${quote(s)} but the translation has ${quote(t)}.`,
        fix: replacement && replacement !== t.text ? { start: tSpan.start, end: tSpan.end, replacement } : null,
        safe: false,
        severity: 'error',
      });
    }
    for (const s of missing.slice(pairs)) {
      findings.push({
        rule: NUMBERS_RULE,
        side: 'source',
        source: [within(sourceSpan, s)],
        translation: [translationSpan],
        message: `The source has ${quote(s)}, which the translation does not.`,
        fix: null,
        safe: false,
        severity: 'error',
      });
    }
    for (const t of extra.slice(pairs)) {
      findings.push({
        rule: NUMBERS_RULE,
        side: 'translation',
        source: [sourceSpan],
        translation: [within(translationSpan, t)],
        message: `The translation has ${quote(t)}, which the source does not.`,
        fix: null,
        safe: false,
        severity: 'warning',
      });
    }
  }
  return findings;
}

/** Plain numbers, percent and points can be rewritten into each other; dates cannot. */
function numeric(m: NumberMention): boolean {
  return m.kind === 'number' || m.kind === 'percent' || m.kind === 'points';
}

function quote(m: NumberMention): string {
  const value = describeNumber(m);
  return value === m.text ? `“${m.text}”` : `“${m.text}” (${value})`;
}
