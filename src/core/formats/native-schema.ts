// The shape of a native file (format "scholia-annotations", versions 1 and 2), as
// zod schemas. resources/scholia-annotations.schema.json describes the same
// shape for other tools; tests hold exports against both. Unknown keys are
// ignored, so a later 2.x may add keys without breaking this reader.
// Version 2 added relation types and relations; a version 1 file (which has
// neither) still imports.

import { z } from 'zod';
import { ANNOTATION_ORIGIN } from '../limits';

export const NATIVE_FORMAT = 'scholia-annotations';
/** The newest version this build reads. Version 2 adds relations, relation types and a document's `source`. */
export const NATIVE_VERSION = 2;

const time = z.iso.datetime({ offset: true });
/** What `time` accepts, as a pattern (native-shape.ts checks records with it). */
export const TIME_PATTERN = z.regexes.datetime({ offset: true });
/** An edit made by a rule: `rule:<rule id>`. */
export const RULE_ORIGIN = /^rule:.+$/;
const offset = z.number().int().min(0);
const span = z.object({ start: offset, end: offset });
const id = z.string().min(1);

const nativeTagSchema = z.object({
  id,
  name: z.string().min(1),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour #rrggbb'),
  parent: id.nullable(),
  key: z.string().regex(/^[1-9]$/, 'must be a digit 1–9').nullable(),
  description: z.string(),
});

const nativeAnnotationSchema = z.object({
  id,
  start: offset,
  end: offset,
  quote: z.string(),
  tags: z.array(z.string()),
  tagIds: z.array(id).optional(),
  note: z.string(),
  attributes: z.record(z.string(), z.string()),
  author: z.string(),
  createdAt: time,
  updatedAt: time,
  detached: z.boolean(),
  /** Version 2.1: on an annotation of the text, the source span it concerns (code points of source.text). */
  sourceRange: span.optional(),
  /** Written only for an annotation not made by hand (an accepted suggestion). */
  origin: z.string().regex(ANNOTATION_ORIGIN, 'must be suggestion:<source>').optional(),
});

const nativeRelationTypeSchema = z.object({
  id,
  name: z.string().min(1),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour #rrggbb'),
  key: z.string().regex(/^[0-9a-zA-Z]$/, 'must be one letter or digit').nullable(),
  description: z.string(),
  /** Tag ids a source must carry one of; null for any. */
  sourceTagIds: z.array(id).nullable(),
  targetTagIds: z.array(id).nullable(),
});

const nativeRelationSchema = z.object({
  id,
  /** Annotation ids in the same document. */
  source: id,
  target: id,
  /** A relation type id. */
  type: id,
  note: z.string(),
  attributes: z.record(z.string(), z.string()),
  author: z.string(),
  createdAt: time,
  updatedAt: time,
});

const nativeEditSchema = z.object({
  start: offset,
  end: offset,
  removed: z.string(),
  inserted: z.string(),
  origin: z.union([z.literal('manual'), z.literal('revert'), z.custom<`rule:${string}`>((v) => typeof v === 'string' && RULE_ORIGIN.test(v))], {
    error: 'must be "manual", "revert" or "rule:<rule id>"',
  }),
  author: z.string(),
  at: time,
});

/** Version 2: the text a document was translated from, its language and the sentence alignment. */
const nativeSourceSchema = z.object({
  text: z.string().min(1),
  language: z.string().regex(/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/, 'must be a language tag (BCP 47)'),
  alignment: z.array(z.object({ source: span.nullable(), translation: span.nullable() })),
  /** The XLIFF file the document came from, kept whole for writing back. */
  exchange: z.object({ format: z.literal('xliff'), text: z.string() }).nullable(),
  /** Version 2.1: annotations of the source text (offsets and quotes in `text`); absent means none. */
  annotations: z.array(nativeAnnotationSchema).optional(),
});

const nativeDocumentSchema = z.object({
  id,
  title: z.string(),
  sourceName: z.string().nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
  sourceLanguage: z.string().nullable(),
  targetLanguage: z.string().nullable(),
  createdAt: time,
  updatedAt: time,
  originalText: z.string(),
  text: z.string(),
  annotations: z.array(nativeAnnotationSchema),
  edits: z.array(nativeEditSchema),
  // Absent in version 1 files.
  relations: z.array(nativeRelationSchema).optional(),
  source: nativeSourceSchema.optional(),
});

export const nativeFileSchema = z.object({
  format: z.literal(NATIVE_FORMAT),
  version: z.union([z.literal(1), z.literal(NATIVE_VERSION)]),
  exportedAt: time,
  tags: z.array(nativeTagSchema),
  // Absent in version 1 files.
  relationTypes: z.array(nativeRelationTypeSchema).optional(),
  documents: z.array(nativeDocumentSchema),
});

export type NativeFile = z.infer<typeof nativeFileSchema>;
export type NativeTag = z.infer<typeof nativeTagSchema>;
export type NativeDocument = z.infer<typeof nativeDocumentSchema>;
export type NativeAnnotation = z.infer<typeof nativeAnnotationSchema>;
export type NativeEdit = z.infer<typeof nativeEditSchema>;
export type NativeRelationType = z.infer<typeof nativeRelationTypeSchema>;
export type NativeRelation = z.infer<typeof nativeRelationSchema>;
export type NativeSource = z.infer<typeof nativeSourceSchema>;
