// What the editor asks the suggestions worker, and how the worker's copy of
// the text answers it (apart from the worker itself, to be run anywhere).

import type { DictionaryEntry, ParagraphInput, ParagraphSettings, ParagraphSuggestions, Rejection, SuggestedText } from '../../core/suggestions';

export interface SuggestRequest {
  id: number;
  /** Settings that changed since the last request. */
  settings?: Partial<ParagraphSettings>;
  /** Dictionary terms added and taken away since the last request (an annotation made or deleted), after `settings`. */
  terms?: { added: DictionaryEntry[]; removed: DictionaryEntry[] };
  /** Rejections taken back in the editor: their suggestions are to be reported wherever they are. */
  restore?: Rejection[];
  /**
   * The whole text (for an editor that holds no suggestions), after the `staged` paragraphs sent ahead of the
   * request; or paragraphs [from, to) of the worker's copy replaced, in order, apart.
   */
  text?: { reset: ParagraphInput[]; staged?: number } | { edits: { from: number; to: number; paragraphs: ParagraphInput[] }[] };
}

/**
 * Paragraphs of a whole text sent ahead of its request, as they are read: each
 * message is copied in one task, and a long text with its annotations in one
 * message took one long task (some 75 ms at 5 MB).
 */
export interface StagedParagraphs {
  stage: ParagraphInput[];
}

export type WorkerMessage = SuggestRequest | StagedParagraphs;

/** The worker's side of staging: the paragraphs sent ahead, put before the next request's whole text. */
export class RequestInbox {
  private staged: ParagraphInput[] = [];

  /** The request a message completes, or null for paragraphs sent ahead. */
  take(message: WorkerMessage): SuggestRequest | null {
    if ('stage' in message) {
      for (const paragraph of message.stage) this.staged.push(paragraph);
      return null;
    }
    const staged = this.staged;
    this.staged = [];
    const expected = message.text && 'reset' in message.text ? (message.text.staged ?? 0) : 0;
    if (staged.length !== expected) throw new Error(`${staged.length} paragraphs were sent ahead of request ${message.id}, which counts ${expected}`);
    if (expected === 0) return message;
    return { ...message, text: { reset: staged.concat((message.text as { reset: ParagraphInput[] }).reset) } };
  }
}

export interface SuggestResponse {
  id: number;
  /** Indices into the text as the request left it. */
  paragraphs: ParagraphSuggestions[];
}

/** Applies a request to the worker's copy of the text; the paragraphs whose suggestions changed. */
export function answerRequest(text: SuggestedText, request: Omit<SuggestRequest, 'id'>): ParagraphSuggestions[] {
  if (request.settings) text.configure(request.settings);
  if (request.terms) text.changeTerms(request.terms.added, request.terms.removed);
  if (request.restore) text.restore(request.restore);
  if (request.text && 'reset' in request.text) text.reset(request.text.reset);
  // From the last, so the indices of those before still hold.
  else if (request.text) for (const edit of request.text.edits.toReversed()) text.replace(edit.from, edit.to, edit.paragraphs);
  return text.changes();
}
