// Relations: directed, typed links between two annotations of one document
// ("who committed to what"). A relation names its ends by annotation id, so
// it follows them through every edit for free; when an end's text is
// deleted the relation is kept and marked, never dropped.

import type { Annotation } from './model';

/** A kind of relation, part of the taxonomy like tags. */
export interface RelationType {
  id: string;
  name: string;
  /** CSS hex colour, `#rrggbb`. */
  color: string;
  /** Shortcut key (a single letter or digit), or null. */
  key: string | null;
  description: string;
  /** Tags the source must carry one of; null allows any annotation. */
  sourceTagIds: string[] | null;
  /** Tags the target must carry one of; null allows any annotation. */
  targetTagIds: string[] | null;
}

/** A directed link `source → target` between two annotations of one document. */
export interface Relation {
  id: string;
  documentId: string;
  sourceId: string;
  targetId: string;
  typeId: string;
  note: string;
  attributes: Record<string, string>;
  author: string;
  createdAt: string;
  updatedAt: string;
}

/** Which end of a relation. */
export type RelationEnd = 'source' | 'target';

/**
 * The relation types a new workspace starts with, for readouts. Ids are
 * fixed so that adding them twice adds nothing and tools can recognise them.
 */
export const READOUT_RELATION_TYPES: readonly RelationType[] = [
  { id: 'relation-holds-office', name: 'holds office', color: '#1971c2', key: null, description: 'A person holds a post or title', sourceTagIds: null, targetTagIds: null },
  { id: 'relation-commits-to', name: 'commits to', color: '#2b8a3e', key: null, description: 'A party commits to an action, a policy or a figure', sourceTagIds: null, targetTagIds: null },
  { id: 'relation-located-in', name: 'located in', color: '#e67700', key: null, description: 'Something takes place or is situated in a place', sourceTagIds: null, targetTagIds: null },
  { id: 'relation-refers-to', name: 'refers to', color: '#868e96', key: null, description: 'A mention refers to another (a pronoun, an abbreviation, a later name)', sourceTagIds: null, targetTagIds: null },
];

/** Why a relation cannot be stored or imported; `message` says it for a user. */
export type RelationProblem =
  | { kind: 'missing-annotation'; end: RelationEnd; annotationId: string; message: string }
  | { kind: 'unknown-type'; typeId: string; message: string }
  | { kind: 'other-document'; end: RelationEnd; annotationId: string; message: string }
  | { kind: 'self-link'; annotationId: string; message: string }
  | { kind: 'disallowed-tag'; end: RelationEnd; annotationId: string; allowedTagIds: string[]; message: string };

/** A relation that breaks the rules, thrown by `assertRelation`. */
export class RelationError extends Error {
  readonly problems: RelationProblem[];

  constructor(problems: RelationProblem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'RelationError';
    this.problems = problems;
  }
}

/** What a relation is checked against: its document's annotations and the taxonomy's relation types. */
export interface RelationContext {
  annotations: ReadonlyMap<string, Pick<Annotation, 'id' | 'documentId' | 'tagIds'>>;
  types: ReadonlyMap<string, RelationType>;
}

export function relationContext(annotations: Iterable<Pick<Annotation, 'id' | 'documentId' | 'tagIds'>>, types: Iterable<RelationType>): RelationContext {
  return { annotations: new Map([...annotations].map((a) => [a.id, a])), types: new Map([...types].map((t) => [t.id, t])) };
}

/**
 * Everything wrong with a relation, empty if it may be stored: both ends
 * exist, in the relation's document, are two different annotations, the type
 * is known and each end carries a tag the type allows there. A detached end
 * is not a problem: the relation is kept and shown as detached.
 */
export function relationProblems(relation: Pick<Relation, 'documentId' | 'sourceId' | 'targetId' | 'typeId'>, context: RelationContext): RelationProblem[] {
  const problems: RelationProblem[] = [];
  const type = context.types.get(relation.typeId);
  if (type === undefined) problems.push({ kind: 'unknown-type', typeId: relation.typeId, message: `relation type ${JSON.stringify(relation.typeId)} is not in the taxonomy` });
  if (relation.sourceId === relation.targetId) {
    problems.push({ kind: 'self-link', annotationId: relation.sourceId, message: `a relation links two different annotations, but source and target are both ${JSON.stringify(relation.sourceId)}` });
  }
  for (const end of ['source', 'target'] as const) {
    const id = end === 'source' ? relation.sourceId : relation.targetId;
    const annotation = context.annotations.get(id);
    if (annotation === undefined) {
      problems.push({ kind: 'missing-annotation', end, annotationId: id, message: `its ${end} ${JSON.stringify(id)} is not an annotation` });
      continue;
    }
    if (annotation.documentId !== relation.documentId) {
      problems.push({ kind: 'other-document', end, annotationId: id, message: `its ${end} ${JSON.stringify(id)} is in another document` });
      continue;
    }
    const allowed = type === undefined ? null : end === 'source' ? type.sourceTagIds : type.targetTagIds;
    if (allowed !== null && !annotation.tagIds.some((tag) => allowed.includes(tag))) {
      problems.push({
        kind: 'disallowed-tag',
        end,
        annotationId: id,
        allowedTagIds: [...allowed],
        message: `a "${type!.name}" relation's ${end} must carry one of the tags ${allowed.map((t) => JSON.stringify(t)).join(', ')}; ${JSON.stringify(id)} carries none`,
      });
    }
  }
  return problems;
}

/** Throws a RelationError listing every problem of `relation`. */
export function assertRelation(relation: Pick<Relation, 'documentId' | 'sourceId' | 'targetId' | 'typeId'>, context: RelationContext): void {
  const problems = relationProblems(relation, context);
  if (problems.length > 0) throw new RelationError(problems);
}

/** A relation as it is shown: with the ends whose text was deleted. */
export interface RelationState {
  relation: Relation;
  /** The ends whose annotation is detached; empty when both are in the text. */
  detachedEnds: RelationEnd[];
}

/**
 * Each relation with its detached ends marked. Relations whose annotation is
 * gone entirely (deleted) are not relations any more: `relationsOfDeleted`
 * says which go with a deleted annotation, so the caller removes them in the
 * same step and undo brings them back.
 */
export function relationStates(relations: readonly Relation[], annotations: ReadonlyMap<string, Pick<Annotation, 'detached'>>): RelationState[] {
  return relations.map((relation) => ({
    relation,
    detachedEnds: (['source', 'target'] as const).filter((end) => annotations.get(end === 'source' ? relation.sourceId : relation.targetId)?.detached === true),
  }));
}

/** The relations that have `annotationId` as an end: deleting the annotation deletes them. */
export function relationsOfDeleted(relations: readonly Relation[], annotationIds: ReadonlySet<string>): Relation[] {
  return relations.filter((r) => annotationIds.has(r.sourceId) || annotationIds.has(r.targetId));
}

/** The relations to and from one annotation, for its inspector: outgoing first, each in creation order. */
export function relationsOf(relations: readonly Relation[], annotationId: string): { outgoing: Relation[]; incoming: Relation[] } {
  const byCreation = [...relations].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  return { outgoing: byCreation.filter((r) => r.sourceId === annotationId), incoming: byCreation.filter((r) => r.targetId === annotationId) };
}

/** A relation type as it would be after a create (id null) or an update. */
export interface RelationTypeDraft {
  id: string | null;
  name: string;
  key: string | null;
}

export type RelationTypeProblem =
  /** Another relation type has the name, ignoring case. */
  | { kind: 'name-taken'; clash: RelationType }
  /** Another relation type has the shortcut key. */
  | { kind: 'key-taken'; key: string; holder: RelationType };

/** What is wrong with putting `draft` among `types` (the draft's old self included), in the order a user would fix it. */
export function relationTypeProblems(types: readonly RelationType[], draft: RelationTypeDraft): RelationTypeProblem[] {
  const problems: RelationTypeProblem[] = [];
  const name = draft.name.toLowerCase();
  const clash = types.find((t) => t.id !== draft.id && t.name.toLowerCase() === name);
  if (clash) problems.push({ kind: 'name-taken', clash });
  if (draft.key !== null) {
    const holder = types.find((t) => t.id !== draft.id && t.key === draft.key);
    if (holder) problems.push({ kind: 'key-taken', key: draft.key, holder });
  }
  return problems;
}

/** The problem as a user reads it. */
export function relationTypeProblemMessage(problem: RelationTypeProblem): string {
  switch (problem.kind) {
    case 'name-taken':
      return `a relation type named “${problem.clash.name}” already exists`;
    case 'key-taken':
      return `shortcut key ${problem.key} is already used by relation type “${problem.holder.name}”`;
  }
}
