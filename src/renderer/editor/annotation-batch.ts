// Many annotations made as one operation ("annotate every occurrence" here and
// in other documents, "accept all" of a tag's suggestions): one undo step in
// this editor, one transaction in the store both ways (createMany, deleteMany).

import { closeHistory } from 'prosemirror-history';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { Mappable } from 'prosemirror-transform';
import type { ApiClient } from '../../api/common/client';
import { ANNOTATION_EDGES } from '../../core/mapping';
import { AnnotationStep, type AnnotationBatch, type AnnotationData, type BatchOp } from './annotation-step';
import { newAnnotationId } from './annotation-commands';
import { DocPositions } from './positions';

/** A range to annotate in another document, on the text of `baseEditCount` edits (code points). */
export interface RangeElsewhere {
  documentId: string;
  baseEditCount: number;
  start: number;
  end: number;
}

export interface BatchRequest {
  /** Code point ranges of this document's current text; `origin` (`suggestion:<source>`) for an accepted suggestion. */
  here: readonly { start: number; end: number; origin?: string }[];
  elsewhere: readonly RangeElsewhere[];
  tagIds: readonly string[];
}

/** Annotates every range of the request as one undoable step; false when there is nothing to annotate. */
export function annotateMany(state: EditorState, dispatch: (tr: Transaction) => void, request: BatchRequest): boolean {
  if (request.here.length + request.elsewhere.length === 0) return false;
  const positions = DocPositions.of(state.doc);
  const now = new Date().toISOString();
  const data = (documentId: string, quote: string, origin?: string): AnnotationData => ({
    id: newAnnotationId(),
    documentId,
    quote,
    tagIds: [...request.tagIds],
    note: '',
    attributes: {},
    author: '',
    createdAt: now,
    updatedAt: now,
    detached: false,
    ...(origin && { origin }),
  });
  const batch: AnnotationBatch = {
    here: request.here.map(({ start, end, origin }) => {
      const from = positions.posAtCodePoint(start);
      const to = positions.posAtCodePoint(end);
      return { annotation: data('', positions.textBetween(from, to), origin), from, to };
    }),
    elsewhere: request.elsewhere.map((r) => ({ annotation: data(r.documentId, ''), start: r.start, end: r.end, baseEditCount: r.baseEditCount })),
  };
  dispatch(closeHistory(state.tr.step(new AnnotationStep({ kind: 'addMany', batch }))));
  return true;
}

/** The code point ranges of a batch's annotations in this document, on the text after the transaction (`rest`: the mapping of its later steps). */
export function batchRanges(op: BatchOp, rest: Mappable, doc: EditorState['doc']): { start: number; end: number }[] {
  const positions = DocPositions.of(doc);
  return op.batch.here.map(({ from, to }) => {
    const start = rest.map(from, ANNOTATION_EDGES.start);
    const end = Math.max(start, rest.map(to, ANNOTATION_EDGES.end));
    return { start: positions.codePointAt(start), end: positions.codePointAt(end) };
  });
}

/** Sends a batch: created in one call (ids and times kept, so redo restores the same annotations), or deleted in one. */
export function sendBatch(client: ApiClient, documentId: string, op: BatchOp, ranges: readonly { start: number; end: number }[], baseEditCount: number): Promise<unknown> {
  const { here, elsewhere } = op.batch;
  if (op.kind === 'removeMany') return client.call('annotations.deleteMany', { ids: [...here, ...elsewhere].map((h) => h.annotation.id) });
  const first = (here[0] ?? elsewhere[0])!.annotation;
  const items = [
    ...here.map((h, i) => ({ id: h.annotation.id, documentId, baseEditCount, ...ranges[i]!, ...(h.annotation.origin && { origin: h.annotation.origin }) })),
    ...elsewhere.map((e) => ({ id: e.annotation.id, documentId: e.annotation.documentId, baseEditCount: e.baseEditCount, start: e.start, end: e.end })),
  ];
  return client.call('annotations.createMany', { items, tagIds: first.tagIds, createdAt: first.createdAt });
}
