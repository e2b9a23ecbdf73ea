// Whether a native file about to be written has the format's shape
// (native-schema.ts). Parsing with zod walks and copies every record, about
// 2 µs an annotation, which is most of the check on a long document; so the
// records there are many of (annotations, edits, relations) are checked here
// by hand against the same rules, and zod checks the rest of the file. A file
// the hand check doubts is parsed whole by zod, whose error names the problem:
// the hand check may only be stricter than zod, never laxer (a property test
// holds it to that).

import type { z } from 'zod';
import { ANNOTATION_ORIGIN } from '../limits';
import { nativeFileSchema, RULE_ORIGIN, TIME_PATTERN, type NativeAnnotation, type NativeEdit, type NativeFile, type NativeRelation } from './native-schema';

/** Why `file` is not a native file, or undefined when it is one. */
export function nativeShapeError(file: NativeFile): z.ZodError | undefined {
  if (recordsFit(file) && nativeFileSchema.safeParse(withoutRecords(file)).success) return undefined;
  const parsed = nativeFileSchema.safeParse(file);
  return parsed.success ? undefined : parsed.error;
}

/** Every annotation, edit and relation of the file passes the hand check. */
export function recordsFit(file: NativeFile): boolean {
  const times = new Set<string>();
  return file.documents.every(
    (d) =>
      d.annotations.every((a) => annotationFits(a, times)) &&
      d.edits.every((e) => editFits(e, times)) &&
      (d.relations ?? []).every((r) => relationFits(r, times)) &&
      (d.source?.annotations ?? []).every((a) => annotationFits(a, times)),
  );
}

/** The file with its lists of records emptied, for zod to check what remains. */
function withoutRecords(file: NativeFile): NativeFile {
  return {
    ...file,
    documents: file.documents.map((d) => ({
      ...d,
      annotations: [],
      edits: [],
      ...(d.relations && { relations: [] }),
      ...(d.source && { source: { ...d.source, ...(d.source.annotations && { annotations: [] }) } }),
    })),
  };
}

function annotationFits(a: NativeAnnotation, times: Set<string>): boolean {
  return (
    isRecord(a) &&
    isId(a.id) &&
    isOffset(a.start) &&
    isOffset(a.end) &&
    typeof a.quote === 'string' &&
    Array.isArray(a.tags) &&
    a.tags.every((t) => typeof t === 'string') &&
    (a.tagIds === undefined || (Array.isArray(a.tagIds) && a.tagIds.every(isId))) &&
    typeof a.note === 'string' &&
    isStringRecord(a.attributes) &&
    typeof a.author === 'string' &&
    isTime(a.createdAt, times) &&
    isTime(a.updatedAt, times) &&
    typeof a.detached === 'boolean' &&
    (a.sourceRange === undefined || (isRecord(a.sourceRange) && isOffset(a.sourceRange.start) && isOffset(a.sourceRange.end))) &&
    (a.origin === undefined || (typeof a.origin === 'string' && ANNOTATION_ORIGIN.test(a.origin)))
  );
}

function editFits(e: NativeEdit, times: Set<string>): boolean {
  const origin: unknown = e.origin;
  return (
    isRecord(e) &&
    isOffset(e.start) &&
    isOffset(e.end) &&
    typeof e.removed === 'string' &&
    typeof e.inserted === 'string' &&
    (origin === 'manual' || origin === 'revert' || (typeof origin === 'string' && RULE_ORIGIN.test(origin))) &&
    typeof e.author === 'string' &&
    isTime(e.at, times)
  );
}

function relationFits(r: NativeRelation, times: Set<string>): boolean {
  return (
    isRecord(r) &&
    isId(r.id) &&
    isId(r.source) &&
    isId(r.target) &&
    isId(r.type) &&
    typeof r.note === 'string' &&
    isStringRecord(r.attributes) &&
    typeof r.author === 'string' &&
    isTime(r.createdAt, times) &&
    isTime(r.updatedAt, times)
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plain object of strings, as z.record(z.string(), z.string()) takes. */
function isStringRecord(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Reflect.ownKeys(value).every((key) => typeof key === 'string' && typeof value[key] === 'string');
}

function isId(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

function isOffset(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Times repeat (an import, a session's edits), so each one is matched once. */
function isTime(value: unknown, seen: Set<string>): boolean {
  if (typeof value !== 'string') return false;
  if (seen.has(value)) return true;
  if (!TIME_PATTERN.test(value)) return false;
  seen.add(value);
  return true;
}
