// What the library says about the workspace as a whole: how far the work is,
// and which documents hold the same text.

import type { DocumentStatus, DocumentSummary } from '../../core/model';

export { STATUS_LABELS } from '../../core/model';

export interface Progress {
  total: number;
  new: number;
  inProgress: number;
  done: number;
}

export function progressOf(documents: readonly DocumentSummary[]): Progress {
  const count = (status: DocumentStatus) => documents.filter((d) => (d.status ?? 'new') === status).length;
  return { total: documents.length, new: count('new'), inProgress: count('in-progress'), done: count('done') };
}

/** For each document whose original text another one has too: those others, oldest first. */
export function duplicatesOf(documents: readonly DocumentSummary[]): Map<string, DocumentSummary[]> {
  const bySha = new Map<string, DocumentSummary[]>();
  for (const d of [...documents].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    bySha.set(d.sha256, [...(bySha.get(d.sha256) ?? []), d]);
  }
  const out = new Map<string, DocumentSummary[]>();
  for (const group of bySha.values()) {
    if (group.length < 2) continue;
    for (const d of group) out.set(d.id, group.filter((o) => o.id !== d.id));
  }
  return out;
}
