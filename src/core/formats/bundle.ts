// The shapes that cross the format boundary: what an exporter is given and
// what an importer hands back for the store to write in one transaction.

import type { BilingualSource } from '../bilingual/types';
import type { Annotation, DocumentRecord, Edit, Tag } from '../model';
import { READOUT_RELATION_TYPES, type Relation, type RelationType } from '../relations';
import type { FormatIssue } from './errors';

/** One document with everything that belongs to it. */
export interface DocumentBundle {
  document: DocumentRecord;
  annotations: Annotation[];
  /** In history order (`seq` ascending). */
  edits: Edit[];
  /** Links between its annotations; absent means none. */
  relations?: Relation[];
  /** The text it was translated from, with the alignment, when it has one. */
  source?: BilingualSource;
  /** Annotations of the source text (side 'source', ranges in the source); absent means none. */
  sourceAnnotations?: Annotation[];
}

/** What an exporter is given: tags (with their ancestors) and documents. */
export interface WorkspaceExport {
  tags: Tag[];
  /** The relation types the documents' relations use; absent means none. */
  relationTypes?: RelationType[];
  documents: DocumentBundle[];
}

/**
 * What an importer returns. Tag and annotation ids are kept from the file
 * where it has them. `tags` are the tags the documents refer to that the
 * store may not have yet: a tag whose id already exists is that same tag.
 * Tags come parents first, so inserting them in order satisfies references.
 * Relation types are those of the workspace (see ImportOptions) or, for
 * native files, the file's own, which meet the workspace's by id.
 */
export type ImportedBundle = WorkspaceExport;

/** An import that keeps what it can and lists what it left out. */
export interface ImportResult {
  bundle: ImportedBundle;
  issues: FormatIssue[];
}

/** An export to a format that cannot hold everything, with what it left out. */
export interface ExportResult<T> {
  output: T;
  omitted: FormatIssue[];
}

/** What importers of other tools' formats need from the workspace and the host. */
export interface ImportOptions {
  /** File name, for error messages and as the document's source name. */
  file?: string;
  /** The workspace's tags, to which labels in the file resolve by path or name. */
  tags?: readonly Tag[];
  /** The workspace's relation types, to which relation names in the file resolve (default: the readout types a new workspace has). */
  relationTypes?: readonly RelationType[];
  /** Author of imported annotations where the file names none. */
  author?: string;
  /** Id for new documents, tags and annotations (default: a random UUID). */
  newId?: () => string;
  /** The current time as ISO 8601 (default: the clock). */
  now?: () => string;
}

/** ImportOptions with every default filled in. */
export interface ImportContext {
  file: string | undefined;
  tags: readonly Tag[];
  relationTypes: readonly RelationType[];
  author: string;
  newId: () => string;
  now: () => string;
}

export function importContext(options: ImportOptions): ImportContext {
  return {
    file: options.file,
    tags: options.tags ?? [],
    relationTypes: options.relationTypes ?? READOUT_RELATION_TYPES,
    author: options.author ?? '',
    newId: options.newId ?? (() => globalThis.crypto.randomUUID()),
    now: options.now ?? (() => new Date().toISOString()),
  };
}

/**
 * The same workspace in the one order exports are written in, so that export
 * output does not depend on the order a store happened to return rows in:
 * tags parents first (siblings by name), documents by creation, annotations
 * by position, edits by `seq`, relation types by name, relations by their
 * source's position, then their target's, then type and id.
 */
export function canonicalOrder(workspace: WorkspaceExport): WorkspaceExport {
  return {
    tags: tagsParentsFirst(workspace.tags),
    ...(workspace.relationTypes === undefined ? {} : { relationTypes: [...workspace.relationTypes].sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id)) }),
    documents: [...workspace.documents]
      .sort((a, b) => compare(a.document.createdAt, b.document.createdAt) || compare(a.document.id, b.document.id))
      .map(({ document, annotations, edits, relations, source, sourceAnnotations }) => {
        const sorted = sortAnnotations(annotations);
        return {
          document,
          annotations: sorted,
          edits: [...edits].sort((a, b) => a.seq - b.seq),
          ...(relations === undefined ? {} : { relations: sortRelations(relations, sorted) }),
          ...(source && { source }),
          ...(sourceAnnotations && sourceAnnotations.length > 0 && { sourceAnnotations: sortAnnotations(sourceAnnotations) }),
        };
      }),
  };
}

/** Relations in the order of their ends in `annotations` (already sorted), then type and id. */
function sortRelations(relations: readonly Relation[], annotations: readonly Annotation[]): Relation[] {
  const rank = new Map(annotations.map((a, i) => [a.id, i]));
  const at = (id: string): number => rank.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...relations].sort((a, b) => at(a.sourceId) - at(b.sourceId) || at(a.targetId) - at(b.targetId) || compare(a.typeId, b.typeId) || compare(a.id, b.id));
}

/** Annotations by start, then end, then id. */
function sortAnnotations(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort((a, b) => a.start - b.start || a.end - b.end || compare(a.id, b.id));
}

/** Depth first, siblings by name then id; tags whose parent is missing (or in a cycle) go last. */
function tagsParentsFirst(tags: readonly Tag[]): Tag[] {
  const children = new Map<string | null, Tag[]>();
  const ids = new Set(tags.map((tag) => tag.id));
  for (const tag of tags) {
    // A tag with a dangling parent is left for the end.
    if (tag.parentId !== null && !ids.has(tag.parentId)) continue;
    const list = children.get(tag.parentId) ?? [];
    list.push(tag);
    children.set(tag.parentId, list);
  }
  const out: Tag[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null): void => {
    const list = (children.get(parent) ?? []).sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id));
    for (const tag of list) {
      if (seen.has(tag.id)) continue;
      seen.add(tag.id);
      out.push(tag);
      visit(tag.id);
    }
  };
  visit(null);
  const rest = tags.filter((tag) => !seen.has(tag.id)).sort((a, b) => compare(a.id, b.id));
  return [...out, ...rest];
}

/** Code unit order: the same on every machine, unlike localeCompare. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
