// Export and import as files: the workspace's records handed to a format's
// exporter, and files read by their formats' importers (see core/formats
// registry) into the store in one transaction. Shared by the api
// (transfer.export, transfer.import) and the command line.

import { randomUUID } from 'node:crypto';
import {
  exportAs,
  FormatError,
  groupFiles,
  importerOf,
  type FormatImportContext,
  type FormatIssue,
  type IncomingFile,
} from '../../core/formats';
import { exportBundle } from '../../store/export-bundle';
import { documentExists, getDocument } from '../../store/documents';
import { getSource } from '../../store/bilingual';
import { importUnits, type ImportUnit } from '../../store/import-bundle';
import { listRelationTypes } from '../../store/relations';
import { listTags } from '../../store/tags';
import type { Workspace } from '../../store/workspace';
import type { ExportFormat, ImportFormat, TransferExport, TransferImport } from '../common/contract';

/** One input file: its name (a base name is taken) and its bytes. */
export type { IncomingFile };

export interface ImportRequest {
  format: ImportFormat;
  /** The document W3C annotations go onto; without it, the one the file targets. */
  documentId?: string | undefined;
  /** Recorded on imported annotations whose file names no author. */
  author: string;
  now: string;
}

/** The documents (or all) in one format, as the files a user would save. */
export function exportFiles(workspace: Workspace, documentIds: readonly string[] | 'all', format: ExportFormat, exportedAt: string): TransferExport {
  try {
    return exportAs(format, exportBundle(workspace.db, documentIds), { all: documentIds === 'all', exportedAt });
  } catch (error) {
    // An exporter refusing what the store holds is a fault here, not in any file the user gave.
    if (error instanceof FormatError) throw new Error(`the workspace cannot be exported as ${format}: ${error.message}`, { cause: error });
    throw error;
  }
}

/**
 * Reads the files (brat's .txt and .ann as pairs) and writes everything in
 * one transaction. Throws a FormatError naming the file, the record and the
 * problem, with the workspace unchanged, for any file that cannot be imported.
 */
export async function importFiles(workspace: Workspace, files: readonly IncomingFile[], request: ImportRequest): Promise<TransferImport> {
  const newId = orderedIds();
  const context: FormatImportContext = {
    options: (file) => ({ file, tags: listTags(workspace.db), relationTypes: listRelationTypes(workspace.db), author: request.author, newId, now: () => request.now }),
    document: (file, json) => getDocument(workspace.db, request.documentId ?? targetDocument(workspace, file, json)),
    sourceText: (documentId) => getSource(workspace.db, documentId)?.text ?? null,
  };
  const units: ImportUnit[] = [];
  const issues: FormatIssue[] = [];
  const unanchored: FormatIssue[] = [];
  for (const group of groupFiles(files, request.format)) {
    const file = group.text === undefined ? group.file.name : `${group.text.name} + ${group.file.name}`;
    const imported = await importerOf(group.format)(group, context);
    if (imported.kind === 'documents') {
      units.push({ kind: 'documents', file, bundle: imported.bundle });
    } else {
      const { document } = imported;
      units.push({
        kind: 'annotations',
        file,
        documentId: document.id,
        text: document.text,
        sourceText: getSource(workspace.db, document.id)?.text ?? null,
        tags: imported.tags,
        annotations: imported.annotations,
        relations: imported.relations ?? [],
      });
      unanchored.push(...imported.unanchored);
    }
    issues.push(...imported.issues);
  }
  const report = importUnits(workspace, units, request.now);
  return { documentIds: report.documentIds, annotationCount: report.annotationCount, issues: [...issues, ...report.notes], unanchored };
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
  const known = [...ids].filter((id) => documentExists(workspace.db, id));
  if (known.length === 1) return known[0]!;
  throw new FormatError(
    { file },
    known.length === 0
      ? 'W3C annotations go onto an existing document, and this file targets none of this workspace’s documents: import it onto a document by its id'
      : `the annotations target ${known.length} documents of this workspace; import the file onto one document by its id`,
  );
}
