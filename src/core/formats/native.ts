// Native JSON, the format of record: everything a workspace holds about its
// documents, written so that importing an export and exporting again gives
// the same bytes (apart from exportedAt).

import type { z } from 'zod';
import type { Annotation, DocumentRecord, Edit, Tag } from '../model';
import type { Relation, RelationType } from '../relations';
import { codePointLength } from '../offsets';
import { canonicalOrder, type ImportedBundle, type WorkspaceExport } from './bundle';
import { FormatError, formatPath } from './errors';
import { fileText, type FormatCodec } from './format';
import { checkTags, checkWorkspace, show } from './invariants';
import { isObject, parseJson } from './json';
import {
  NATIVE_FORMAT,
  NATIVE_VERSION,
  nativeFileSchema,
  type NativeAnnotation,
  type NativeDocument,
  type NativeEdit,
  type NativeFile,
  type NativeRelation,
  type NativeRelationType,
  type NativeTag,
} from './native-schema';
import { nativeShapeError } from './native-shape';
import { TagCatalog } from './tagpaths';

export interface NativeExportOptions {
  /** ISO 8601 time written as `exportedAt` (default: now). */
  exportedAt?: string;
}

/**
 * The workspace as native JSON: stable key order, 2-space indent, records in
 * canonical order. Throws a FormatError if the workspace breaks an invariant,
 * rather than writing a file that would not import.
 */
export function exportNative(workspace: WorkspaceExport, options: NativeExportOptions = {}): string {
  const ordered = canonicalOrder(workspace);
  checkWorkspace(ordered);
  const paths = new TagPaths(new TagCatalog(ordered.tags));
  const file: NativeFile = {
    format: NATIVE_FORMAT,
    // Version 1 while no document has a source, so older builds still read the file.
    version: NATIVE_VERSION,
    exportedAt: options.exportedAt ?? new Date().toISOString(),
    tags: ordered.tags.map(nativeTag),
    relationTypes: (ordered.relationTypes ?? []).map(nativeRelationType),
    documents: ordered.documents.map(({ document, annotations, edits, relations, source, sourceAnnotations }) => ({
      ...nativeDocument(document, annotations, edits, paths),
      relations: (relations ?? []).map(nativeRelation),
      ...(source && {
        source: {
          text: source.text,
          language: source.language,
          alignment: source.alignment,
          exchange: source.exchange,
          ...(sourceAnnotations && sourceAnnotations.length > 0 && { annotations: sourceAnnotations.map((a) => nativeAnnotation(a, paths)) }),
        },
      }),
    })),
  };
  // The store's values must also have the file's shape (colours, times, hashes).
  const shapeError = nativeShapeError(file);
  if (shapeError) throw schemaError(shapeError, undefined);
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads a native file. Anything malformed, from a newer version, or breaking
 * an invariant throws a FormatError naming the file, the record and the problem.
 */
export function importNative(json: string, options: { file?: string } = {}): ImportedBundle {
  const { file } = options;
  const data = parseJson(json, file);
  if (!isObject(data)) throw new FormatError({ file }, `the file holds ${describe(data)}, not a Scholia annotations object`);
  if (data.format !== NATIVE_FORMAT) {
    const problem = data.format === undefined ? 'this is not a Scholia annotations file: it has no "format"' : `"format" is ${JSON.stringify(data.format)}, not "${NATIVE_FORMAT}"`;
    throw new FormatError({ file }, problem);
  }
  if (typeof data.version !== 'number' || !Number.isInteger(data.version) || data.version < 1) {
    throw new FormatError({ file }, `"version" is ${JSON.stringify(data.version) ?? 'missing'}, not a format version (a whole number from 1)`);
  }
  if (data.version > NATIVE_VERSION) {
    throw new FormatError(
      { file },
      `the file is format version ${data.version}, written by a newer Scholia; this build reads version ${NATIVE_VERSION}. Update Scholia to import it`,
    );
  }
  const parsed = nativeFileSchema.safeParse(data);
  if (!parsed.success) throw schemaError(parsed.error, file);
  // Tags first: annotations name them by path, which needs sound parents.
  checkTags(parsed.data.tags.map(tagOf), file);
  const bundle = fromNative(parsed.data, file);
  checkWorkspace(bundle, file);
  return bundle;
}

function nativeTag(tag: Tag): NativeTag {
  return { id: tag.id, name: tag.name, color: tag.color, parent: tag.parentId, key: tag.key, description: tag.description };
}

function nativeDocument(document: DocumentRecord, annotations: readonly Annotation[], edits: readonly Edit[], paths: TagPaths): NativeDocument {
  return {
    id: document.id,
    title: document.title,
    sourceName: document.sourceName,
    sha256: document.sha256,
    sourceLanguage: document.sourceLanguage,
    targetLanguage: document.targetLanguage,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
    originalText: document.originalText,
    text: document.text,
    annotations: annotations.map((a) => nativeAnnotation(a, paths)),
    edits: edits.map(nativeEdit),
  };
}

function nativeAnnotation(annotation: Annotation, paths: TagPaths): NativeAnnotation {
  const native: NativeAnnotation = {
    id: annotation.id,
    start: annotation.start,
    end: annotation.end,
    quote: annotation.quote,
    tags: paths.of(annotation.tagIds),
    // The file is written and dropped, so the workspace's own arrays serve (no copy per annotation).
    tagIds: annotation.tagIds,
    note: annotation.note,
    attributes: sortedRecord(annotation.attributes),
    author: annotation.author,
    createdAt: annotation.createdAt,
    updatedAt: annotation.updatedAt,
    detached: annotation.detached,
  };
  // Set after, not spread into the literal: a spread copies through a temporary object per annotation. Key order is the file's.
  if (annotation.sourceRange) native.sourceRange = { start: annotation.sourceRange.start, end: annotation.sourceRange.end };
  if (annotation.origin) native.origin = annotation.origin;
  return native;
}

/**
 * The tag paths of annotations' tag ids. Nearly every annotation has one tag,
 * so the list of paths of one tag is made once per tag and shared by all its
 * annotations (the file is written and dropped, never changed).
 */
class TagPaths {
  private readonly single = new Map<string, readonly string[]>();

  constructor(private readonly catalog: TagCatalog) {}

  of(tagIds: readonly string[]): string[] {
    // checkWorkspace has made sure every tag id is known.
    if (tagIds.length !== 1) return tagIds.map((id) => this.catalog.pathOf(id)!);
    const id = tagIds[0]!;
    let paths = this.single.get(id);
    if (paths === undefined) this.single.set(id, (paths = [this.catalog.pathOf(id)!]));
    return paths as string[];
  }
}

function nativeRelationType(type: RelationType): NativeRelationType {
  return {
    id: type.id,
    name: type.name,
    color: type.color,
    key: type.key,
    description: type.description,
    sourceTagIds: type.sourceTagIds === null ? null : [...type.sourceTagIds],
    targetTagIds: type.targetTagIds === null ? null : [...type.targetTagIds],
  };
}

function nativeRelation(relation: Relation): NativeRelation {
  return {
    id: relation.id,
    source: relation.sourceId,
    target: relation.targetId,
    type: relation.typeId,
    note: relation.note,
    attributes: sortedRecord(relation.attributes),
    author: relation.author,
    createdAt: relation.createdAt,
    updatedAt: relation.updatedAt,
  };
}

function relationOf(r: NativeRelation, documentId: string): Relation {
  return {
    id: r.id,
    documentId,
    sourceId: r.source,
    targetId: r.target,
    typeId: r.type,
    note: r.note,
    attributes: { ...r.attributes },
    author: r.author,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function relationTypeOf(t: NativeRelationType): RelationType {
  return { ...t, sourceTagIds: t.sourceTagIds === null ? null : [...t.sourceTagIds], targetTagIds: t.targetTagIds === null ? null : [...t.targetTagIds] };
}

function nativeEdit(edit: Edit): NativeEdit {
  return { start: edit.start, end: edit.end, removed: edit.removed, inserted: edit.inserted, origin: edit.origin, author: edit.author, at: edit.at };
}

/** Keys in code unit order, so attribute order in the store does not show in the file. */
function sortedRecord(record: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const keys = Object.keys(record);
  // Nearly every annotation has none: one object serves them all.
  if (keys.length === 0) return NO_ATTRIBUTES;
  const out: Record<string, string> = {};
  for (const key of keys.sort()) out[key] = record[key]!;
  return out;
}

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

function tagOf(t: NativeTag): Tag {
  return { id: t.id, name: t.name, color: t.color, parentId: t.parent, key: t.key, description: t.description };
}

function fromNative(file: NativeFile, fileName: string | undefined): ImportedBundle {
  const tags = file.tags.map(tagOf);
  const catalog = new TagCatalog(tags);
  const documents = file.documents.map((doc, i) => {
    const annotationOf =
      (list: string, side: 'source' | null) =>
      (a: NativeAnnotation, j: number): Annotation => ({
        id: a.id,
        documentId: doc.id,
        start: a.start,
        end: a.end,
        quote: a.quote,
        tagIds: resolveTags(a, catalog, { file: fileName, record: `documents[${i}].${list}[${j}]` }),
        note: a.note,
        attributes: { ...a.attributes },
        author: a.author,
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
        detached: a.detached,
        ...(side && { side }),
        ...(a.origin && { origin: a.origin }),
        ...(!side && a.sourceRange && { sourceRange: { start: a.sourceRange.start, end: a.sourceRange.end } }),
      });
    const annotations = doc.annotations.map(annotationOf('annotations', null));
    const sourceAnnotations = (doc.source?.annotations ?? []).map(annotationOf('source.annotations', 'source'));
    const edits = doc.edits.map((e, j): Edit => ({ seq: j + 1, ...e }));
    const document: DocumentRecord = {
      id: doc.id,
      title: doc.title,
      sourceName: doc.sourceName,
      sha256: doc.sha256,
      sourceLanguage: doc.sourceLanguage,
      targetLanguage: doc.targetLanguage,
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
      length: codePointLength(doc.text),
      editCount: edits.length,
      annotationCount: annotations.length,
      originalText: doc.originalText,
      text: doc.text,
    };
    // No relations (a version 1 file, or none made) is left absent, as in a bundle that never had any.
    const relations = (doc.relations ?? []).map((r) => relationOf(r, doc.id));
    const source = doc.source && {
      text: doc.source.text,
      language: doc.source.language,
      alignment: doc.source.alignment.map((l) => ({ source: l.source && { ...l.source }, translation: l.translation && { ...l.translation } })),
      exchange: doc.source.exchange,
    };
    return {
      document,
      annotations,
      edits,
      ...(relations.length === 0 ? {} : { relations }),
      ...(source && { source }),
      ...(sourceAnnotations.length > 0 && { sourceAnnotations }),
    };
  });
  const relationTypes = (file.relationTypes ?? []).map(relationTypeOf);
  return { tags, ...(relationTypes.length === 0 ? {} : { relationTypes }), documents };
}

/**
 * `tagIds` when the file has them (checked against the paths in `tags`), else
 * `tags` looked up by path, for hand-written files.
 */
function resolveTags(annotation: NativeAnnotation, catalog: TagCatalog, where: { file: string | undefined; record: string }): string[] {
  const { tags, tagIds } = annotation;
  if (tagIds !== undefined) {
    if (tagIds.length !== tags.length) {
      throw new FormatError(where, `tags names ${tags.length} tags but tagIds names ${tagIds.length}`);
    }
    tagIds.forEach((id, k) => {
      const path = catalog.pathOf(id);
      if (path === undefined) throw new FormatError(where, `tagIds[${k}] ${show(id)} is not the id of any tag`);
      if (path !== tags[k]) throw new FormatError(where, `tags[${k}] is ${show(tags[k]!)} but tagIds[${k}] is the tag ${show(path)}`);
    });
    return [...tagIds];
  }
  // checkTags made sibling names unique, so a path names at most one tag.
  return tags.map((path, k) => {
    const [found] = catalog.findByPath(path);
    if (found === undefined) throw new FormatError(where, `tags[${k}]: unknown tag ${show(path)} (no tag in "tags" has that name)`);
    return found.id;
  });
}

/** The first schema problem, with the record it is in and the field. */
function schemaError(error: z.ZodError, file: string | undefined): FormatError {
  const issue = error.issues[0]!;
  const path = issue.path;
  // The record is the innermost tag, relation type, document, annotation, edit or relation; the rest names the field.
  let split = 0;
  if ((path[0] === 'tags' || path[0] === 'relationTypes' || path[0] === 'documents') && typeof path[1] === 'number') split = 2;
  if (split === 2 && path[0] === 'documents' && (path[2] === 'annotations' || path[2] === 'edits' || path[2] === 'relations') && typeof path[3] === 'number') split = 4;
  const record = split === 0 ? undefined : formatPath(path.slice(0, split));
  const field = formatPath(path.slice(split));
  const missing = issue.code === 'invalid_type' && / received undefined$/.test(issue.message);
  let problem = missing ? `"${field}" is missing` : field === '' ? issue.message : `"${field}": ${issue.message}`;
  if (error.issues.length > 1) problem += ` (and ${error.issues.length - 1} more problems)`;
  return new FormatError({ file, record }, problem);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

export const nativeFormat: FormatCodec = {
  detect: (file) => {
    if (!file.json) return undefined;
    // Scholia writes "format" first, so even a truncated export is recognised.
    if (/"format"\s*:\s*"scholia-annotations"/.test(file.head!)) return 'signature';
    // Other JSON in a .json file: the native importer says what is missing.
    return file.extension === 'json' ? 'extension' : undefined;
  },
  import: async ({ file }) => ({ kind: 'documents', bundle: importNative(fileText(file), { file: file.name }), issues: [] }),
  export: (workspace, { stem, exportedAt }) => ({ files: [{ name: `${stem}.scholia.json`, content: exportNative(workspace, { exportedAt }) }], omitted: [] }),
};
