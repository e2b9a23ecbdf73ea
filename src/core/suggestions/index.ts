// Offline suggestions: the user's dictionary and compromise's entities,
// merged, without what is already annotated or was rejected.

import type { Annotation } from '../model';
import { matchDictionary, type DictionaryEntry, type DictionaryOptions } from './dictionary';
import { suggestEntities, suggestEntitiesByLine, type EntityTags } from './entities';
import { rejectionKey, type Rejection } from './rejections';
import { combine } from './merge';
import type { Suggestion } from './suggestion';

export { dictionaryFromAnnotations, matchDictionary, type DictionaryEntry, type DictionaryOptions } from './dictionary';
export { entityLabels, suggestEntities, suggestEntitiesByLine, type EntityLabel, type EntityTags } from './entities';
export { rejectionKey, withoutRejected, type Rejection } from './rejections';
export { suggestionOrigin, type Suggestion, type SuggestionSource } from './suggestion';
export { entityTagsOf } from './taxonomy';
export { combine } from './merge';
export { SuggestedText, type ParagraphInput, type ParagraphSettings, type ParagraphSuggestions } from './paragraphs';

export interface SuggestOptions {
  dictionary?: readonly DictionaryEntry[];
  dictionaryOptions?: DictionaryOptions;
  /** Which tags compromise's entities suggest; none if absent. */
  entities?: EntityTags;
  /** What the text already has: a span that overlaps one with the same tag is not proposed. */
  annotations?: readonly Pick<Annotation, 'start' | 'end' | 'tagIds' | 'detached'>[];
  rejections?: readonly Rejection[];
  /** Given, entities are found line by line and each line's kept here by its text (see suggestEntitiesByLine). */
  entityCache?: Map<string, Suggestion[]>;
}

/**
 * Suggestions for `text`: the dictionary's first (the user said so), then
 * compromise's where they do not overlap one of those; minus what is
 * annotated with the same tag already and what was rejected.
 */
export function suggest(text: string, options: SuggestOptions): Suggestion[] {
  const fromDictionary = options.dictionary ? matchDictionary(text, options.dictionary, options.dictionaryOptions) : [];
  const entities = !options.entities ? [] : options.entityCache ? suggestEntitiesByLine(text, options.entities, options.entityCache) : suggestEntities(text, options.entities);
  return combine(fromDictionary, entities, options.annotations ?? [], new Set((options.rejections ?? []).map(rejectionKey)));
}
