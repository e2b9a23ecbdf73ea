// The renderer's side of the suggestions worker: one worker per editor,
// requests answered in order, only the latest one's answer wanted.

import type { Suggestion, SuggestOptions } from '../../core/suggestions';
import type { SuggestRequest, SuggestResponse } from './suggestions.worker';

export class SuggestionWorker {
  private worker: Worker | null = null;
  private next = 0;
  private readonly waiting = new Map<number, (suggestions: Suggestion[] | null) => void>();

  /** The suggestions for `text`; null when a later request superseded this one or the worker was stopped. */
  suggest(text: string, options: SuggestOptions): Promise<Suggestion[] | null> {
    // Started on first use, so an editor with suggestions off never loads compromise.
    this.worker ??= this.start();
    const id = ++this.next;
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker!.postMessage({ id, text, options } satisfies SuggestRequest);
    });
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
  }

  private start(): Worker {
    const worker = new Worker(new URL('./suggestions.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }: MessageEvent<SuggestResponse>) => {
      this.waiting.get(data.id)?.(data.suggestions);
      this.waiting.delete(data.id);
    };
    return worker;
  }
}
