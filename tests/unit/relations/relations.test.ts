import { describe, expect, it } from 'vitest';
import { mapRange } from '../../../src/core/mapping';
import type { Annotation } from '../../../src/core/model';
import {
  assertRelation,
  READOUT_RELATION_TYPES,
  RelationError,
  relationContext,
  relationProblems,
  relationsOf,
  relationsOfDeleted,
  relationStates,
  type Relation,
  type RelationType,
} from '../../../src/core/relations';

const time = '2026-01-01T00:00:00.000Z';
const TEXT = 'Wang Yi met Annalena Baerbock in Berlin.';

function annotation(id: string, start: number, end: number, tagIds: string[], documentId = 'd1'): Annotation {
  return { id, documentId, start, end, quote: [...TEXT].slice(start, end).join(''), tagIds, note: '', attributes: {}, author: '', createdAt: time, updatedAt: time, detached: false };
}

function relation(fields: Partial<Relation>): Relation {
  return { id: 'r1', documentId: 'd1', sourceId: 'wang', targetId: 'berlin', typeId: 'relation-located-in', note: '', attributes: {}, author: '', createdAt: time, updatedAt: time, ...fields };
}

const wang = annotation('wang', 0, 7, ['person']);
const baerbock = annotation('baerbock', 12, 29, ['person']);
const berlin = annotation('berlin', 33, 39, ['place']);
const meets: RelationType = { id: 'meets', name: 'meets', color: '#000000', key: null, description: '', sourceTagIds: ['person'], targetTagIds: ['person'] };
const context = relationContext([wang, baerbock, berlin, annotation('elsewhere', 0, 3, ['person'], 'd2')], [...READOUT_RELATION_TYPES, meets]);

describe('readout relation types', () => {
  it('a new workspace gets holds office, commits to, located in and refers to, with distinct ids and colours', () => {
    expect(READOUT_RELATION_TYPES.map((t) => t.name)).toEqual(['holds office', 'commits to', 'located in', 'refers to']);
    expect(new Set(READOUT_RELATION_TYPES.map((t) => t.id)).size).toBe(4);
    for (const type of READOUT_RELATION_TYPES) expect(type.color).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('relation validation', () => {
  it('accepts a relation between two annotations of its document with a known type', () => {
    expect(relationProblems(relation({}), context)).toEqual([]);
    expect(() => assertRelation(relation({}), context)).not.toThrow();
  });

  it('names a missing end', () => {
    const problems = relationProblems(relation({ targetId: 'nowhere' }), context);
    expect(problems).toMatchObject([{ kind: 'missing-annotation', end: 'target', annotationId: 'nowhere' }]);
    expect(problems[0]!.message).toContain('"nowhere" is not an annotation');
  });

  it('names a type not in the taxonomy', () => {
    expect(relationProblems(relation({ typeId: 'employs' }), context)).toMatchObject([{ kind: 'unknown-type', typeId: 'employs' }]);
  });

  it('refuses an end in another document and a link of an annotation to itself', () => {
    expect(relationProblems(relation({ targetId: 'elsewhere' }), context)).toMatchObject([{ kind: 'other-document', end: 'target' }]);
    expect(relationProblems(relation({ targetId: 'wang' }), context)).toMatchObject([{ kind: 'self-link', annotationId: 'wang' }]);
  });

  it('refuses an end without a tag the type allows there, and says which end', () => {
    expect(relationProblems(relation({ typeId: 'meets', sourceId: 'wang', targetId: 'baerbock' }), context)).toEqual([]);
    const problems = relationProblems(relation({ typeId: 'meets', sourceId: 'wang', targetId: 'berlin' }), context);
    expect(problems).toMatchObject([{ kind: 'disallowed-tag', end: 'target', annotationId: 'berlin', allowedTagIds: ['person'] }]);
  });

  it('throws one RelationError listing every problem', () => {
    let error: unknown;
    try {
      assertRelation(relation({ sourceId: 'ghost', typeId: 'nope' }), context);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RelationError);
    expect((error as RelationError).problems.map((p) => p.kind)).toEqual(['unknown-type', 'missing-annotation']);
    expect((error as RelationError).message).toMatch(/"nope" is not in the taxonomy; its source "ghost" is not an annotation/);
  });
});

describe('relations through edits', () => {
  // Relations name their ends by id; edits move the annotations (mapRange) and the relation follows.
  function edit(annotations: Annotation[], change: { start: number; end: number; inserted: string }): Map<string, Annotation> {
    return new Map(
      annotations.map((a) => {
        const range = mapRange(a, change);
        return [a.id, range === null ? { ...a, detached: true } : { ...a, ...range }];
      }),
    );
  }

  it('an edit before both ends moves them and keeps the relation attached', () => {
    const after = edit([wang, berlin], { start: 0, end: 0, inserted: 'Minister ' });
    expect(after.get('wang')).toMatchObject({ start: 9, end: 16 });
    expect(relationStates([relation({})], after)).toEqual([{ relation: relation({}), detachedEnds: [] }]);
  });

  it('deleting all the text of an end keeps the relation and marks that end detached', () => {
    const after = edit([wang, berlin], { start: 30, end: 40, inserted: '' }); // " in Berlin." → ""
    expect(after.get('berlin')!.detached).toBe(true);
    const [state] = relationStates([relation({})], after);
    expect(state).toEqual({ relation: relation({}), detachedEnds: ['target'] });
  });

  it('deleting an annotation takes its relations with it, and only those', () => {
    const r1 = relation({ id: 'r1' });
    const r2 = relation({ id: 'r2', sourceId: 'baerbock', targetId: 'wang', typeId: 'relation-refers-to' });
    const r3 = relation({ id: 'r3', sourceId: 'baerbock', targetId: 'berlin' });
    expect(relationsOfDeleted([r1, r2, r3], new Set(['wang'])).map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('an annotation lists its outgoing and incoming relations in creation order', () => {
    const r1 = relation({ id: 'r1', createdAt: '2026-01-02T00:00:00.000Z' });
    const r2 = relation({ id: 'r2', sourceId: 'baerbock', targetId: 'wang', createdAt: '2026-01-01T00:00:00.000Z' });
    const r3 = relation({ id: 'r3', sourceId: 'wang', targetId: 'baerbock', createdAt: '2026-01-01T00:00:00.000Z' });
    const { outgoing, incoming } = relationsOf([r1, r2, r3], 'wang');
    expect(outgoing.map((r) => r.id)).toEqual(['r3', 'r1']);
    expect(incoming.map((r) => r.id)).toEqual(['r2']);
  });
});
