// Relations in files: the rules a workspace's relations keep on export and
// import, how a relation type named in a file is found, and which relations
// an exporter can write (both ends written) and which it lists as left out.

import { relationContext, relationProblems, type Relation, type RelationType } from '../relations';
import type { DocumentBundle, WorkspaceExport } from './bundle';
import { FormatError, type FormatIssue } from './errors';
import { foldCase, show } from './invariants';

/**
 * Relation type ids unique, their allowed tags known; relation ids unique;
 * every relation in its own document between two of its annotations, with a
 * known type whose tag rules its ends keep. Throws a FormatError naming the
 * first record that breaks a rule.
 */
export function checkRelations(workspace: WorkspaceExport, file?: string): void {
  const types = workspace.relationTypes ?? [];
  const tagIds = new Set(workspace.tags.map((t) => t.id));
  const typeIndex = new Map<string, number>();
  types.forEach((type, i) => {
    const record = `relationTypes[${i}]`;
    const first = typeIndex.get(type.id);
    if (first !== undefined) throw new FormatError({ file, record }, `id ${show(type.id)} is also the id of relationTypes[${first}]`);
    typeIndex.set(type.id, i);
    for (const tagId of [...(type.sourceTagIds ?? []), ...(type.targetTagIds ?? [])]) {
      if (!tagIds.has(tagId)) throw new FormatError({ file, record }, `allowed tag id ${show(tagId)} is not the id of any tag`);
    }
  });
  const relationIds = new Map<string, string>();
  workspace.documents.forEach((bundle, i) => {
    const relations = bundle.relations ?? [];
    // Indexing tens of thousands of annotations is for nothing when no relation asks.
    if (relations.length === 0) return;
    const context = relationContext(bundle.annotations, types);
    relations.forEach((relation, j) => {
      const record = `documents[${i}].relations[${j}]`;
      const other = relationIds.get(relation.id);
      if (other !== undefined) throw new FormatError({ file, record }, `id ${show(relation.id)} is also the id of ${other}`);
      relationIds.set(relation.id, record);
      if (relation.documentId !== bundle.document.id) {
        throw new FormatError({ file, record }, `documentId ${show(relation.documentId)} is not the id of its document, ${show(bundle.document.id)}`);
      }
      const [problem] = relationProblems(relation, context);
      if (problem !== undefined) throw new FormatError({ file, record }, problem.message);
    });
  });
}

/** The relation type a file names: by exact name, else ignoring ASCII case, else by id. */
export function findRelationType(types: readonly RelationType[], name: string): RelationType | undefined {
  return types.find((t) => t.name === name) ?? types.find((t) => foldCase(t.name) === foldCase(name)) ?? types.find((t) => t.id === name);
}

/** The error for a relation type a file names that the taxonomy does not have. */
export function unknownRelationType(where: { file?: string | undefined; record?: string | undefined }, name: string, types: readonly RelationType[]): FormatError {
  const known = types.length === 0 ? 'the workspace has no relation types' : `the workspace's relation types are ${types.map((t) => show(t.name)).join(', ')}`;
  return new FormatError(where, `relation type ${show(name)} is not in the taxonomy (${known}); add it first, then import again`);
}

/**
 * The relations of a document an exporter can write: both ends written
 * (`written` maps an annotation id to how the file names it). The others are
 * listed in `omitted` with the reason.
 */
export function writableRelations(bundle: DocumentBundle, written: ReadonlyMap<string, string>, omitted: FormatIssue[]): { relation: Relation; source: string; target: string }[] {
  const out: { relation: Relation; source: string; target: string }[] = [];
  for (const relation of bundle.relations ?? []) {
    const source = written.get(relation.sourceId);
    const target = written.get(relation.targetId);
    if (source === undefined || target === undefined) {
      const end = source === undefined ? 'source' : 'target';
      omitted.push({ record: `relation ${relation.id} in document ${bundle.document.id}`, problem: `not written: its ${end} annotation is not in the file` });
      continue;
    }
    out.push({ relation, source, target });
  }
  return out;
}

/** Every relation of the workspace listed as left out, for a format that cannot hold relations. */
export function relationsLeftOut(workspace: WorkspaceExport, format: string): FormatIssue[] {
  return workspace.documents.flatMap((bundle) =>
    (bundle.relations ?? []).map((relation) => ({ record: `relation ${relation.id} in document ${bundle.document.id}`, problem: `not written: ${format} cannot hold relations` })),
  );
}

/** The types `relations` use, in the order of `types`. */
export function typesUsed(types: readonly RelationType[], relations: readonly Relation[]): RelationType[] {
  const used = new Set(relations.map((r) => r.typeId));
  return types.filter((t) => used.has(t.id));
}
