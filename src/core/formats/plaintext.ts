// Plain text: the corrected text out, a new document in.

import { decodeText, MAX_DOCUMENT_BYTES } from '../decode';
import type { DocumentRecord } from '../model';
import { importContext, type ImportedBundle, type ImportOptions } from './bundle';
import { firstLineTitle, titleForImport } from '../titles';
import { baseName, newDocumentBundle } from './documents';
import { FormatError } from './errors';
import { fileStem, uniqueName } from './file-names';
import { fileText, type FormatCodec } from './format';

/** The document's current text, exactly: line ends and surrounding whitespace kept. */
export function exportPlainText(document: DocumentRecord): string {
  return document.text;
}

/**
 * A file's bytes as one new document, titled after the file. Binary files,
 * invalid UTF-8, empty and oversized files throw a FormatError saying why.
 */
export async function importPlainText(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportedBundle> {
  const ctx = importContext(options);
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    const record = decoded.error.byteOffset === undefined ? undefined : `byte ${decoded.error.byteOffset}`;
    throw new FormatError({ file: ctx.file, record }, decoded.error.message);
  }
  const name = ctx.file === undefined ? undefined : baseName(ctx.file);
  const document = await newDocumentBundle(
    { id: ctx.newId(), title: name === undefined ? (firstLineTitle(decoded.text) ?? 'Untitled') : titleForImport(name, decoded.text), sourceName: name ?? null, text: decoded.text },
    [],
    ctx,
  );
  return { tags: [], documents: [document] };
}

/** Any file no other format claims: see FALLBACK_FORMAT. */
export const plainTextFormat: FormatCodec = {
  detect: () => undefined,
  import: async ({ file }, context) => {
    // Decoded first for the message documents.importFile gives: the file and why, the byte offset in the why.
    fileText(file, MAX_DOCUMENT_BYTES);
    return { kind: 'documents', bundle: await importPlainText(file.bytes, context.options(file.name)), issues: [] };
  },
  export: (workspace) => {
    const taken = new Set<string>();
    const files = workspace.documents.map(({ document }) => ({ name: `${uniqueName(fileStem(document.title) || 'document', taken)}.txt`, content: exportPlainText(document) }));
    return { files, omitted: [] };
  },
};
