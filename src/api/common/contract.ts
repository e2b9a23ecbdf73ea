// The one contract between renderer and backend: method names, their input
// schemas (validated at every boundary), their outputs and typed errors.
// Offsets are Unicode code point offsets, end exclusive.

import { z } from 'zod';
import type { FormatIssue } from '../../core/formats/errors';
import { exportFormatIds, importFormatIds } from '../../core/formats/format-list';
import { hasLoneSurrogate } from '../../core/offsets';
import type { Annotation, Dismissal, DocumentRecord, DocumentSummary, Edit, SearchHit, Tag } from '../../core/model';
import type { DocumentScorecard, Insights, WorkspaceScorecard } from '../../core/reports';
import type { MqmSettings } from '../../core/scorecard';
import { REPORT_FORMATS } from '../../core/report-files';

/** Largest text one call may carry, in UTF-16 units (about 16 MiB of text). */
export const MAX_TEXT_LENGTH = 16 * 1024 * 1024;
/** Base64 of the largest file accepted (decode.ts MAX_DOCUMENT_BYTES), plus slack. */
const MAX_BASE64_LENGTH = Math.ceil((16 * 1024 * 1024) / 3) * 4 + 4;
const MAX_NAME_LENGTH = 200;
const MAX_NOTE_LENGTH = 100_000;

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
const attributes = z.record(str().min(1).max(100), str().max(1000)).refine((a) => Object.keys(a).length <= 50, 'at most 50 attributes');
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
/** Which documents a workspace report covers (core/reports DocumentFilter); days are YYYY-MM-DD, UTC. */
const documentFilter = z
  .strictObject({ documentIds: z.array(id).min(1).max(10_000).optional(), tagId: id.optional(), from: z.iso.date().optional(), to: z.iso.date().optional() })
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, 'from must not be after to');
const multiplier = z.number().min(0).max(1_000_000);
const change = z.strictObject({ start: offset, end: offset, inserted: text }).refine((c) => c.end >= c.start, 'end must not be before start');

export const inputs = {
  'workspace.info': z.strictObject({}),
  'documents.list': z.strictObject({}),
  'documents.get': z.strictObject({ id }),
  'documents.importFile': z.strictObject({
    fileName,
    contentBase64: z.string().max(MAX_BASE64_LENGTH).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
  }),
  'documents.create': z.strictObject({ title: label(MAX_NAME_LENGTH), text: text.min(1) }),
  'documents.rename': z.strictObject({ id, title: label(MAX_NAME_LENGTH) }),
  'documents.delete': z.strictObject({ id }),
  'documents.search': z.strictObject({ query: str().min(1).max(1000), limit: z.number().int().min(1).max(500).default(50) }),
  'edits.list': z.strictObject({ documentId: id }),
  'edits.apply': z.strictObject({
    documentId: id,
    /** Number of edits the caller's text reflects; a mismatch is a conflict. */
    baseEditCount: z.number().int().min(0),
    changes: z.array(change).min(1).max(10_000),
    /** Who made the changes: a person, a rule's fix (`rule:<id>`), or a revert. */
    origin: z
      .string()
      .regex(/^(manual|revert|rule:[a-z0-9-]{1,60})$/, 'origin is manual, revert or rule:<id>')
      .default('manual'),
  }),
  'findings.dismissals': z.strictObject({ documentId: id }),
  'findings.dismiss': z.strictObject({ documentId: id, dismissal: dismissal }),
  'findings.restore': z.strictObject({ documentId: id, dismissal: dismissal }),
  'tags.list': z.strictObject({}),
  'tags.create': z.strictObject({
    name: label(100),
    color,
    parentId: id.nullable().default(null),
    key: tagKey.nullable().default(null),
    description: str().max(2000).default(''),
  }),
  'tags.update': z.strictObject({
    id,
    name: label(100).optional(),
    color: color.optional(),
    parentId: id.nullable().optional(),
    key: tagKey.nullable().optional(),
    description: str().max(2000).optional(),
  }),
  'tags.usage': z.strictObject({ id }),
  'tags.delete': z.strictObject({ id }),
  'tags.addTaxonomy': z.strictObject({ name: z.enum(['mqm']) }),
  'annotations.list': z.strictObject({ documentId: id }),
  'annotations.create': z
    .strictObject({
      id: id.optional(),
      documentId: id,
      start: offset,
      end: offset,
      tagIds: z.array(id).max(50).default([]),
      note: str().max(MAX_NOTE_LENGTH).default(''),
      attributes: attributes.default({}),
      /** When restoring (undo of a delete) the original times are kept. */
      createdAt: z.iso.datetime().optional(),
    })
    .refine((a) => a.end > a.start, 'an annotation covers at least one character'),
  'annotations.update': z.strictObject({
    id,
    tagIds: z.array(id).max(50).optional(),
    note: str().max(MAX_NOTE_LENGTH).optional(),
    attributes: attributes.optional(),
    /** Undoing a re-attach: detached again. */
    detach: z.literal(true).optional(),
    /** Re-attaching or moving: the new range. */
    range: z
      .strictObject({ start: offset, end: offset })
      .refine((r) => r.end > r.start, 'an annotation covers at least one character')
      .optional(),
  }),
  'annotations.delete': z.strictObject({ id }),
  'transfer.export': z
    .strictObject({ documentIds: z.array(id).min(1).max(10_000).optional(), all: z.literal(true).optional(), format: z.enum(exportFormats) })
    .refine((i) => (i.documentIds === undefined) !== (i.all === undefined), 'give either documentIds or all: true'),
  'transfer.import': z.strictObject({
    files: z
      .array(z.strictObject({ name: fileName, contentBase64: z.string().max(MAX_BASE64_LENGTH).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64') }))
      .min(1)
      .max(1000),
    format: z.enum(importFormats).default('auto'),
    /** The document W3C annotations go onto (default: the one the file targets). */
    documentId: id.optional(),
  }),
  'reports.scorecard': z.strictObject({ documentId: id }),
  'reports.workspace': documentFilter,
  'reports.insights': documentFilter,
  'reports.export': z
    .strictObject({ documentIds: z.array(id).min(1).max(10_000).optional(), all: z.literal(true).optional(), format: z.enum(REPORT_FORMATS) })
    .refine((i) => (i.documentIds === undefined) !== (i.all === undefined), 'give either documentIds or all: true'),
  'settings.mqm.get': z.strictObject({}),
  'settings.mqm.set': z.strictObject({
    multipliers: z.strictObject({ neutral: multiplier, minor: multiplier, major: multiplier, critical: multiplier }),
    /** Lowest quality score that passes. */
    threshold: z.number().min(0).max(100),
  }),
} as const;

export interface TransferExport {
  /** Plain names (no folders), one per file to save; brat gives a .txt and an .ann per document. */
  files: { name: string; content: string }[];
  /** What the format could not hold and left out. */
  omitted: FormatIssue[];
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
  'documents.importFile': DocumentSummary;
  'documents.create': DocumentSummary;
  'documents.rename': DocumentSummary;
  'documents.delete': { deleted: true };
  'documents.search': SearchHit[];
  'edits.list': Edit[];
  'edits.apply': EditsApplied;
  'findings.dismissals': Dismissal[];
  'findings.dismiss': { dismissed: true };
  'findings.restore': { restored: boolean };
  'tags.list': Tag[];
  'tags.create': Tag;
  'tags.update': Tag;
  'tags.usage': { annotationCount: number };
  'tags.delete': { deleted: true; annotationCount: number };
  'tags.addTaxonomy': { added: Tag[] };
  'annotations.list': Annotation[];
  'annotations.create': Annotation;
  'annotations.update': Annotation;
  'annotations.delete': { deleted: true };
  'transfer.export': TransferExport;
  'transfer.import': TransferImport;
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
