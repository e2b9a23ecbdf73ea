// The domain's value types, shared by every layer. Offsets are Unicode code
// point offsets into a document's current text, end exclusive.

/** Where an edit came from: typed by a person, a rule's fix, or a revert. */
export type EditOrigin = 'manual' | 'revert' | `rule:${string}`;

/** One change of a text, positions in code points of the text before it. */
export interface TextChange {
  start: number;
  end: number;
  inserted: string;
}

/** A stored edit: a change plus what it removed, who made it, when and why. */
export interface Edit extends TextChange {
  /** 1-based position in the document's edit history. */
  seq: number;
  removed: string;
  origin: EditOrigin;
  author: string;
  /** ISO 8601 time. */
  at: string;
}

/** Where a document stands in the work: set by the user; the first annotation or edit moves a new one to in progress. */
export const documentStatuses = ['new', 'in-progress', 'done'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];
/** How a status is written for people. */
export const STATUS_LABELS: Readonly<Record<DocumentStatus, string>> = { new: 'New', 'in-progress': 'In progress', done: 'Done' };

export interface DocumentSummary {
  id: string;
  title: string;
  sourceName: string | null;
  sha256: string;
  sourceLanguage: string | null;
  targetLanguage: string | null;
  createdAt: string;
  updatedAt: string;
  /** Length of the current text in code points. */
  length: number;
  editCount: number;
  annotationCount: number;
  /** Relations between its annotations; set by the workspace, absent in documents read from files. */
  relationCount?: number;
  /** Always set by the workspace; absent in documents read from files, which do not carry it. */
  status?: DocumentStatus;
}

export interface DocumentRecord extends DocumentSummary {
  originalText: string;
  text: string;
}

/** A document with its current text, without the original (a long document opens faster without it). */
export type CurrentDocument = Omit<DocumentRecord, 'originalText'>;

export interface Tag {
  id: string;
  name: string;
  /** CSS hex colour, `#rrggbb`. */
  color: string;
  parentId: string | null;
  /** Shortcut key `1`–`9`, or null. */
  key: string | null;
  description: string;
}

export interface Annotation {
  id: string;
  documentId: string;
  start: number;
  end: number;
  /** The annotated text; for a detached annotation, the last text it covered. */
  quote: string;
  tagIds: string[];
  note: string;
  attributes: Record<string, string>;
  author: string;
  createdAt: string;
  updatedAt: string;
  /** True once every character it covered was deleted. */
  detached: boolean;
  /** Present on an annotation of the document's source: then its range and quote are in the source text, which never changes. */
  side?: 'source';
  /** An annotation of the translation may point to the source span it concerns (code points of the source). */
  sourceRange?: { start: number; end: number };
  /** Where it came from when not made by hand: an accepted suggestion, `suggestion:<source>` (ANNOTATION_ORIGIN). */
  origin?: string;
}

export type FindingSeverity = 'error' | 'warning' | 'info';

/** An artifact a rule detected in a text. */
export interface Finding {
  rule: string;
  start: number;
  end: number;
  message: string;
  /** Text to put in place of [start, end), or null when only a human can fix it. */
  replacement: string | null;
  /** Whether the fix may be applied unattended ("fix all safe"). */
  safe: boolean;
  severity: FindingSeverity;
}

/**
 * A finding the user dismissed, known by its rule, its text and a little of
 * the text around it, so it stays dismissed while that text is unchanged.
 */
export interface Dismissal {
  rule: string;
  quote: string;
  before: string;
  after: string;
}

/** A document whose current text contains a searched string. */
export interface SearchHit {
  documentId: string;
  title: string;
  matchCount: number;
  /** The first few matches with some context, offsets in code points. */
  snippets: { start: number; end: number; before: string; match: string; after: string }[];
}
