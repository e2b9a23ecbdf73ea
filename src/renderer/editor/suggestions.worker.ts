// Suggestions computed off the main thread: compromise reads about 100 kB a
// second, which typing must never wait for. Lines already read are not read
// again (suggestEntitiesByLine), so after an edit only the changed line is.

import { suggest, type Suggestion, type SuggestOptions } from '../../core/suggestions';

export interface SuggestRequest {
  id: number;
  text: string;
  options: SuggestOptions;
}

export interface SuggestResponse {
  id: number;
  suggestions: Suggestion[];
}

const scope = self as unknown as { onmessage: ((event: MessageEvent<SuggestRequest>) => void) | null; postMessage(message: SuggestResponse): void };

// Each line's entities, kept while the line is in the text and the entity tags are the same.
const cache = new Map<string, Suggestion[]>();
let cachedFor = '';

scope.onmessage = ({ data }) => {
  const tags = JSON.stringify(data.options.entities ?? {});
  if (tags !== cachedFor) cache.clear();
  cachedFor = tags;
  scope.postMessage({ id: data.id, suggestions: suggest(data.text, { ...data.options, entityCache: cache }) });
};
