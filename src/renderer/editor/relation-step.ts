// Relation operations as steps that leave the text alone, so
// prosemirror-history undoes and redoes them in one history with text edits
// and annotation operations.

import type { Schema } from 'prosemirror-model';
import type { Relation } from '../../core/relations';
import { MetadataStep } from './annotation-step';

export type RelationOp = { kind: 'add'; relation: Relation } | { kind: 'remove'; relation: Relation } | { kind: 'update'; before: Relation; after: Relation };

export class RelationStep extends MetadataStep {
  constructor(readonly op: RelationOp) {
    super();
  }

  invert(): RelationStep {
    const op = this.op;
    switch (op.kind) {
      case 'add':
        return new RelationStep({ kind: 'remove', relation: op.relation });
      case 'remove':
        return new RelationStep({ kind: 'add', relation: op.relation });
      case 'update':
        return new RelationStep({ kind: 'update', before: op.after, after: op.before });
    }
  }

  // A relation names its ends by annotation id: no position to map.
  map(): RelationStep {
    return this;
  }

  override toJSON(): { stepType: string; op: RelationOp } {
    return { stepType: 'scholia-relation', op: this.op };
  }

  static override fromJSON(_schema: Schema, json: { op: RelationOp }): RelationStep {
    return new RelationStep(json.op);
  }
}

MetadataStep.jsonID('scholia-relation', RelationStep);
