// What a format module provides besides its facts in format-list.ts: how to
// recognise its files, read them and write a workspace as files. The
// registry (registry.ts) holds one of these per format.

import { decodeText } from '../decode';
import type { Annotation, DocumentRecord, Tag } from '../model';
import type { Relation } from '../relations';
import type { ImportedBundle, ImportOptions, WorkspaceExport } from './bundle';
import { FormatError, type FormatIssue } from './errors';

/** One file as a user gives it: its name (a base name) and its bytes. */
export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

/** A file as detection sees it. */
export interface Sniffed {
  /** The last extension, lower case, without dot ('' if none). */
  extension: string;
  /** The start of the text, without BOM; undefined if the file is not text. */
  head: string | undefined;
  /** Whether the text goes on after `head` (its last line may be cut). */
  truncated: boolean;
  /** Whether `head` starts like JSON, with `[` or `{`. */
  json: boolean;
  /** The first line parsed as JSON, if `json` and it parses. */
  firstRecord: unknown;
}

/**
 * What makes a format claim a file, strongest first: its name alone decides
 * (.ann), a signature only it writes, the shape of its records, a mention of
 * its vocabulary, its usual extension. The strongest claim wins; between
 * equal claims the registry's order decides.
 */
export const evidence = ['name', 'signature', 'shape', 'mention', 'extension'] as const;
export type Evidence = (typeof evidence)[number];

export interface ExportContext {
  /** A name (no extension) for one file that holds everything exported. */
  stem: string;
  /** The title of the one document exported, if it is one. */
  title: string | undefined;
  exportedAt: string;
}

/** Files to save, and what the format could not hold. */
export interface ExportedFiles {
  /** Plain names (no folders). */
  files: { name: string; content: string }[];
  omitted: FormatIssue[];
}

/** The file to import; for a standoff format the annotations file, with its text file. */
export interface ImportSource {
  file: IncomingFile;
  text?: IncomingFile;
  /** For a pair of texts: the source-language file that goes with `file`, the translation. */
  source?: IncomingFile;
}

export interface FormatImportContext {
  /** Options for a file's importer: its name, the workspace's tags, the author, ids and time. */
  options(file: string): ImportOptions;
  /** The document a file of annotations only goes onto: the one asked for, else the one the file names. */
  document(file: string, text: string): DocumentRecord;
  /** The text a document was translated from, if it has one (annotations may target it). */
  sourceText?(documentId: string): string | null;
}

/** New documents, or annotations onto an existing one; `issues` name their file. */
export type ImportedFile =
  | { kind: 'documents'; bundle: ImportedBundle; issues: FormatIssue[] }
  | { kind: 'annotations'; document: DocumentRecord; tags: Tag[]; annotations: Annotation[]; relations?: Relation[]; issues: FormatIssue[]; unanchored: FormatIssue[] };

export interface FormatCodec {
  /** How strongly a file looks like this format, or undefined if it does not. */
  detect(file: Sniffed): Evidence | undefined;
  import?(source: ImportSource, context: FormatImportContext): Promise<ImportedFile>;
  export?(workspace: WorkspaceExport, context: ExportContext): ExportedFiles;
}

/** Annotation files may hold a whole workspace, so they get more room than one document's text. */
export const MAX_ANNOTATION_FILE_BYTES = 64 * 1024 * 1024;

/** A file's text (UTF-8, or UTF-16 with BOM), or a FormatError saying why it is not text. */
export function fileText(file: IncomingFile, maxBytes = MAX_ANNOTATION_FILE_BYTES): string {
  const decoded = decodeText(file.bytes, maxBytes);
  if (!decoded.ok) throw new FormatError({ file: file.name }, decoded.error.message);
  return decoded.text;
}

/** Issues with their file's name in front, unless they already start with it. */
export function inFile(file: string, issues: readonly FormatIssue[]): FormatIssue[] {
  return issues.map((i) => (i.record.startsWith(file) ? i : { ...i, record: `${file}: ${i.record}` }));
}
