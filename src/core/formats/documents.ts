// New documents made by importers of other tools' formats, which carry a
// text but none of Scholia's metadata.

import { sha256Hex } from '../hash';
import type { Annotation, DocumentRecord } from '../model';
import { codePointLength } from '../offsets';
import type { DocumentBundle, ImportContext } from './bundle';

export interface NewDocument {
  /** Id chosen beforehand, so annotations can refer to it. */
  id: string;
  title: string;
  sourceName: string | null;
  text: string;
}

/** A document with no edits yet (original text = current text) and its annotations. */
export async function newDocumentBundle(input: NewDocument, annotations: Annotation[], ctx: ImportContext): Promise<DocumentBundle> {
  const now = ctx.now();
  const document: DocumentRecord = {
    id: input.id,
    title: input.title,
    sourceName: input.sourceName,
    sha256: await sha256Hex(input.text),
    sourceLanguage: null,
    targetLanguage: null,
    createdAt: now,
    updatedAt: now,
    length: codePointLength(input.text),
    editCount: 0,
    annotationCount: annotations.length,
    originalText: input.text,
    text: input.text,
  };
  return { document, annotations, edits: [] };
}

/** `notes.final.txt` from `C:\work\notes.final.txt` or `/work/notes.final.txt`. */
export function baseName(fileName: string): string {
  // A name ending in a separator has no base name: it is kept whole rather than made empty.
  return fileName.split(/[\\/]/).pop() || fileName;
}

/** A title from a file name: its base name without the last extension. */
export function titleFromFileName(fileName: string): string {
  // Titles are shown as plain text: control characters from a file name have no place there.
  const base = baseName(fileName).replace(/\p{Cc}/gu, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
