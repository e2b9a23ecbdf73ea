// The post-editing effort figures translators know: edit distance between the
// machine translation (original) and the corrected text, and HTER — the
// distance divided by the length of the corrected text — on characters and words.

import { diffTexts, tokenize } from './diff';

export interface PostEditingEffort {
  /** Levenshtein distance in characters (code points). */
  characterDistance: number;
  /** Levenshtein distance in words. */
  wordDistance: number;
  /** characterDistance / characters of the current text. */
  characterHter: number;
  /** wordDistance / words of the current text. */
  wordHter: number;
  /** Share of the original's characters that were changed or removed. */
  changedShare: number;
}

const isWord = (token: string) => /[\p{L}\p{N}]/u.test(token);

/**
 * Exact within each changed region: the texts are aligned by a word diff, and
 * each region between unchanged words is measured with Levenshtein.
 */
export function postEditingEffort(original: string, current: string): PostEditingEffort {
  const parts = diffTexts(original, current);
  let characterDistance = 0;
  let wordDistance = 0;
  let changedOriginal = 0;
  let removed = '';
  let added = '';
  const flush = () => {
    if (!removed && !added) return;
    characterDistance += levenshtein([...removed], [...added]);
    wordDistance += levenshtein(tokenize(removed).filter(isWord), tokenize(added).filter(isWord));
    changedOriginal += [...removed].length;
    removed = '';
    added = '';
  };
  for (const part of parts) {
    if (part.kind === 'same') flush();
    else if (part.kind === 'removed') removed += part.text;
    else added += part.text;
  }
  flush();
  const characters = [...current].length;
  const words = tokenize(current).filter(isWord).length;
  const originalCharacters = [...original].length;
  return {
    characterDistance,
    wordDistance,
    characterHter: characters === 0 ? (characterDistance === 0 ? 0 : 1) : characterDistance / characters,
    wordHter: words === 0 ? (wordDistance === 0 ? 0 : 1) : wordDistance / words,
    changedShare: originalCharacters === 0 ? 0 : changedOriginal / originalCharacters,
  };
}

export function levenshtein<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}
