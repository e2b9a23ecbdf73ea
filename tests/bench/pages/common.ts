// What the bench pages share: the api over HTTP with the host's token, the
// text as paragraphs, and the moment of the next paint.

import type { Annotation, DocumentRecord } from '../../../src/core/model';

declare global {
  interface Window {
    /** Set by a bench page once its content is painted (performance.now()). */
    __benchReady?: number;
    __benchError?: string;
  }
}

const token = /token=([A-Za-z0-9_-]+)/.exec(location.hash)?.[1] ?? '';
const documentId = new URLSearchParams(location.search).get('doc') ?? '';

async function call<T>(method: string, input: unknown): Promise<T> {
  const response = await fetch(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Scholia-Token': token },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value;
}

export const loadDocument = (): Promise<DocumentRecord> => call<DocumentRecord>('documents.get', { id: documentId });
export const loadAnnotations = (): Promise<Annotation[]> => call<Annotation[]>('annotations.list', { documentId });

/** Resolves after the next frame has been produced (rAF, then a task after it). */
export function nextPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );
}

/** Paragraph elements, one per line of the text (an empty line keeps a <br> so it has height). */
export function paragraphs(text: string): HTMLParagraphElement[] {
  return text.split(/\r\n|\r|\n/).map((line) => {
    const p = document.createElement('p');
    if (line) p.textContent = line;
    else p.appendChild(document.createElement('br'));
    return p;
  });
}

export function ready(work: () => Promise<void>): void {
  work().then(
    async () => {
      window.__benchReady = await nextPaint();
    },
    (error: unknown) => {
      window.__benchError = error instanceof Error ? (error.stack ?? error.message) : String(error);
    },
  );
}
