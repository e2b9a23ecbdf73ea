// A document's annotations as columns, for opening a long document: 50,000
// annotations as objects are about 17.6 MB of JSON (every key, the document's
// id and the tag ids written 50,000 times), which the host writes and the page
// parses before the text can be shown. As columns, with repeated values (tag
// lists, authors) kept once and rare ones (attributes, a later update, a
// source range, an origin) listed only where present, they are about 40 % of
// that and parse several times faster. Encoded by the service, decoded (and
// checked, since it crosses a process boundary) by the renderer.

import type { Annotation } from './model';

export interface AnnotationColumns {
  documentId: string;
  ids: string[];
  starts: number[];
  ends: number[];
  quotes: string[];
  notes: string[];
  createdAt: string[];
  /** 1 for a detached annotation, 0 otherwise. */
  detached: number[];
  /** The distinct lists of tag ids; `tagList[i]` is annotation i's index in it. */
  tagLists: string[][];
  tagList: number[];
  /** The distinct authors; `author[i]` is annotation i's index in it. */
  authors: string[];
  author: number[];
  /** Only the annotations whose field is not the usual one, as [annotation index, value]: */
  /** updated after it was created (otherwise updatedAt is createdAt), */
  updatedAt: [number, string][];
  /** with attributes (otherwise {}), */
  attributes: [number, Record<string, string>][];
  /** of the source side, */
  sourceSide: number[];
  /** pointing to a source span, */
  sourceRanges: [number, number, number][];
  /** not made by hand. */
  origins: [number, string][];
}

/** Columns of `annotations`, all of one document, in their order. */
export function toColumns(documentId: string, annotations: readonly Annotation[]): AnnotationColumns {
  const c: AnnotationColumns = {
    documentId,
    ids: [],
    starts: [],
    ends: [],
    quotes: [],
    notes: [],
    createdAt: [],
    detached: [],
    tagLists: [],
    tagList: [],
    authors: [],
    author: [],
    updatedAt: [],
    attributes: [],
    sourceSide: [],
    sourceRanges: [],
    origins: [],
  };
  const tagListIndex = new Map<string, number>();
  const authorIndex = new Map<string, number>();
  const indexIn = <T>(index: Map<string, number>, table: T[], key: string, value: T) => {
    let at = index.get(key);
    if (at === undefined) {
      at = table.length;
      table.push(value);
      index.set(key, at);
    }
    return at;
  };
  annotations.forEach((a, i) => {
    c.ids.push(a.id);
    c.starts.push(a.start);
    c.ends.push(a.end);
    c.quotes.push(a.quote);
    c.notes.push(a.note);
    c.createdAt.push(a.createdAt);
    c.detached.push(a.detached ? 1 : 0);
    // Tag ids never hold a comma (contract ids are letters, digits, - and _).
    c.tagList.push(indexIn(tagListIndex, c.tagLists, a.tagIds.join(','), a.tagIds));
    c.author.push(indexIn(authorIndex, c.authors, a.author, a.author));
    if (a.updatedAt !== a.createdAt) c.updatedAt.push([i, a.updatedAt]);
    if (Object.keys(a.attributes).length > 0) c.attributes.push([i, a.attributes]);
    if (a.side === 'source') c.sourceSide.push(i);
    if (a.sourceRange) c.sourceRanges.push([i, a.sourceRange.start, a.sourceRange.end]);
    if (a.origin !== undefined) c.origins.push([i, a.origin]);
  });
  return c;
}

export class ColumnsError extends Error {
  constructor(what: string) {
    super(`the annotations' columns are malformed: ${what}`);
    this.name = 'ColumnsError';
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isOffset = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** The annotations the columns hold, each as the service's Annotation; throws ColumnsError when they are not well formed. */
export function fromColumns(value: unknown): Annotation[] {
  if (typeof value !== 'object' || value === null) throw new ColumnsError('not an object');
  const c = value as Record<string, unknown>;
  const documentId = c.documentId;
  if (!isString(documentId)) throw new ColumnsError('documentId');
  const ids = column(c, 'ids', isString);
  const n = ids.length;
  const starts = column(c, 'starts', isOffset, n);
  const ends = column(c, 'ends', isOffset, n);
  const quotes = column(c, 'quotes', isString, n);
  const notes = column(c, 'notes', isString, n);
  const createdAt = column(c, 'createdAt', isString, n);
  const detached = column(c, 'detached', (v): v is number => v === 0 || v === 1, n);
  const tagLists = column(c, 'tagLists', (v): v is string[] => Array.isArray(v) && v.every(isString));
  const tagList = column(c, 'tagList', (v): v is number => isOffset(v) && v < tagLists.length, n);
  const authors = column(c, 'authors', isString);
  const author = column(c, 'author', (v): v is number => isOffset(v) && v < authors.length, n);
  const at = (v: unknown): v is number => isOffset(v) && v < n;
  const updatedAt = column(c, 'updatedAt', (v): v is [number, string] => pair(v, 2) && at(v[0]) && isString(v[1]));
  const attributes = column(c, 'attributes', (v): v is [number, Record<string, string>] => pair(v, 2) && at(v[0]) && isStringRecord(v[1]));
  const sourceSide = column(c, 'sourceSide', at);
  const sourceRanges = column(c, 'sourceRanges', (v): v is [number, number, number] => pair(v, 3) && at(v[0]) && isOffset(v[1]) && isOffset(v[2]) && v[1] <= v[2]);
  const origins = column(c, 'origins', (v): v is [number, string] => pair(v, 2) && at(v[0]) && isString(v[1]));

  const annotations = new Array<Annotation>(n);
  for (let i = 0; i < n; i++) {
    if (ends[i]! < starts[i]!) throw new ColumnsError(`annotation ${i} ends before it starts`);
    annotations[i] = {
      id: ids[i]!,
      documentId,
      start: starts[i]!,
      end: ends[i]!,
      quote: quotes[i]!,
      // A copy each: an annotation's tags are its own to change.
      tagIds: tagLists[tagList[i]!]!.slice(),
      note: notes[i]!,
      attributes: {},
      author: authors[author[i]!]!,
      createdAt: createdAt[i]!,
      updatedAt: createdAt[i]!,
      detached: detached[i] === 1,
    };
  }
  for (const [i, time] of updatedAt) annotations[i]!.updatedAt = time;
  for (const [i, attrs] of attributes) annotations[i]!.attributes = { ...attrs };
  for (const i of sourceSide) annotations[i]!.side = 'source';
  for (const [i, start, end] of sourceRanges) annotations[i]!.sourceRange = { start, end };
  for (const [i, origin] of origins) annotations[i]!.origin = origin;
  return annotations;
}

function column<T>(c: Record<string, unknown>, name: string, ok: (v: unknown) => v is T, length?: number): T[] {
  const list = c[name];
  if (!Array.isArray(list)) throw new ColumnsError(`${name} is not a list`);
  if (length !== undefined && list.length !== length) throw new ColumnsError(`${name} has ${list.length} entries, not ${length}`);
  for (let i = 0; i < list.length; i++) if (!ok(list[i])) throw new ColumnsError(`${name}[${i}]`);
  return list as T[];
}

function pair(v: unknown, length: number): v is unknown[] {
  return Array.isArray(v) && v.length === length;
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isString);
}
