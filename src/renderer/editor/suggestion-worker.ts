// The renderer's side of the suggestions worker: one worker per editor, one
// request at a time (the editor sends the next one when this one is answered).

import type { ParagraphInput, ParagraphSuggestions } from '../../core/suggestions';
import type { StagedParagraphs, SuggestRequest, SuggestResponse } from './suggestion-request';

/** Asks for the suggestions of what changed; null when stopped first. */
export interface SuggestionRequester {
  /** Sends paragraphs of the next request's whole text ahead of it (see StagedParagraphs). */
  stage(paragraphs: ParagraphInput[]): void;
  request(request: Omit<SuggestRequest, 'id'>): Promise<ParagraphSuggestions[] | null>;
  terminate(): void;
}

export class SuggestionWorker implements SuggestionRequester {
  private worker: Worker | null = null;
  private next = 0;
  private waiting: { id: number; resolve: (paragraphs: ParagraphSuggestions[] | null) => void } | null = null;

  stage(paragraphs: ParagraphInput[]): void {
    this.worker ??= this.start();
    this.worker.postMessage({ stage: paragraphs } satisfies StagedParagraphs);
  }

  /** The changed paragraphs' suggestions; null when the worker was stopped first. */
  request(request: Omit<SuggestRequest, 'id'>): Promise<ParagraphSuggestions[] | null> {
    if (this.waiting) throw new Error('one suggestions request at a time');
    // Started on first use, so an editor with suggestions off never loads compromise.
    this.worker ??= this.start();
    const id = ++this.next;
    return new Promise((resolve) => {
      this.waiting = { id, resolve };
      this.worker!.postMessage({ id, ...request } satisfies SuggestRequest);
    });
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.waiting?.resolve(null);
    this.waiting = null;
  }

  private start(): Worker {
    const worker = new Worker(new URL('./suggestions.worker.ts', import.meta.url), { type: 'module' });
    // A failure answers null: the editor sends everything again at its next change.
    worker.onerror = (event) => {
      event.preventDefault();
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.resolve(null);
    };
    worker.onmessage = ({ data }: MessageEvent<SuggestResponse>) => {
      if (this.waiting?.id !== data.id) return;
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve(data.paragraphs);
    };
    return worker;
  }
}
