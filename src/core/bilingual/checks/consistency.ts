// Consistency: the same source sentence translated two ways, or one
// translation given to two different source sentences. Sentences are compared
// without case, spaces and punctuation; short ones ("谢谢。", "Thank you.")
// legitimately vary with context and are left alone.

import type { BilingualPair, PairedLink } from '../pair';
import type { BilingualFinding } from '../types';

export const CONSISTENCY_RULE = 'inconsistent-translation';

const MIN_SOURCE = 6;
const MIN_TRANSLATION = 20;

function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

export function checkConsistency(pair: BilingualPair): BilingualFinding[] {
  const findings: BilingualFinding[] = [];
  const linked = pair.links.filter((l) => l.source && l.translation);
  const bySource = new Map<string, PairedLink[]>();
  const byTranslation = new Map<string, PairedLink[]>();
  for (const link of linked) {
    const s = normalise(link.sourceText);
    const t = normalise(link.translationText);
    if ([...s].length >= MIN_SOURCE) bySource.set(s, [...(bySource.get(s) ?? []), link]);
    if (t.length >= MIN_TRANSLATION) byTranslation.set(t, [...(byTranslation.get(t) ?? []), link]);
  }
  for (const group of bySource.values()) {
    const first = group[0]!;
    const seen = new Set([normalise(first.translationText)]);
    for (const link of group.slice(1)) {
      const t = normalise(link.translationText);
      if (seen.has(t)) continue;
      seen.add(t);
      findings.push({
        rule: CONSISTENCY_RULE,
        side: 'translation',
        source: [first.source!, link.source!],
        translation: [first.translation!, link.translation!],
        message: `The same source sentence is translated differently here and in sentence ${first.index + 1}.`,
        fix: null,
        safe: false,
        severity: 'warning',
      });
    }
  }
  for (const group of byTranslation.values()) {
    const first = group[0]!;
    const seen = new Set([normalise(first.sourceText)]);
    for (const link of group.slice(1)) {
      const s = normalise(link.sourceText);
      if (seen.has(s)) continue;
      seen.add(s);
      findings.push({
        rule: CONSISTENCY_RULE,
        side: 'translation',
        source: [first.source!, link.source!],
        translation: [first.translation!, link.translation!],
        message: `Two different source sentences have the same translation (here and sentence ${first.index + 1}).`,
        fix: null,
        safe: false,
        severity: 'warning',
      });
    }
  }
  return findings;
}
