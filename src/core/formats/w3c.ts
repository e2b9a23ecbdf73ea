// W3C Web Annotation (JSON-LD): an AnnotationCollection whose annotations
// target a document by TextQuoteSelector and TextPositionSelector (code
// points, as the model requires), with tags as `tagging` bodies and the note
// as a `commenting` body. Attributes, which the model has no term for, go in
// a `scholia:attributes` JSON object declared in the annotation's @context.

import type { Annotation, DocumentRecord, Tag } from '../model';
import { CodePointIndex } from '../offsets';
import { relationContext, relationProblems, type Relation, type RelationType } from '../relations';
import { anchor, quoteContext, type PositionSelector, type QuoteSelector } from './anchor';
import { canonicalOrder, compare, importContext, type ExportResult, type ImportOptions, type WorkspaceExport } from './bundle';
import { FormatError, type FormatIssue } from './errors';
import { fileText, inFile, type FormatCodec } from './format';
import { checkAnnotations } from './invariants';
import { isObject, parseJson } from './json';
import { findRelationType, unknownRelationType, writableRelations } from './relation-records';
import { TagCatalog, TagResolver } from './tagpaths';

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const ATTRIBUTES = 'scholia:attributes';
// JSON-LD 1.1 `@json`: the attributes are a plain JSON value, not linked data.
const ATTRIBUTES_CONTEXT = { scholia: 'urn:scholia:vocab#', [ATTRIBUTES]: { '@type': '@json' } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ANNOTATION_IRI = 'urn:scholia:annotation:';
const DOCUMENT_IRI = 'urn:scholia:document:';
const RELATION_IRI = 'urn:scholia:relation:';

/** The IRI an annotation is known by: `urn:uuid:` for UUIDs, else a Scholia URN. */
export function annotationIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id}` : `${ANNOTATION_IRI}${encodeURIComponent(id)}`;
}

/** The IRI a relation's linking annotation is known by. */
export function relationIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id}` : `${RELATION_IRI}${encodeURIComponent(id)}`;
}

/** The IRI a document is known by in targets. */
export function documentIri(id: string): string {
  return `${DOCUMENT_IRI}${encodeURIComponent(id)}`;
}

const SOURCE_IRI = 'urn:scholia:source:';

/** The IRI of the text a document was translated from: annotations of the source target it. */
export function sourceIri(id: string): string {
  return `${SOURCE_IRI}${encodeURIComponent(id)}`;
}

export interface W3CExportOptions {
  /** The collection's IRI (default: a new `urn:uuid:`). */
  id?: string;
  /** The collection's label. */
  label?: string;
}

/**
 * The workspace's annotations as one AnnotationCollection with its first (and
 * only) page embedded. Every annotation carries its own @context so it stands
 * alone. Detached annotations cover no text and are listed as omitted.
 */
export function exportW3C(workspace: WorkspaceExport, options: W3CExportOptions = {}): ExportResult<string> {
  const ordered = canonicalOrder(workspace);
  const catalog = new TagCatalog(ordered.tags);
  const tagIds = new Set(ordered.tags.map((tag) => tag.id));
  const omitted: FormatIssue[] = [];
  const items: object[] = [];
  ordered.documents.forEach((bundle, i) => {
    checkAnnotations(bundle, `documents[${i}]`, undefined, tagIds);
    const text = { iri: documentIri(bundle.document.id), text: bundle.document.text, index: new CodePointIndex(bundle.document.text) };
    const source = bundle.source && { iri: sourceIri(bundle.document.id), text: bundle.source.text, index: new CodePointIndex(bundle.source.text) };
    for (const annotation of bundle.annotations) {
      if (annotation.detached) {
        omitted.push({ record: `annotation ${annotation.id} in document ${bundle.document.id}`, problem: 'not written: it is detached (its text was deleted)' });
        continue;
      }
      items.push(w3cAnnotation(annotation, text, source, catalog));
    }
    // Annotations of the source target the source (checkAnnotations has made sure there is one).
    for (const annotation of bundle.sourceAnnotations ?? []) items.push(w3cAnnotation(annotation, source!, undefined, catalog));
    const written = new Map(bundle.annotations.filter((a) => !a.detached).map((a) => [a.id, annotationIri(a.id)]));
    for (const { relation, source, target } of writableRelations(bundle, written, omitted)) items.push(linkingAnnotation(relation, source, target, ordered.relationTypes ?? []));
  });
  const id = options.id ?? `urn:uuid:${globalThis.crypto.randomUUID()}`;
  const collection = {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: options.label ?? 'Scholia annotations',
    total: items.length,
    first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
  return { output: `${JSON.stringify(collection, null, 2)}\n`, omitted };
}

interface TargetText {
  iri: string;
  text: string;
  index: CodePointIndex;
}

/** A target on a span of a text: its quote with context, and its position. */
function spanTarget(on: TargetText, start: number, end: number): object {
  const { prefix, suffix } = quoteContext(on.text, on.index, start, end);
  const exact = on.text.slice(on.index.toUtf16(start), on.index.toUtf16(end));
  return {
    source: on.iri,
    selector: [
      { type: 'TextQuoteSelector', exact, ...(prefix === '' ? {} : { prefix }), ...(suffix === '' ? {} : { suffix }) },
      { type: 'TextPositionSelector', start, end },
    ],
  };
}

/** An annotation on `on`; one of the text that points to a source span has that span as a second target. */
function w3cAnnotation(annotation: Annotation, on: TargetText, source: TargetText | undefined, catalog: TagCatalog): object {
  const { start, end } = annotation;
  const pointed = annotation.sourceRange && source ? spanTarget(source, annotation.sourceRange.start, annotation.sourceRange.end) : null;
  const body: object[] = annotation.tagIds.map((id) => ({ type: 'TextualBody', purpose: 'tagging', value: catalog.pathOf(id)! }));
  if (annotation.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: annotation.note, format: 'text/plain' });
  const attributeKeys = Object.keys(annotation.attributes).sort(compare);
  return {
    '@context': attributeKeys.length > 0 ? [ANNO_CONTEXT, ATTRIBUTES_CONTEXT] : ANNO_CONTEXT,
    id: annotationIri(annotation.id),
    type: 'Annotation',
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    ...(annotation.author === '' ? {} : { creator: { type: 'Person', name: annotation.author } }),
    ...(body.length === 0 ? {} : { body }),
    target: pointed ? [spanTarget(on, start, end), pointed] : spanTarget(on, start, end),
    ...(attributeKeys.length === 0 ? {} : { [ATTRIBUTES]: Object.fromEntries(attributeKeys.map((key) => [key, annotation.attributes[key]!])) }),
  };
}

/**
 * A relation as a linking annotation: its targets are the source and the
 * target annotation, in that order, its type a `tagging` body, its note a
 * `commenting` body.
 */
function linkingAnnotation(relation: Relation, source: string, target: string, types: readonly RelationType[]): object {
  const body: object[] = [{ type: 'TextualBody', purpose: 'tagging', value: types.find((t) => t.id === relation.typeId)!.name }];
  if (relation.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: relation.note, format: 'text/plain' });
  const attributeKeys = Object.keys(relation.attributes).sort(compare);
  return {
    '@context': attributeKeys.length > 0 ? [ANNO_CONTEXT, ATTRIBUTES_CONTEXT] : ANNO_CONTEXT,
    id: relationIri(relation.id),
    type: 'Annotation',
    motivation: 'linking',
    created: relation.createdAt,
    modified: relation.updatedAt,
    ...(relation.author === '' ? {} : { creator: { type: 'Person', name: relation.author } }),
    body,
    target: [source, target],
    ...(attributeKeys.length === 0 ? {} : { [ATTRIBUTES]: Object.fromEntries(attributeKeys.map((key) => [key, relation.attributes[key]!])) }),
  };
}

export interface W3CImportResult {
  /** Annotations anchored in the document's current text. */
  annotations: Annotation[];
  /** Tags made for tagging bodies the workspace did not have, parents first. */
  tags: Tag[];
  /** Annotations that could not be anchored, and why. */
  unanchored: FormatIssue[];
  /** Parts of anchored annotations that were left out (bodies Scholia cannot hold). */
  issues: FormatIssue[];
  /** Linking annotations between two of the file's annotations, as relations. */
  relations: Relation[];
}

/**
 * Anchors the annotations of a W3C file (one annotation, an array, a page or
 * a collection with its page embedded) in an existing document's current
 * text: by TextPositionSelector where the quote is still there, else by
 * TextQuoteSelector, choosing the occurrence whose prefix and suffix fit best.
 * Targets naming another document are left unanchored, unless the file
 * targets one source only (then it is taken to be this document). Ids in
 * `urn:uuid:` or Scholia's own form are kept. A file that is not W3C
 * annotations throws a FormatError.
 */
export function importW3C(json: string, document: DocumentRecord, options: ImportOptions = {}, sourceText: string | null = null): W3CImportResult {
  const ctx = importContext(options);
  const items = annotationItems(parseJson(json, ctx.file), ctx.file);
  const resolver = new TagResolver(ctx.tags, ctx.newId);
  const index = new CodePointIndex(document.text);
  const sourceIndex = sourceText === null ? null : new CodePointIndex(sourceText);
  const ownIri = documentIri(document.id);
  // Targets on a document's source (Scholia's own IRIs) are read apart from those on its text.
  const onSource = (t: unknown) => sourceOf(t).startsWith(SOURCE_IRI);
  // Linking annotations target annotations, not the document.
  const sources = new Set(items.flatMap((item) => (isObject(item) && !isLink(item) ? targetsOf(item).filter((t) => !onSource(t)).map(sourceOf) : [])));
  const oneSource = sources.size <= 1;
  const sourceIris = new Set(items.flatMap((item) => (isObject(item) && !isLink(item) ? targetsOf(item).filter(onSource).map(sourceOf) : [])));
  const ownSource = sourceIri(document.id);
  /** The span a target on the source selects, or a problem; the file's one source is taken to be this document's. */
  const onOwnSource = (target: unknown): { start: number; end: number } | { problem: string } => {
    if (sourceText === null || sourceIndex === null) return { problem: 'it targets a source, but this document has none' };
    if (sourceOf(target) !== ownSource && sourceIris.size > 1) return { problem: `it targets ${sourceOf(target)}, not this document's source` };
    if (!isObject(target)) return { problem: 'it targets a whole source, not a span of it' };
    const { quote, position } = selectorsOf(target);
    if (quote === undefined && position === undefined) return { problem: 'its target on the source has no TextQuoteSelector or TextPositionSelector' };
    return anchor(sourceText, sourceIndex, quote, position);
  };
  const seenIds = new Set<string>();
  const result: W3CImportResult = { annotations: [], tags: [], unanchored: [], issues: [], relations: [] };
  const links: { item: Record<string, unknown>; record: string }[] = [];
  const byIri = new Map<string, string>();
  items.forEach((item, i) => {
    const record = isObject(item) && typeof item.id === 'string' ? `items[${i}] (${item.id})` : `items[${i}]`;
    const unanchored = (problem: string) => result.unanchored.push({ record, problem: `not imported: ${problem}` });
    if (!isObject(item)) return unanchored('it is not an embedded annotation object');
    if (!asList(item.type).includes('Annotation')) return unanchored('its type is not "Annotation"');
    if (isLink(item)) return void links.push({ item, record });
    const allTargets = targetsOf(item);
    const targets = allTargets.filter((t) => !onSource(t));
    const sourceTarget = allTargets.find(onSource);
    const sourceSpan = sourceTarget === undefined ? null : onOwnSource(sourceTarget);
    if (sourceSpan && 'problem' in sourceSpan) return unanchored(sourceSpan.problem);
    const target = targets.find((t) => sourceOf(t) === ownIri) ?? (oneSource ? targets[0] : undefined);
    if (target === undefined && sourceSpan === null) return unanchored(targets.length === 0 ? 'it has no target' : `it targets ${targets.map(sourceOf).join(', ')}, not this document`);
    let anchoring: { start: number; end: number };
    if (target === undefined) {
      // An annotation of the source alone.
      anchoring = sourceSpan!;
    } else {
      if (!isObject(target)) return unanchored('it targets a whole resource, not a span of its text');
      const { quote, position } = selectorsOf(target);
      if (quote === undefined && position === undefined) return unanchored('its target has no TextQuoteSelector or TextPositionSelector');
      const found = anchor(document.text, index, quote, position);
      if ('problem' in found) return unanchored(found.problem);
      anchoring = found;
    }
    const [on, onIndex] = target === undefined ? [sourceText!, sourceIndex!] : [document.text, index];
    const id = ownId(item.id);
    const annotationId = id === undefined || seenIds.has(id) ? ctx.newId() : id;
    seenIds.add(annotationId);
    if (typeof item.id === 'string') byIri.set(item.id, annotationId);
    const created = time(item.created) ?? ctx.now();
    const { tagLabels, note } = readBodies(item, record, result.issues);
    result.annotations.push({
      id: annotationId,
      documentId: document.id,
      start: anchoring.start,
      end: anchoring.end,
      quote: on.slice(onIndex.toUtf16(anchoring.start), onIndex.toUtf16(anchoring.end)),
      tagIds: [...new Set(tagLabels.map((label) => resolver.resolve(label).id))],
      note,
      attributes: readAttributes(item[ATTRIBUTES], record, result.issues),
      author: creatorName(item.creator) ?? ctx.author,
      createdAt: created,
      updatedAt: time(item.modified) ?? created,
      detached: false,
      ...(target === undefined && { side: 'source' as const }),
      ...(target !== undefined && sourceSpan && { sourceRange: { start: sourceSpan.start, end: sourceSpan.end } }),
    });
  });
  result.tags = resolver.created;
  const inFile = new Set(items.flatMap((item) => (isObject(item) && typeof item.id === 'string' ? [item.id] : [])));
  result.relations = readLinks(links, byIri, inFile, result.annotations, document.id, ctx.relationTypes, ctx, ctx.file, result.unanchored);
  return result;
}

/** A linking annotation whose targets are two annotations (IRIs), not text. */
function isLink(item: Record<string, unknown>): boolean {
  const targets = asList(item.target);
  return asList(item.motivation).includes('linking') && targets.length === 2 && targets.every((t) => typeof t === 'string' || (isObject(t) && t.selector === undefined && typeof t.id === 'string'));
}

/**
 * Relations from linking annotations: the first target the source, the
 * second the target, both annotations of this file; the type is the tagging
 * body, a relation type of the workspace. A link to an annotation the file
 * does not hold, or with an unknown type, throws a FormatError.
 */
function readLinks(
  links: readonly { item: Record<string, unknown>; record: string }[],
  byIri: ReadonlyMap<string, string>,
  inFile: ReadonlySet<string>,
  annotations: readonly Annotation[],
  documentId: string,
  types: readonly RelationType[],
  ctx: { newId: () => string; now: () => string; author: string },
  file: string | undefined,
  unanchored: FormatIssue[],
): Relation[] {
  const context = relationContext(annotations, types);
  const seen = new Set<string>();
  return links.flatMap(({ item, record }) => {
    const iris = asList(item.target).map((t) => (typeof t === 'string' ? t : (t as { id: string }).id));
    for (const iri of iris) {
      if (!inFile.has(iri)) throw new FormatError({ file, record }, `its target ${JSON.stringify(iri)} is not an annotation in this file, so the relation would link nothing`);
    }
    const left = iris.find((iri) => !byIri.has(iri));
    if (left !== undefined) {
      unanchored.push({ record, problem: `not imported: it links ${JSON.stringify(left)}, which was not imported` });
      return [];
    }
    const [source, target] = iris.map((iri) => byIri.get(iri)!);
    const { tagLabels, note } = readBodies(item, record, []);
    if (tagLabels.length !== 1) throw new FormatError({ file, record }, `a linking annotation needs one tagging body naming its relation type; it has ${tagLabels.length}`);
    const type = findRelationType(types, tagLabels[0]!);
    if (type === undefined) throw unknownRelationType({ file, record }, tagLabels[0]!, types);
    const own = ownRelationId(item.id);
    const id = own === undefined || seen.has(own) ? ctx.newId() : own;
    seen.add(id);
    const created = time(item.created) ?? ctx.now();
    const relation: Relation = {
      id,
      documentId,
      sourceId: source!,
      targetId: target!,
      typeId: type.id,
      note,
      attributes: readAttributes(item[ATTRIBUTES], record, []),
      author: creatorName(item.creator) ?? ctx.author,
      createdAt: created,
      updatedAt: time(item.modified) ?? created,
    };
    const [problem] = relationProblems(relation, context);
    if (problem !== undefined) throw new FormatError({ file, record }, problem.message);
    return [relation];
  });
}

/** The relation id behind an IRI Scholia writes, or undefined for other IRIs. */
function ownRelationId(iri: unknown): string | undefined {
  if (typeof iri !== 'string') return undefined;
  if (iri.startsWith('urn:uuid:') && UUID.test(iri.slice(9))) return iri.slice(9);
  if (iri.startsWith(RELATION_IRI)) {
    try {
      return decodeURIComponent(iri.slice(RELATION_IRI.length)) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The annotations of a parsed W3C file, whichever container holds them. */
function annotationItems(data: unknown, file: string | undefined): unknown[] {
  if (Array.isArray(data)) return data;
  if (!isObject(data)) throw new FormatError({ file }, 'the file holds no W3C annotations: expected an Annotation, an AnnotationPage or an AnnotationCollection');
  const types = asList(data.type);
  if (types.includes('Annotation')) return [data];
  if (types.includes('AnnotationPage') && Array.isArray(data.items)) return data.items;
  if (types.includes('AnnotationCollection')) {
    if (isObject(data.first) && Array.isArray(data.first.items)) return data.first.items;
    throw new FormatError({ file, record: 'first' }, 'the collection does not embed its first page, and pages are not fetched');
  }
  throw new FormatError({ file }, `the file holds no W3C annotations: its type is ${JSON.stringify(data.type) ?? 'missing'}, not Annotation, AnnotationPage or AnnotationCollection`);
}

function asList(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function targetsOf(item: Record<string, unknown>): unknown[] {
  return asList(item.target).filter((t) => typeof t === 'string' || isObject(t));
}

function sourceOf(target: unknown): string {
  if (typeof target === 'string') return target;
  if (isObject(target)) {
    if (typeof target.source === 'string') return target.source;
    if (isObject(target.source) && typeof target.source.id === 'string') return target.source.id;
    if (typeof target.id === 'string') return target.id;
  }
  return '(no source)';
}

function selectorsOf(target: Record<string, unknown>): { quote?: QuoteSelector; position?: PositionSelector } {
  const out: { quote?: QuoteSelector; position?: PositionSelector } = {};
  for (const selector of asList(target.selector)) {
    if (!isObject(selector)) continue;
    const types = asList(selector.type);
    if (types.includes('TextQuoteSelector') && typeof selector.exact === 'string' && out.quote === undefined) {
      out.quote = {
        exact: selector.exact,
        ...(typeof selector.prefix === 'string' ? { prefix: selector.prefix } : {}),
        ...(typeof selector.suffix === 'string' ? { suffix: selector.suffix } : {}),
      };
    }
    if (types.includes('TextPositionSelector') && typeof selector.start === 'number' && typeof selector.end === 'number' && out.position === undefined) {
      out.position = { start: selector.start, end: selector.end };
    }
  }
  return out;
}

/** Tag labels from tagging (or classifying) bodies; the note from the other textual bodies. */
function readBodies(item: Record<string, unknown>, record: string, issues: FormatIssue[]): { tagLabels: string[]; note: string } {
  const tagLabels: string[] = [];
  const notes: string[] = [];
  if (typeof item.bodyValue === 'string' && item.bodyValue !== '') notes.push(item.bodyValue);
  const motivations = asList(item.motivation);
  asList(item.body).forEach((body, k) => {
    if (!isObject(body) || typeof body.value !== 'string') {
      issues.push({ record, problem: `body[${k}] left out: only textual bodies (with a "value") are imported` });
      return;
    }
    const purposes = body.purpose === undefined ? motivations : asList(body.purpose);
    if (purposes.includes('tagging') || purposes.includes('classifying')) {
      if (body.value === '') issues.push({ record, problem: `body[${k}] left out: the tag is empty` });
      else tagLabels.push(body.value);
    } else if (body.value !== '') {
      notes.push(body.value);
    }
  });
  return { tagLabels, note: notes.join('\n\n') };
}

function readAttributes(value: unknown, record: string, issues: FormatIssue[]): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (value === undefined) return attributes;
  if (!isObject(value)) {
    issues.push({ record, problem: `${ATTRIBUTES} left out: it is not an object` });
    return attributes;
  }
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string') attributes[key] = v;
    else issues.push({ record, problem: `${ATTRIBUTES}.${key} left out: it is not a string` });
  }
  return attributes;
}

/** The annotation id behind an IRI Scholia writes, or undefined for other IRIs. */
function ownId(iri: unknown): string | undefined {
  if (typeof iri !== 'string') return undefined;
  if (iri.startsWith('urn:uuid:') && UUID.test(iri.slice(9))) return iri.slice(9);
  if (iri.startsWith(ANNOTATION_IRI)) {
    try {
      return decodeURIComponent(iri.slice(ANNOTATION_IRI.length)) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function creatorName(creator: unknown): string | undefined {
  const first = asList(creator)[0];
  if (typeof first === 'string') return first;
  if (isObject(first)) {
    for (const key of ['name', 'nickname', 'id'] as const) if (typeof first[key] === 'string') return first[key];
  }
  return undefined;
}

/** An ISO 8601 date-time with a time zone, as the model requires, else undefined. */
function time(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

export const w3cFormat: FormatCodec = {
  detect: (file) => {
    if (!file.json) return undefined;
    const first = Array.isArray(file.firstRecord) ? (file.firstRecord[0] as unknown) : file.firstRecord;
    if (isObject(first) && looksW3C(first)) return 'shape';
    if (/anno\.jsonld|"type"\s*:\s*\[?\s*"Annotation(Page|Collection)?"/.test(file.head!)) return 'mention';
    return file.extension === 'jsonld' ? 'extension' : undefined;
  },
  import: async ({ file }, context) => {
    const json = fileText(file);
    const document = context.document(file.name, json);
    const result = importW3C(json, document, context.options(file.name), context.sourceText?.(document.id) ?? null);
    return {
      kind: 'annotations',
      document,
      tags: result.tags,
      annotations: result.annotations,
      relations: result.relations,
      issues: inFile(file.name, result.issues),
      unanchored: inFile(file.name, result.unanchored),
    };
  },
  export: (workspace, { stem, title }) => {
    const { output, omitted } = exportW3C(workspace, { label: title ?? 'Scholia annotations' });
    return { files: [{ name: `${stem}.jsonld`, content: output }], omitted };
  },
};

function looksW3C(value: Record<string, unknown>): boolean {
  const types = Array.isArray(value.type) ? value.type : [value.type];
  const context = Array.isArray(value['@context']) ? value['@context'] : [value['@context']];
  return context.some((c) => typeof c === 'string' && c.includes('anno.jsonld')) || types.some((t) => t === 'Annotation' || t === 'AnnotationPage' || t === 'AnnotationCollection');
}
