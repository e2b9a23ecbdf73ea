// Dictionary suggestions: the user's own lists of strings per tag (and what
// they annotated before), matched as whole words, the longest entry winning
// where entries overlap ("Ministry of Commerce" over "Commerce").

import type { Annotation } from '../model';
import { findOccurrences } from '../occurrences';
import { bySpan, overlaps, type Suggestion } from './suggestion';

/** The strings that suggest one tag. */
export interface DictionaryEntry {
  tagId: string;
  terms: readonly string[];
}

export interface DictionaryOptions {
  /** Match "shanghai" for "Shanghai"; off by default, since names are told apart by case ("Li" and "li"). */
  ignoreCase?: boolean;
}

/**
 * Every whole-word match of a term in `text`, longest first: a match that
 * overlaps a longer one already taken is dropped; between equally long ones
 * the earlier wins. A term listed under two tags suggests both.
 */
export function matchDictionary(text: string, dictionary: readonly DictionaryEntry[], options: DictionaryOptions = {}): Suggestion[] {
  const candidates: Suggestion[] = [];
  for (const { tagId, terms } of dictionary) {
    for (const term of new Set(terms.map((t) => t.trim()).filter((t) => t !== ''))) {
      // Most terms are not in a given paragraph: skip them before findOccurrences indexes the text.
      if (!options.ignoreCase && !text.includes(term)) continue;
      for (const { start, end } of findOccurrences(text, term, { wholeWord: true, ignoreCase: options.ignoreCase ?? false })) {
        candidates.push({ start, end, quote: '', tagId, source: 'dictionary' });
      }
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Suggestion[] = [];
  for (const candidate of candidates) {
    // The same span under another tag is kept; a different overlapping span is not.
    if (taken.some((t) => overlaps(t, candidate) && !(t.start === candidate.start && t.end === candidate.end))) continue;
    if (taken.some((t) => t.start === candidate.start && t.end === candidate.end && t.tagId === candidate.tagId)) continue;
    taken.push(candidate);
  }
  const chars = [...text];
  return taken.map((s) => ({ ...s, quote: chars.slice(s.start, s.end).join('') })).sort(bySpan);
}

/** A dictionary of what the user annotated before: each tag with the quotes it was given. */
export function dictionaryFromAnnotations(annotations: readonly Pick<Annotation, 'quote' | 'tagIds' | 'detached'>[]): DictionaryEntry[] {
  const terms = new Map<string, Set<string>>();
  for (const annotation of annotations) {
    if (annotation.detached || annotation.quote.trim() === '') continue;
    for (const tagId of annotation.tagIds) {
      const set = terms.get(tagId) ?? new Set<string>();
      set.add(annotation.quote.trim());
      terms.set(tagId, set);
    }
  }
  return [...terms].map(([tagId, set]) => ({ tagId, terms: [...set].sort() }));
}
