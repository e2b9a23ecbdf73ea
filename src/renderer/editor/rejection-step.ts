// Rejecting a suggestion as a step that leaves the text alone, so
// prosemirror-history undoes it (the suggestion comes back, the workspace
// forgets the rejection) and redoes it in order with the other edits.

import type { Schema } from 'prosemirror-model';
import type { Rejection } from '../../core/suggestions';
import { MetadataStep } from './annotation-step';

export type RejectionOp = { kind: 'reject' | 'unreject'; rejection: Rejection };

export class RejectionStep extends MetadataStep {
  constructor(readonly op: RejectionOp) {
    super();
  }

  invert(): RejectionStep {
    return new RejectionStep({ kind: this.op.kind === 'reject' ? 'unreject' : 'reject', rejection: this.op.rejection });
  }

  // A rejection names a tag and a text, not a place.
  map(): RejectionStep {
    return this;
  }

  override toJSON(): { stepType: string; op: RejectionOp } {
    return { stepType: 'scholia-rejection', op: this.op };
  }

  static override fromJSON(_schema: Schema, json: { op: RejectionOp }): RejectionStep {
    return new RejectionStep(json.op);
  }
}

MetadataStep.jsonID('scholia-rejection', RejectionStep);
