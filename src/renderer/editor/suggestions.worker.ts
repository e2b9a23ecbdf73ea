// Suggestions computed off the main thread: compromise's entities and the
// dictionary over the whole text take tens of milliseconds, which typing
// must never wait for.

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

scope.onmessage = ({ data }) => {
  scope.postMessage({ id: data.id, suggestions: suggest(data.text, data.options) });
};
