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
  | { kind: 'detach'; annotation: AnnotationData; from: number; to: number };

const INVERSE = { add: 'remove', remove: 'add', attach: 'detach', detach: 'attach' } as const;

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
    return new AnnotationStep({ ...op, kind: INVERSE[op.kind] });
  }

  map(mapping: Mappable): AnnotationStep {
    const op = this.op;
    if (op.kind === 'update') return this;
    // Same edges as the highlight itself: text typed at an edge stays outside.
    const from = mapping.map(op.from, ANNOTATION_EDGES.start);
    const to = Math.max(from, mapping.map(op.to, ANNOTATION_EDGES.end));
    return new AnnotationStep({ ...op, from, to });
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
