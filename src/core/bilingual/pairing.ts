// Whether a source and a translation are the same document: for refusing a
// wrong source file with a clear message before anything is stored. Two
// signals: the overall length ratio must be plausible for the two scripts,
// and the figures, names and addresses of the source must mostly reappear in
// the linked translation (when the source has enough of them to tell).

import { anchorSetOf, anchorsOf } from './anchors';
import { pairTexts, type BilingualInput } from './pair';
import { isCjk } from './sentences';

export type PairingVerdict = { ok: true } | { ok: false; reason: string };

/** Below this many anchors the source has too few figures and names to judge by them. */
const MIN_ANCHORS = 6;
/** Share of the source's anchors that a real translation keeps, at the least. */
const MIN_KEPT = 0.35;

function plausibleRatio(sourceLanguage: string, translationLanguage: string): [number, number] {
  const fromCjk = isCjk(sourceLanguage);
  const toCjk = isCjk(translationLanguage);
  if (fromCjk && !toCjk) return [1.2, 8];
  if (!fromCjk && toCjk) return [1 / 8, 1 / 1.2];
  return [0.4, 2.5];
}

export function checkPairing(input: BilingualInput): PairingVerdict {
  const pair = pairTexts(input);
  const visible = (text: string) => text.replace(/\s+/g, '').length;
  const sourceLength = visible(pair.source.text);
  const translationLength = visible(pair.translation.text);
  if (sourceLength === 0 || translationLength === 0) return { ok: false, reason: sourceLength === 0 ? 'the source is empty' : 'the translation is empty' };
  const ratio = translationLength / sourceLength;
  const [low, high] = plausibleRatio(input.sourceLanguage, input.translationLanguage);
  if (ratio < low || ratio > high) {
    return { ok: false, reason: `the translation is ${ratio.toFixed(1)} times as long as the source, far from what a translation from ${input.sourceLanguage} to ${input.translationLanguage} is` };
  }
  let anchors = 0;
  let kept = 0;
  for (const link of pair.links) {
    if (!link.source) continue;
    const offered = link.translation ? anchorSetOf(link.translationText, input.translationLanguage) : new Set<string>();
    for (const anchor of anchorsOf(link.sourceText, input.sourceLanguage)) {
      anchors++;
      if (offered.has(anchor)) kept++;
    }
  }
  if (anchors >= MIN_ANCHORS && kept / anchors < MIN_KEPT) {
    return { ok: false, reason: `only ${kept} of the source's ${anchors} numbers, names and addresses appear in the aligned translation: it does not look like the translation of this source` };
  }
  return { ok: true };
}
