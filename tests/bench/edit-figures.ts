// The store's side of typing, measured in Node: what committing one
// keystroke (or a burst of them) costs on a document with its annotations.
// It goes through the api's dispatch (`edits.apply`, what the renderer's save
// sends), so it measures whatever the store does to keep the text, however
// the text is stored.

import { createDispatch } from '../../src/api/node/dispatch';
import { createService } from '../../src/api/node/service';
import type { DocumentSummary } from '../../src/core/model';
import type { Workspace } from '../../src/store/workspace';
import { median, time } from './stats';

export interface EditFigures {
  /** One typed character committed (synchronous = FULL), median of 10 spread through the text. */
  editCommitMs: number;
  /** A burst of 20 typed characters committed as one call, as the editor's save queue sends them; median of 3. */
  editBatch20Ms: number;
}

/** How many edits measureEdits leaves in the document. */
export const EDITS_MEASURED = 10 + 3 * 20;

export function measureEdits(workspace: Workspace, documentId: string): EditFigures {
  const dispatch = createDispatch(createService({ workspace, author: 'bench' }));
  const call = <T>(method: string, input: unknown): T => {
    const envelope = dispatch(method, input);
    if (envelope instanceof Promise) throw new Error(`${method} answered with a promise`);
    if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
    return envelope.value as T;
  };
  const summary = call<DocumentSummary[]>('documents.list', {}).find((d) => d.id === documentId);
  if (!summary) throw new Error(`no document ${documentId}`);
  let { editCount, length } = summary;
  const apply = (changes: { start: number; end: number; inserted: string }[]) => {
    const applied = time(() => call<{ editCount: number; length: number }>('edits.apply', { documentId, baseEditCount: editCount, changes, origin: 'manual' }));
    ({ editCount, length } = applied.value);
    return applied.ms;
  };
  const single: number[] = [];
  for (let k = 0; k < 10; k++) single.push(apply([{ start: Math.floor(((k + 0.5) * length) / 10), end: Math.floor(((k + 0.5) * length) / 10), inserted: 'e' }]));
  const batch: number[] = [];
  for (let k = 0; k < 3; k++) {
    const at = Math.floor(((k + 0.5) * length) / 3);
    batch.push(apply(Array.from({ length: 20 }, (_, i) => ({ start: at + i, end: at + i, inserted: 'x' }))));
  }
  return { editCommitMs: median(single), editBatch20Ms: median(batch) };
}
