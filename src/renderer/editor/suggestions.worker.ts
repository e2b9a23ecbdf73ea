// Suggestions computed off the main thread: compromise reads about 100 kB a
// second, which typing must never wait for. The worker keeps its own copy of
// the text, paragraph by paragraph (SuggestedText): the editor sends it only
// the paragraphs that changed and gets back only the suggestions that did.

import { SuggestedText, type ParagraphInput, type ParagraphSettings, type ParagraphSuggestions, type Rejection } from '../../core/suggestions';

export interface SuggestRequest {
  id: number;
  /** Settings that changed since the last request. */
  settings?: Partial<ParagraphSettings>;
  /** Rejections taken back in the editor: their suggestions are to be reported wherever they are. */
  restore?: Rejection[];
  /** The whole text (for an editor that holds no suggestions), or paragraphs [from, to) of the worker's copy replaced. */
  text?: { reset: ParagraphInput[] } | { from: number; to: number; paragraphs: ParagraphInput[] };
}

export interface SuggestResponse {
  id: number;
  /** Indices into the text as the request left it. */
  paragraphs: ParagraphSuggestions[];
}

const scope = self as unknown as { onmessage: ((event: MessageEvent<SuggestRequest>) => void) | null; postMessage(message: SuggestResponse): void };

const text = new SuggestedText();

scope.onmessage = ({ data }) => {
  if (data.settings) text.configure(data.settings);
  if (data.restore) text.restore(data.restore);
  if (data.text && 'reset' in data.text) text.reset(data.text.reset);
  else if (data.text) text.replace(data.text.from, data.text.to, data.text.paragraphs);
  scope.postMessage({ id: data.id, paragraphs: text.changes() });
};
