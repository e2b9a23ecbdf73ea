// Omission and addition: a source sentence with no translation, a translation
// sentence with no source, or a link whose length ratio lies far outside the
// document's own distribution (robust: median and median absolute deviation of
// log ratios, so a few bad links do not hide themselves).

import type { BilingualPair, PairedLink } from '../pair';
import type { BilingualFinding } from '../types';

export const OMISSION_RULE = 'omission';
export const ADDITION_RULE = 'addition';

/** How many deviations from the median a ratio must be to count. */
const THRESHOLD = 4;
/** Links shorter than this (in non-space characters) are too noisy to judge. */
const MIN_LENGTH = 8;
/** With fewer links the document's distribution is not known. */
const MIN_LINKS = 6;

function contentLength(text: string): number {
  return text.replace(/[\s\p{P}]/gu, '').length;
}

export function checkOmissions(pair: BilingualPair): BilingualFinding[] {
  const findings: BilingualFinding[] = [];
  for (const link of pair.links) {
    if (link.source && !link.translation && contentLength(link.sourceText) > 0) {
      findings.push({
        rule: OMISSION_RULE,
        side: 'source',
        source: [link.source],
        translation: [],
        message: 'This source sentence has no translation.',
        fix: null,
        safe: false,
        severity: 'error',
      });
    }
    if (link.translation && !link.source && contentLength(link.translationText) > 0) {
      findings.push({
        rule: ADDITION_RULE,
        side: 'translation',
        source: [],
        translation: [link.translation],
        message: 'This translation sentence has no source.',
        fix: null,
        safe: false,
        severity: 'warning',
      });
    }
  }
  const both = pair.links.filter((l) => l.source && l.translation && contentLength(l.sourceText) >= MIN_LENGTH);
  if (both.length < MIN_LINKS) return findings;
  const ratio = (l: PairedLink) => Math.log((contentLength(l.translationText) + 1) / (contentLength(l.sourceText) + 1));
  const ratios = both.map(ratio);
  const median = medianOf(ratios);
  // A floor on the spread: in a very regular document any small wobble would count.
  const spread = Math.max(0.12, 1.4826 * medianOf(ratios.map((r) => Math.abs(r - median))));
  both.forEach((link, i) => {
    const z = (ratios[i]! - median) / spread;
    if (Math.abs(z) < THRESHOLD) return;
    const shorter = z < 0;
    findings.push({
      rule: shorter ? OMISSION_RULE : ADDITION_RULE,
      side: shorter ? 'source' : 'translation',
      source: [link.source!],
      translation: [link.translation!],
      message: shorter
        ? 'The translation is much shorter than this document’s translations usually are: part of the source may be missing.'
        : 'The translation is much longer than this document’s translations usually are: it may add something the source does not say.',
      fix: null,
      safe: false,
      severity: 'warning',
    });
  });
  return findings;
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
