// The one contract between renderer and backend: method names, their input
// schemas (validated at every boundary), their outputs and typed errors.
// Offsets are Unicode code point offsets, end exclusive.

import { z } from 'zod';
import type { AlignmentLink, BilingualFinding } from '../../core/bilingual/types';
import type { GlossaryEntry } from '../../core/bilingual/glossary';
import type { FormatIssue } from '../../core/formats/errors';
import { exportFormatIds, importFormatIds } from '../../core/formats/format-list';
import { ANNOTATION_ORIGIN, EDIT_ORIGIN, LIMITS } from '../../core/limits';
import { hasLoneSurrogate } from '../../core/offsets';
import type { AnnotationColumns } from '../../core/annotation-columns';
import { documentStatuses, type Annotation, type CurrentDocument, type Dismissal, type DocumentRecord, type DocumentSummary, type Edit, type SearchHit, type Tag } from '../../core/model';
import { MAX_AUTHOR_NAME_LENGTH, TEXT_SIZES, themes, type Settings, type TextSize } from '../../core/settings';
import type { Relation, RelationType } from '../../core/relations';
import type { DictionaryEntry } from '../../core/suggestions/dictionary';
import type { Rejection } from '../../core/suggestions/rejections';
import { WORD_COUNT_BASES, type DocumentScorecard, type Insights, type WorkspaceScorecard } from '../../core/reports';
import type { MqmSettings } from '../../core/scorecard';
import { REPORT_FORMATS } from '../../core/report-files';

/** Largest text one call may carry, in UTF-16 units (about 16 MiB of text). */
export const MAX_TEXT_LENGTH = 16 * 1024 * 1024;
/** Base64 of the largest file accepted (decode.ts MAX_DOCUMENT_BYTES), plus slack. */
const MAX_BASE64_LENGTH = Math.ceil((16 * 1024 * 1024) / 3) * 4 + 4;
// The limits are core's (core/limits.ts), shared with every importer.
const MAX_NAME_LENGTH = LIMITS.titleLength;
const MAX_NOTE_LENGTH = LIMITS.noteLength;

// SQLite keeps text as UTF-8, which cannot hold half a surrogate pair: it would come back as U+FFFD,
// silently changed. So every string that is stored must be well-formed.
const str = () => z.string().refine((s) => !hasLoneSurrogate(s), 'lone surrogates (half of a character) are not text');
const id = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'ids are letters, digits, - and _');
const offset = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
// Tag names and titles are shown as plain text; control characters have no place in them.
const label = (max: number) =>
  str()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'control characters are not allowed');
const text = str().max(MAX_TEXT_LENGTH);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colours are #rrggbb');
const tagKey = z.string().regex(/^[1-9]$/, 'shortcut keys are 1–9');
/** Picks the type in the relation type picker: one lowercase letter or digit. */
const relationTypeKey = z.string().regex(/^[a-z0-9]$/, 'a relation type key is one lowercase letter or digit');
const attributes = z
  .record(str().min(1).max(LIMITS.attributeNameLength), str().max(LIMITS.attributeValueLength))
  .refine((a) => Object.keys(a).length <= LIMITS.attributeCount, `at most ${LIMITS.attributeCount} attributes`);
/** A dismissed finding is known by its rule and text: it stays dismissed while that text is unchanged. */
const dismissal = z.strictObject({
  rule: z.string().regex(/^[a-z0-9-]{1,60}$/),
  quote: str().max(10_000),
  before: str().max(100),
  after: str().max(100),
});
/** Formats files are exported to and imported from (core/formats/format-list; `auto`: told by each file's content, then its name). */
export const exportFormats = exportFormatIds;
export const importFormats = ['auto', ...importFormatIds] as const;
export type ExportFormat = (typeof exportFormats)[number];
export type ImportFormat = (typeof importFormats)[number];
/** A file's name as the user's system gave it; it becomes a title, so no control characters. */
const fileName = str().min(1).max(1000).regex(/^[^\p{Cc}]*$/u, 'control characters are not allowed in file names');
/** A version of a document's text: the number of edits it reflects. */
const baseEditCount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A BCP 47 language tag (zh, zh-Hans, en-GB). */
const languageTag = z.string().max(64).regex(/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/, 'a language tag (BCP 47) such as zh or en-GB');
const span = z.strictObject({ start: offset, end: offset }).refine((r) => r.end > r.start, 'a range covers at least one character');
const alignmentLink = z.strictObject({ source: span.nullable(), translation: span.nullable() });
/** Corrections of an alignment (core/bilingual/alignment-edits.ts); `replace` gives a whole alignment back (undo). */
const alignmentOperation = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('link'), index: z.number().int().min(0) }),
  z.strictObject({ op: z.literal('unlink'), index: z.number().int().min(0) }),
  z.strictObject({ op: z.literal('merge'), index: z.number().int().min(0) }),
  z.strictObject({ op: z.literal('split'), index: z.number().int().min(0), source: offset.nullable(), translation: offset.nullable() }),
  z.strictObject({ op: z.literal('replace'), alignment: z.array(alignmentLink).max(200_000) }),
]);
const fileContent = z.string().max(MAX_BASE64_LENGTH).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');
/** Which documents a workspace report covers (core/reports DocumentFilter); days are YYYY-MM-DD, UTC. */
const documentFilterFields = {
  documentIds: z.array(id).min(1).max(10_000).optional(),
  tagId: id.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  status: z.enum(documentStatuses).optional(),
};
const daysInOrder = (f: { from?: string; to?: string }) => f.from === undefined || f.to === undefined || f.from <= f.to;
const documentFilter = z.strictObject(documentFilterFields).refine(daysInOrder, 'from must not be after to');
/** Which text's words a score is per (core/reports WordCountBasis); the translation's unless said. */
const wordsFrom = z.enum(WORD_COUNT_BASES).default('translation');
const annotationOrigin = z.string().regex(ANNOTATION_ORIGIN, 'origin is suggestion:<source>');
const multiplier = z.number().min(0).max(1_000_000);
const change = z.strictObject({ start: offset, end: offset, inserted: text }).refine((c) => c.end >= c.start, 'end must not be before start');

export const inputs = {
  'workspace.info': z.strictObject({}),
  'documents.list': z.strictObject({}),
  'documents.get': z.strictObject({ id }),
  /** The document with its current text only (opening it: the original is read when a view needs it). */
  'documents.current': z.strictObject({ id }),
  'documents.importFile': z.strictObject({
    fileName,
    contentBase64: z.string().max(MAX_BASE64_LENGTH).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
  }),
  'documents.create': z.strictObject({ title: label(MAX_NAME_LENGTH), text: text.min(1) }),
  'documents.rename': z.strictObject({ id, title: label(MAX_NAME_LENGTH) }),
  'documents.setStatus': z.strictObject({ id, status: z.enum(documentStatuses) }),
  'documents.delete': z.strictObject({ id }),
  'documents.search': z.strictObject({
    // No text holds a NUL, and SQLite's full-text query syntax cannot carry one.
    query: str().min(1).max(1000).refine((q) => !q.includes('\u0000'), 'a search holds no NUL character'),
    limit: z.number().int().min(1).max(500).default(50),
    /** "ecole" finds "École" too. */
    foldDiacritics: z.boolean().default(false),
  }),
  'edits.list': z.strictObject({ documentId: id }),
  'edits.apply': z.strictObject({
    documentId: id,
    /** Number of edits the caller's text reflects; a mismatch is a conflict. */
    baseEditCount,
    changes: z.array(change).min(1).max(LIMITS.changesPerCall),
    /** Who made the changes: a person, a rule's fix (`rule:<id>`), or a revert. */
    origin: z
      .string()
      .regex(EDIT_ORIGIN, 'origin is manual, revert or rule:<id>')
      .default('manual'),
  }),
  'settings.get': z.strictObject({}),
  'settings.update': z.strictObject({
    /** Empty: the system's user name. */
    authorName: z.union([z.literal(''), label(MAX_AUTHOR_NAME_LENGTH)]).optional(),
    theme: z.enum(themes).optional(),
    textSize: z.custom<TextSize>((v) => (TEXT_SIZES as readonly unknown[]).includes(v), `text size is one of ${TEXT_SIZES.join(', ')} (percent)`).optional(),
  }),
  'findings.dismissals': z.strictObject({ documentId: id }),
  'findings.dismiss': z.strictObject({ documentId: id, dismissal: dismissal }),
  'findings.restore': z.strictObject({ documentId: id, dismissal: dismissal }),
  'tags.list': z.strictObject({}),
  'tags.create': z.strictObject({
    name: label(LIMITS.tagNameLength),
    color,
    parentId: id.nullable().default(null),
    key: tagKey.nullable().default(null),
    description: str().max(LIMITS.tagDescriptionLength).default(''),
  }),
  'tags.update': z.strictObject({
    id,
    name: label(LIMITS.tagNameLength).optional(),
    color: color.optional(),
    parentId: id.nullable().optional(),
    key: tagKey.nullable().optional(),
    description: str().max(LIMITS.tagDescriptionLength).optional(),
  }),
  'tags.usage': z.strictObject({ id }),
  'tags.delete': z.strictObject({ id }),
  'tags.addTaxonomy': z.strictObject({ name: z.enum(['mqm']) }),
  'annotations.list': z.strictObject({ documentId: id }),
  /** The same annotations as columns (core/annotation-columns.ts): opening a long document reads them this way. */
  'annotations.columns': z.strictObject({ documentId: id }),
  'annotations.create': z
    .strictObject({
      id: id.optional(),
      documentId: id,
      /** Number of edits of the text the offsets were computed on: the store maps them through later edits. */
      baseEditCount,
      start: offset,
      end: offset,
      tagIds: z.array(id).max(LIMITS.tagsPerAnnotation).default([]),
      note: str().max(MAX_NOTE_LENGTH).default(''),
      attributes: attributes.default({}),
      /** When restoring (undo of a delete) the original times are kept. */
      createdAt: z.iso.datetime().optional(),
      /** `source`: start and end are code points of the document's source (which never changes), not of its text. */
      side: z.enum(['translation', 'source']).default('translation'),
      /** On an annotation of the text: the source span it concerns. */
      sourceRange: z.strictObject({ start: offset, end: offset }).refine((r) => r.end > r.start, 'a range covers at least one character').optional(),
      /** An accepted suggestion's `suggestion:<source>`; absent when made by hand. */
      origin: annotationOrigin.optional(),
    })
    .refine((a) => a.end > a.start, 'an annotation covers at least one character')
    .refine((a) => a.side === 'translation' || a.sourceRange === undefined, 'an annotation of the source has no source range of its own'),
  /** A patch of the fields given: two windows changing different fields of one annotation never undo each other's work. */
  'annotations.update': z
    .strictObject({
      id,
      addTagIds: z.array(id).max(LIMITS.tagsPerAnnotation).optional(),
      removeTagIds: z.array(id).max(LIMITS.tagsPerAnnotation).optional(),
      /** A note changes only from the note the caller saw (`base`); if it has changed since, the answer is a conflict. */
      note: z.strictObject({ base: str().max(MAX_NOTE_LENGTH), value: str().max(MAX_NOTE_LENGTH) }).optional(),
      setAttributes: attributes.optional(),
      removeAttributes: z.array(str().min(1).max(LIMITS.attributeNameLength)).max(LIMITS.attributeCount).optional(),
      /** Undoing a re-attach: detached again. */
      detach: z.literal(true).optional(),
      /** The source span an annotation of the text concerns; null removes it. */
      sourceRange: z.strictObject({ start: offset, end: offset }).refine((r) => r.end > r.start, 'a range covers at least one character').nullable().optional(),
      /** Re-attaching or moving: the new range, on the text of `baseEditCount` edits. */
      range: z
        .strictObject({ start: offset, end: offset })
        .refine((r) => r.end > r.start, 'an annotation covers at least one character')
        .optional(),
      baseEditCount: baseEditCount.optional(),
    })
    .refine((u) => (u.range === undefined) === (u.baseEditCount === undefined), 'a range is given with the baseEditCount it was computed on, and only then'),
  'annotations.delete': z.strictObject({ id }),
  /** "Annotate every occurrence": many ranges, in one or several documents, with the same tags, as one transaction. */
  'annotations.createMany': z.strictObject({
    items: z
      .array(
        z
          /** `id` is given by an editor that undoes and redoes the batch; it must be free. `origin` overrides the batch's. */
          .strictObject({ id: id.optional(), documentId: id, baseEditCount, start: offset, end: offset, origin: annotationOrigin.optional() })
          .refine((a) => a.end > a.start, 'an annotation covers at least one character'),
      )
      .min(1)
      .max(10_000),
    tagIds: z.array(id).min(1).max(LIMITS.tagsPerAnnotation),
    note: str().max(MAX_NOTE_LENGTH).default(''),
    attributes: attributes.default({}),
    /** When redo restores the batch, its times are kept. */
    createdAt: z.iso.datetime().optional(),
    origin: annotationOrigin.optional(),
  }),
  /** Undo of a batch: all of them or none, in one transaction. */
  'annotations.deleteMany': z.strictObject({ ids: z.array(id).min(1).max(10_000) }),
  /** What suggestions are computed from besides the text: the workspace's annotated terms per tag, and the rejections. */
  'suggestions.context': z.strictObject({}),
  /** A rejected suggestion (tag and text) is never proposed again in this workspace. */
  'suggestions.reject': z.strictObject({ tagId: id, quote: str().min(1).max(10_000) }),
  /** Undo of a rejection: that tag and text may be proposed again. */
  'suggestions.unreject': z.strictObject({ tagId: id, quote: str().min(1).max(10_000) }),
  'relationTypes.list': z.strictObject({}),
  'relationTypes.create': z.strictObject({
    name: label(LIMITS.tagNameLength),
    color,
    key: relationTypeKey.nullable().default(null),
    description: str().max(LIMITS.tagDescriptionLength).default(''),
    /** Tags the source must carry one of; null (the default) allows any annotation. */
    sourceTagIds: z.array(id).min(1).max(1000).nullable().default(null),
    targetTagIds: z.array(id).min(1).max(1000).nullable().default(null),
  }),
  'relationTypes.update': z.strictObject({
    id,
    name: label(LIMITS.tagNameLength).optional(),
    color: color.optional(),
    key: relationTypeKey.nullable().optional(),
    description: str().max(LIMITS.tagDescriptionLength).optional(),
    sourceTagIds: z.array(id).min(1).max(1000).nullable().optional(),
    targetTagIds: z.array(id).min(1).max(1000).nullable().optional(),
  }),
  /** How many relations deleting the type deletes with it. */
  'relationTypes.usage': z.strictObject({ id }),
  'relationTypes.delete': z.strictObject({ id }),
  'relations.list': z.strictObject({ documentId: id }),
  'relations.create': z.strictObject({
    /** Given when undo restores a deleted relation: it must still be free. */
    id: id.optional(),
    documentId: id,
    sourceId: id,
    targetId: id,
    typeId: id,
    note: str().max(MAX_NOTE_LENGTH).default(''),
    attributes: attributes.default({}),
    createdAt: z.iso.datetime().optional(),
  }),
  'relations.update': z.strictObject({
    id,
    typeId: id.optional(),
    sourceId: id.optional(),
    targetId: id.optional(),
    note: str().max(MAX_NOTE_LENGTH).optional(),
    attributes: attributes.optional(),
  }),
  'relations.delete': z.strictObject({ id }),
  'bilingual.get': z.strictObject({ documentId: id }),
  'bilingual.setSource': z.strictObject({
    documentId: id,
    text: text.min(1),
    language: languageTag,
    /** The translation's language, when the document does not name it yet. */
    translationLanguage: languageTag.optional(),
  }),
  'bilingual.updateAlignment': z.strictObject({ documentId: id, operation: alignmentOperation }),
  'bilingual.check': z.strictObject({ documentId: id }),
  'glossary.list': z.strictObject({}),
  'glossary.import': z.strictObject({
    fileName,
    contentBase64: fileContent,
    /** For TBX: which languages are the source and the required translation. */
    sourceLanguage: languageTag.optional(),
    targetLanguage: languageTag.optional(),
    /** Make the file the whole glossary instead of adding to it. */
    replace: z.boolean().default(false),
  }),
  'glossary.export': z.strictObject({}),
  'transfer.export': z
    .strictObject({ documentIds: z.array(id).min(1).max(10_000).optional(), all: z.literal(true).optional(), format: z.enum(exportFormats), taskId: id.optional() })
    .refine((i) => (i.documentIds === undefined) !== (i.all === undefined), 'give either documentIds or all: true'),
  'transfer.import': z.strictObject({
    files: z
      .array(z.strictObject({ name: fileName, contentBase64: z.string().max(MAX_BASE64_LENGTH).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64') }))
      .min(1)
      .max(1000),
    format: z.enum(importFormats).default('auto'),
    /** The document W3C annotations go onto (default: the one the file targets). */
    documentId: id.optional(),
    /** Chosen by the caller to ask for the import's progress or cancel it (transfer.progress, transfer.cancel). */
    taskId: id.optional(),
  }),
  /** How far the import or export started with this taskId has come; null when none is running. */
  'transfer.progress': z.strictObject({ taskId: id }),
  /** Stops the import or export started with this taskId: an import then writes nothing, an export gives no files. */
  'transfer.cancel': z.strictObject({ taskId: id }),
  'reports.scorecard': z.strictObject({ documentId: id, wordsFrom }),
  'reports.workspace': z.strictObject({ ...documentFilterFields, wordsFrom }).refine(daysInOrder, 'from must not be after to'),
  'reports.insights': documentFilter,
  'reports.export': z
    .strictObject({ documentIds: z.array(id).min(1).max(10_000).optional(), all: z.literal(true).optional(), format: z.enum(REPORT_FORMATS), wordsFrom })
    .refine((i) => (i.documentIds === undefined) !== (i.all === undefined), 'give either documentIds or all: true'),
  'settings.mqm.get': z.strictObject({}),
  'settings.mqm.set': z.strictObject({
    multipliers: z.strictObject({ neutral: multiplier, minor: multiplier, major: multiplier, critical: multiplier }),
    /** Lowest quality score that passes. */
    threshold: z.number().min(0).max(100),
  }),
} as const;

export interface TransferExport {
  /** Plain names (no folders), one per file to save; brat gives a .brat.txt and a .brat.ann per document. */
  files: { name: string; content: string }[];
  /** What the format could not hold and left out. */
  omitted: FormatIssue[];
}

/** Where a running import or export is: `done` of `total` steps (files read, documents written or exported). */
export interface TransferProgress {
  phase: 'reading' | 'writing' | 'exporting';
  done: number;
  total: number;
}

export interface TransferImport {
  /** Documents created. */
  documentIds: string[];
  annotationCount: number;
  /** What was left out or changed (new ids, merged tags), by file and record. */
  issues: FormatIssue[];
  /** W3C annotations that could not be anchored in the document's text. */
  unanchored: FormatIssue[];
}

/** A document's source and its alignment with the translation. */
export interface BilingualView {
  source: string;
  sourceLanguage: string;
  translationLanguage: string | null;
  alignment: AlignmentLink[];
  /** The exchange format the document came in (exports write back into it), if any. */
  exchange: 'xliff' | null;
  /** The annotations of the source (ranges in `source`). */
  annotations: Annotation[];
}

export interface WorkspaceInfo {
  path: string;
  schemaVersion: number;
  documentCount: number;
}

export interface EditsApplied {
  editCount: number;
  length: number;
  updatedAt: string;
}

/** What each method returns. */
export interface Outputs {
  'workspace.info': WorkspaceInfo;
  'documents.list': DocumentSummary[];
  'documents.get': DocumentRecord;
  'documents.current': CurrentDocument;
  'documents.importFile': DocumentSummary;
  'documents.create': DocumentSummary;
  'documents.rename': DocumentSummary;
  'documents.setStatus': DocumentSummary;
  'documents.delete': { deleted: true };
  'documents.search': SearchHit[];
  'edits.list': Edit[];
  'edits.apply': EditsApplied;
  'settings.get': Settings;
  'settings.update': Settings;
  'findings.dismissals': Dismissal[];
  'findings.dismiss': { dismissed: true };
  'findings.restore': { restored: boolean };
  'tags.list': Tag[];
  'tags.create': Tag;
  'tags.update': Tag;
  /** What deleting the tag removes: it and every tag under it (tagCount), and their use on annotationCount annotations. */
  'tags.usage': { annotationCount: number; tagCount: number };
  'tags.delete': { deleted: true; annotationCount: number; tagCount: number };
  'tags.addTaxonomy': { added: Tag[] };
  'annotations.list': Annotation[];
  'annotations.columns': AnnotationColumns;
  'annotations.create': Annotation;
  'annotations.update': Annotation;
  'annotations.delete': { deleted: true };
  'annotations.createMany': Annotation[];
  'annotations.deleteMany': { deleted: number };
  'suggestions.context': { dictionary: DictionaryEntry[]; rejections: Rejection[] };
  'suggestions.reject': { rejected: true };
  'suggestions.unreject': { forgotten: boolean };
  'relationTypes.list': RelationType[];
  'relationTypes.create': RelationType;
  'relationTypes.update': RelationType;
  'relationTypes.usage': { relationCount: number };
  'relationTypes.delete': { deleted: true; relationCount: number };
  'relations.list': Relation[];
  'relations.create': Relation;
  'relations.update': Relation;
  'relations.delete': { deleted: true };
  'transfer.export': TransferExport;
  'transfer.import': TransferImport;
  'transfer.progress': TransferProgress | null;
  /** False when no import or export with that taskId was running (it had finished). */
  'transfer.cancel': { cancelled: boolean };
  /** Null when the document has no source. */
  'bilingual.get': BilingualView | null;
  'bilingual.setSource': BilingualView;
  'bilingual.updateAlignment': AlignmentLink[];
  'bilingual.check': BilingualFinding[];
  'glossary.list': GlossaryEntry[];
  'glossary.import': { added: number; total: number };
  'glossary.export': { name: string; content: string };
  'reports.scorecard': DocumentScorecard;
  'reports.workspace': WorkspaceScorecard;
  'reports.insights': Insights;
  /** One file: a name to save it under and its content. */
  'reports.export': { name: string; content: string };
  'settings.mqm.get': MqmSettings;
  'settings.mqm.set': MqmSettings;
}

export type Method = keyof typeof inputs & keyof Outputs;
export const methods = Object.keys(inputs) as Method[];
/** What a caller passes (defaults may be left out). */
export type Input<M extends Method> = z.input<(typeof inputs)[M]>;
/** What the implementation receives after validation. */
export type ParsedInput<M extends Method> = z.output<(typeof inputs)[M]>;
export type Output<M extends Method> = Outputs[M];

export type ApiErrorCode =
  | 'unknown_method'
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'bad_file'
  | 'workspace'
  | 'unauthorized'
  | 'unavailable'
  /** The caller cancelled the import or export (transfer.cancel): nothing was written. */
  | 'cancelled'
  | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** For invalid_input: which fields were wrong and why. */
  issues?: { path: string; message: string }[];
}

/** What crosses the wire for every call, over IPC and HTTP alike. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(inputs, name);
}
