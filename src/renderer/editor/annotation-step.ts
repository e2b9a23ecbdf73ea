// Annotation operations as ProseMirror steps that leave the text alone, so
// prosemirror-history undoes and redoes them in order with text edits.

import { Step, StepMap, StepResult, type Mappable } from 'prosemirror-transform';
import type { Node, Schema } from 'prosemirror-model';
import type { Annotation } from '../../core/model';
import { ANNOTATION_EDGES } from '../../core/mapping';

/** What the editor keeps of an annotation besides its range. */
export type AnnotationData = Omit<Annotation, 'start' | 'end'>;

export type AnnotationOp =
  | { kind: 'add'; annotation: AnnotationData; from: number; to: number }
  | { kind: 'remove'; annotation: AnnotationData; from: number; to: number }
  | { kind: 'update'; before: AnnotationData; after: AnnotationData }
  | { kind: 'attach'; annotation: AnnotationData; from: number; to: number }
  | { kind: 'detach'; annotation: AnnotationData; from: number; to: number }
  | BatchOp;

/** Several annotations added or removed as one operation. */
export type BatchOp = { kind: 'addMany'; batch: AnnotationBatch } | { kind: 'removeMany'; batch: AnnotationBatch };

/** An operation on one annotation. */
export type SingleOp = Exclude<AnnotationOp, BatchOp>;

export function isBatch(op: AnnotationOp): op is BatchOp {
  return op.kind === 'addMany' || op.kind === 'removeMany';
}

/**
 * Annotations made at once ("annotate every occurrence", "accept all"), one
 * undo step: those of this document by position, those of other documents by
 * code point range on the text of `baseEditCount` edits (the store maps them).
 */
export interface AnnotationBatch {
  here: { annotation: AnnotationData; from: number; to: number }[];
  elsewhere: { annotation: AnnotationData; start: number; end: number; baseEditCount: number }[];
}

const INVERSE = { add: 'remove', remove: 'add', attach: 'detach', detach: 'attach' } as const;

/** The operations on this document's annotations an operation stands for: a batch's, one by one. */
export function singleOps(op: AnnotationOp): SingleOp[] {
  if (!isBatch(op)) return [op];
  const kind = op.kind === 'addMany' ? ('add' as const) : ('remove' as const);
  return op.batch.here.map((h) => ({ kind, ...h }));
}

/** A step that changes what is said about the text (annotations, relations), never the text: history keeps it, the mode lets it through. */
export abstract class MetadataStep extends Step {
  apply(doc: Node): StepResult {
    return StepResult.ok(doc);
  }

  override getMap(): StepMap {
    return StepMap.empty;
  }

  override merge(): null {
    return null;
  }
}

export class AnnotationStep extends MetadataStep {
  constructor(readonly op: AnnotationOp) {
    super();
  }

  invert(): AnnotationStep {
    const op = this.op;
    if (op.kind === 'update') return new AnnotationStep({ kind: 'update', before: op.after, after: op.before });
    if (isBatch(op)) return new AnnotationStep({ kind: op.kind === 'addMany' ? 'removeMany' : 'addMany', batch: op.batch });
    return new AnnotationStep({ ...op, kind: INVERSE[op.kind] });
  }

  map(mapping: Mappable): AnnotationStep {
    const op = this.op;
    if (op.kind === 'update') return this;
    // Same edges as the highlight itself: text typed at an edge stays outside.
    const mapped = <R extends { from: number; to: number }>(r: R): R => {
      const from = mapping.map(r.from, ANNOTATION_EDGES.start);
      return { ...r, from, to: Math.max(from, mapping.map(r.to, ANNOTATION_EDGES.end)) };
    };
    if (isBatch(op)) return new AnnotationStep({ kind: op.kind, batch: { ...op.batch, here: op.batch.here.map(mapped) } });
    return new AnnotationStep(mapped(op));
  }

  override toJSON(): { stepType: string; op: AnnotationOp } {
    return { stepType: 'scholia-annotation', op: this.op };
  }

  static override fromJSON(_schema: Schema, json: { op: AnnotationOp }): AnnotationStep {
    return new AnnotationStep(json.op);
  }
}

Step.jsonID('scholia-annotation', AnnotationStep);

/** Whether a transaction changes the text (not only annotations or relations). */
export function changesText(tr: { steps: readonly Step[] }): boolean {
  return tr.steps.some((step) => !(step instanceof MetadataStep));
}
