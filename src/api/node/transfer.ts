// Export and import as files: which exporter or importer a request needs, what
// the files are called, and brat's .txt/.ann pairs. Shared by the api
// (transfer.export, transfer.import) and the command line.

import { randomUUID } from 'node:crypto';
import { decodeText, MAX_DOCUMENT_BYTES } from '../../core/decode';
import {
  detectFormat,
  exportBrat,
  exportDoccano,
  exportNative,
  exportPlainText,
  exportW3C,
  FormatError,
  importBrat,
  importDoccano,
  importNative,
  importPlainText,
  importW3C,
  type FormatIssue,
  type ImportOptions,
  type WorkspaceExport,
  fileStem,
  uniqueName,
} from '../../core/formats';
import { exportBundle } from '../../store/export-bundle';
import { getDocument } from '../../store/documents';
import { importUnits, type ImportUnit } from '../../store/import-bundle';
import { listTags } from '../../store/tags';
import type { Workspace } from '../../store/workspace';
import type { ExportFormat, ImportFormat, TransferExport, TransferImport } from '../common/contract';

/** One input file: its name (a base name is taken) and its bytes. */
export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportRequest {
  format: ImportFormat;
  /** The document W3C annotations go onto; without it, the one the file targets. */
  documentId?: string | undefined;
  /** Recorded on imported annotations whose file names no author. */
  author: string;
  now: string;
}

/** Annotation files may hold a whole workspace, so they get more room than one document's text. */
const MAX_ANNOTATION_FILE_BYTES = 64 * 1024 * 1024;

/** The documents (or all) in one format, as the files a user would save. */
export function exportFiles(workspace: Workspace, documentIds: readonly string[] | 'all', format: ExportFormat, exportedAt: string): TransferExport {
  try {
    return writeFiles(exportBundle(workspace.db, documentIds), documentIds === 'all', format, exportedAt);
  } catch (error) {
    // An exporter refusing what the store holds is a fault here, not in any file the user gave.
    if (error instanceof FormatError) throw new Error(`the workspace cannot be exported as ${format}: ${error.message}`, { cause: error });
    throw error;
  }
}

function writeFiles(bundle: WorkspaceExport, all: boolean, format: ExportFormat, exportedAt: string): TransferExport {
  const only = bundle.documents.length === 1 ? bundle.documents[0]!.document.title : undefined;
  const stem = (only !== undefined ? fileStem(only) : '') || (all ? 'scholia-workspace' : 'scholia-export');
  switch (format) {
    case 'native':
      return { files: [{ name: `${stem}.scholia.json`, content: exportNative(bundle, { exportedAt }) }], omitted: [] };
    case 'w3c': {
      const { output, omitted } = exportW3C(bundle, { label: only ?? 'Scholia annotations' });
      return { files: [{ name: `${stem}.jsonld`, content: output }], omitted };
    }
    case 'doccano': {
      const { output, omitted } = exportDoccano(bundle);
      return { files: [{ name: `${stem}.jsonl`, content: output }], omitted };
    }
    case 'brat': {
      const { output, omitted } = exportBrat(bundle);
      return { files: output.flatMap((f) => [{ name: `${f.name}.txt`, content: f.txt }, { name: `${f.name}.ann`, content: f.ann }]), omitted };
    }
    case 'text': {
      const taken = new Set<string>();
      const files = bundle.documents.map(({ document }) => ({ name: `${uniqueName(fileStem(document.title) || 'document', taken)}.txt`, content: exportPlainText(document) }));
      return { files, omitted: [] };
    }
  }
}

/**
 * Reads the files (brat's .txt and .ann as pairs) and writes everything in
 * one transaction. Throws a FormatError naming the file, the record and the
 * problem, with the workspace unchanged, for any file that cannot be imported.
 */
export async function importFiles(workspace: Workspace, files: readonly IncomingFile[], request: ImportRequest): Promise<TransferImport> {
  const newId = orderedIds();
  const options = (file: string): ImportOptions => ({ file, tags: listTags(workspace.db), author: request.author, newId, now: () => request.now });
  const units: ImportUnit[] = [];
  const issues: FormatIssue[] = [];
  const unanchored: FormatIssue[] = [];
  const inFile = (file: string, list: readonly FormatIssue[]) => list.map((i) => (i.record.startsWith(file) ? i : { ...i, record: `${file}: ${i.record}` }));
  for (const group of groupFiles(files, request.format)) {
    if (group.format === 'brat') {
      const { txt, ann, stem } = group;
      // brat writes an empty .ann for a document without annotations.
      const annText = ann.bytes.length === 0 ? '' : annotationText(ann);
      const result = await importBrat([{ name: stem, txt: txt.bytes, ann: annText }], options(ann.name));
      units.push({ kind: 'documents', file: `${txt.name} + ${ann.name}`, bundle: result.bundle });
      issues.push(...result.issues);
      continue;
    }
    const { file, format } = group;
    switch (format) {
      case 'text':
        // Decoded first for the message documents.importFile gives: the file and why, the byte offset in the why.
        textOf(file, MAX_DOCUMENT_BYTES);
        units.push({ kind: 'documents', file: file.name, bundle: await importPlainText(file.bytes, options(file.name)) });
        break;
      case 'native':
        units.push({ kind: 'documents', file: file.name, bundle: importNative(annotationText(file), { file: file.name }) });
        break;
      case 'doccano': {
        const result = await importDoccano(annotationText(file), options(file.name));
        units.push({ kind: 'documents', file: file.name, bundle: result.bundle });
        issues.push(...inFile(file.name, result.issues));
        break;
      }
      case 'w3c': {
        const json = annotationText(file);
        const document = getDocument(workspace.db, request.documentId ?? targetDocument(workspace, file.name, json));
        const result = importW3C(json, document, options(file.name));
        units.push({ kind: 'annotations', file: file.name, documentId: document.id, text: document.text, tags: result.tags, annotations: result.annotations });
        issues.push(...inFile(file.name, result.issues));
        unanchored.push(...inFile(file.name, result.unanchored));
        break;
      }
    }
  }
  const report = importUnits(workspace, units, request.now);
  return { documentIds: report.documentIds, annotationCount: report.annotationCount, issues: [...issues, ...report.notes], unanchored };
}

type FileGroup =
  | { format: Exclude<ImportFormat, 'auto' | 'brat'>; file: IncomingFile }
  | { format: 'brat'; stem: string; txt: IncomingFile; ann: IncomingFile };

/**
 * Each file with its format; a brat .ann with the .txt of the same name.
 * With format auto, a .txt goes with a brat .ann of its name, else it is plain text.
 */
function groupFiles(files: readonly IncomingFile[], format: ImportFormat): FileGroup[] {
  const named = files.map((f) => ({ name: baseName(f.name), bytes: f.bytes }));
  const formatOf = (file: IncomingFile) => {
    if (format !== 'auto') return format;
    const detected = detectFormat(file.name, file.bytes);
    return detected === 'plaintext' ? 'text' : detected;
  };
  const formats = named.map(formatOf);
  const annotations = new Map<string, IncomingFile>();
  const texts = new Map<string, IncomingFile>();
  named.forEach((file, i) => {
    if (formats[i] !== 'brat' && !(format === 'auto' && /\.txt$/i.test(file.name))) return;
    const stem = stemOf(file.name);
    const side = /\.txt$/i.test(file.name) ? texts : annotations;
    if (side.has(stem)) throw new FormatError({ file: file.name }, `${side.get(stem)!.name} has the same name: which one goes with ${stem}'s brat pair is unclear`);
    side.set(stem, file);
  });
  const groups: FileGroup[] = [];
  const paired = new Set<IncomingFile>();
  for (const [stem, ann] of annotations) {
    const txt = texts.get(stem);
    if (txt === undefined) throw new FormatError({ file: ann.name }, `brat annotations need their text: ${stem}.txt was not given with them`);
    groups.push({ format: 'brat', stem, txt, ann });
    paired.add(txt).add(ann);
  }
  named.forEach((file, i) => {
    if (paired.has(file)) return;
    const f = formats[i]!;
    if (f === 'brat') throw new FormatError({ file: file.name }, `brat text needs its annotations: ${stemOf(file.name)}.ann was not given with it`);
    groups.push({ format: f, file });
  });
  return groups;
}

/**
 * Random UUIDs (version 7 layout) that sort in the order they are made.
 * Documents read from one file share a creation time, and exports order such
 * documents by id: so they keep the order they had in the file.
 */
function orderedIds(): () => string {
  const time = Date.now().toString(16).padStart(12, '0');
  let count = 0;
  return () => {
    const c = (count++ % 0x1000000).toString(16).padStart(6, '0');
    return `${time.slice(0, 8)}-${time.slice(8)}-7${c.slice(0, 3)}-8${c.slice(3)}-${randomUUID().slice(24)}`;
  };
}

/** An annotation file's text (UTF-8 or UTF-16 with BOM), or why it is not text. */
function annotationText(file: IncomingFile): string {
  return textOf(file, MAX_ANNOTATION_FILE_BYTES);
}

function textOf(file: IncomingFile, maxBytes: number): string {
  const decoded = decodeText(file.bytes, maxBytes);
  if (!decoded.ok) throw new FormatError({ file: file.name }, decoded.error.message);
  return decoded.text;
}

/** The one Scholia document a W3C file targets (Scholia's exports name it by IRI). */
function targetDocument(workspace: Workspace, file: string, json: string): string {
  const ids = new Set<string>();
  for (const match of json.matchAll(/"urn:scholia:document:([^"]+)"/g)) {
    try {
      ids.add(decodeURIComponent(match[1]!));
    } catch {
      // Not one of ours: it names no document here.
    }
  }
  const known = [...ids].filter((id) => workspace.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id) !== undefined);
  if (known.length === 1) return known[0]!;
  throw new FormatError(
    { file },
    known.length === 0
      ? 'W3C annotations go onto an existing document, and this file targets none of this workspace’s documents: import it onto a document by its id'
      : `the annotations target ${known.length} documents of this workspace; import the file onto one document by its id`,
  );
}

/** `notes.final.txt` from `C:\work\notes.final.txt` or `/work/notes.final.txt`. */
function baseName(name: string): string {
  return name.split(/[\\/]/).pop() || name;
}

/** The name without its last extension. */
function stemOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

