// Which edit origin each step of a transaction records in the store:
// `manual` unless a fix (`rule:<id>`) or a revert says otherwise.

import type { Transaction } from 'prosemirror-state';
import type { EditOrigin } from '../../core/model';
import { PROGRAMMATIC } from './mode';

const STEP_ORIGINS = 'scholia-step-origins';

/** Marks the steps added since `fromStep` as made by `origin` (allowed in any mode). */
export function markOrigin(tr: Transaction, origin: EditOrigin, fromStep: number): Transaction {
  const origins = [...((tr.getMeta(STEP_ORIGINS) as EditOrigin[] | undefined) ?? [])];
  for (let i = fromStep; i < tr.steps.length; i++) origins[i] = origin;
  return tr.setMeta(STEP_ORIGINS, origins).setMeta(PROGRAMMATIC, true);
}

export function originOfStep(tr: Transaction, step: number): EditOrigin {
  return ((tr.getMeta(STEP_ORIGINS) as EditOrigin[] | undefined) ?? [])[step] ?? 'manual';
}
