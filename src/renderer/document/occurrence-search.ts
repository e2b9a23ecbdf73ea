// "Annotate every occurrence": the occurrences of a text in this document or
// in all of them, each with its context, for the preview to list and the user
// to untick. Matching is core's (core/occurrences.ts); ranges already
// annotated with the same tags are left out.

import type { ApiClient } from '../../api/common/client';
import type { Annotation } from '../../core/model';
import { occurrencesToAnnotate, type OccurrenceOptions } from '../../core/occurrences';
import { CodePointIndex } from '../../core/offsets';

export const occurrenceModes = [
  { id: 'exact', label: 'Exact' },
  { id: 'ignore-case', label: 'Ignore case' },
  { id: 'whole-words', label: 'Whole words' },
] as const;
export type OccurrenceMode = (typeof occurrenceModes)[number]['id'];
export type OccurrenceScope = 'document' | 'all';

export function optionsOf(mode: OccurrenceMode): OccurrenceOptions {
  return { ignoreCase: mode === 'ignore-case', wholeWord: mode === 'whole-words' };
}

/** One occurrence as the preview lists it. */
export interface FoundOccurrence {
  /** Unique in one search: document and range. */
  key: string;
  documentId: string;
  documentTitle: string;
  /** The version of the document's text the range is on. */
  baseEditCount: number;
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
}

/** A document to search: its current text, version and annotations (code points). */
export interface SearchedDocument {
  id: string;
  title: string;
  text: string;
  editCount: number;
  annotations: readonly Pick<Annotation, 'start' | 'end' | 'tagIds' | 'detached'>[];
}

/** How many characters of context each side of a match. */
const CONTEXT = 40;

/** The occurrences of `needle` in one document that do not carry `tagIds` yet, with their context on one line. */
export function occurrencesIn(document: SearchedDocument, needle: string, tagIds: readonly string[], mode: OccurrenceMode): FoundOccurrence[] {
  const index = new CodePointIndex(document.text);
  const oneLine = (s: string) => s.replace(/\s+/g, ' ');
  return occurrencesToAnnotate(document.text, needle, tagIds, document.annotations, optionsOf(mode)).map(({ start, end }) => {
    const from = index.toUtf16(start);
    const to = index.toUtf16(end);
    const before = oneLine(document.text.slice(Math.max(0, from - CONTEXT), from));
    const after = oneLine(document.text.slice(to, to + CONTEXT));
    return {
      key: `${document.id}:${start}:${end}`,
      documentId: document.id,
      documentTitle: document.title,
      baseEditCount: document.editCount,
      start,
      end,
      // Context cut in the middle of a surrogate pair would show half a character.
      before: before.replace(/^[\uDC00-\uDFFF]/, ''),
      match: document.text.slice(from, to),
      after: after.replace(/[\uD800-\uDBFF]$/, ''),
    };
  });
}

/** The other documents of the workspace, as stored (their texts, versions and annotations). */
export async function otherDocuments(client: ApiClient, exceptId: string): Promise<SearchedDocument[]> {
  const summaries = (await client.call('documents.list', {})).filter((d) => d.id !== exceptId);
  return Promise.all(
    summaries.map(async (summary) => {
      const [document, annotations] = await Promise.all([client.call('documents.get', { id: summary.id }), client.call('annotations.list', { documentId: summary.id })]);
      return { id: document.id, title: document.title, text: document.text, editCount: document.editCount, annotations };
    }),
  );
}
