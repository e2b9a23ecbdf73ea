// Suggestions computed off the main thread: compromise reads about 100 kB a
// second, which typing must never wait for. The worker keeps its own copy of
// the text, paragraph by paragraph (SuggestedText): the editor sends it only
// the paragraphs that changed and gets back only the suggestions that did.

import { SuggestedText } from '../../core/suggestions';
import { answerRequest, RequestInbox, type SuggestResponse, type WorkerMessage } from './suggestion-request';

const scope = self as unknown as { onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null; postMessage(message: SuggestResponse): void };

const text = new SuggestedText();
const inbox = new RequestInbox();

scope.onmessage = ({ data }) => {
  const request = inbox.take(data);
  if (request) scope.postMessage({ id: request.id, paragraphs: answerRequest(text, request) });
};
