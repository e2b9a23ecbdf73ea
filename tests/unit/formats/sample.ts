// Builders for workspaces in format tests: documents whose edits and quotes
// are computed from the text, so every sample keeps the invariants.

import { applyChange } from '../../../src/core/edits';
import type { Annotation, DocumentRecord, Edit, Tag, TextChange } from '../../../src/core/model';
import { codePointLength, CodePointIndex, sliceCodePoints } from '../../../src/core/offsets';
import type { DocumentBundle, WorkspaceExport } from '../../../src/core/formats/bundle';

export const T0 = '2024-05-01T09:00:00.000Z';
export const T1 = '2024-05-02T10:30:00.000Z';

/** Ids id-0001, id-0002, ... so imports are deterministic. */
export function counter(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(4, '0')}`;
}

export function tag(id: string, name: string, parentId: string | null = null, extra: Partial<Tag> = {}): Tag {
  return { id, name, color: '#336699', parentId, key: null, description: '', ...extra };
}

export function documentRecord(id: string, originalText: string, changes: readonly TextChange[] = [], extra: Partial<DocumentRecord> = {}): { document: DocumentRecord; edits: Edit[] } {
  let text = originalText;
  const edits = changes.map((change, i): Edit => {
    const { text: next, removed } = applyChange(text, change);
    text = next;
    return { ...change, seq: i + 1, removed, origin: i % 2 === 0 ? 'manual' : 'rule:double-space', author: 'ed', at: T1 };
  });
  const document: DocumentRecord = {
    id,
    title: `Document ${id}`,
    sourceName: `${id}.txt`,
    sha256: 'a'.repeat(64),
    sourceLanguage: 'zh',
    targetLanguage: 'en',
    createdAt: T0,
    updatedAt: T1,
    length: codePointLength(text),
    editCount: edits.length,
    annotationCount: 0,
    originalText,
    text,
    ...extra,
  };
  return { document, edits };
}

/** An annotation over [start, end) of the document's current text (code points). */
export function span(document: DocumentRecord, id: string, start: number, end: number, tagIds: string[], extra: Partial<Annotation> = {}): Annotation {
  return {
    id,
    documentId: document.id,
    start,
    end,
    quote: sliceCodePoints(document.text, start, end),
    tagIds,
    note: '',
    attributes: {},
    author: 'ana',
    createdAt: T0,
    updatedAt: T1,
    detached: false,
    ...extra,
  };
}

/** Code point range of the `nth` occurrence of `quote` in `text`. */
export function find(text: string, quote: string, nth = 0): [number, number] {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`${quote} not found`);
  }
  const index = new CodePointIndex(text);
  return [index.toCodePoint(at), index.toCodePoint(at + quote.length)];
}

export function bundle(doc: { document: DocumentRecord; edits: Edit[] }, annotations: Annotation[]): DocumentBundle {
  return { document: { ...doc.document, annotationCount: annotations.length }, annotations, edits: doc.edits };
}

/**
 * Two documents: emoji, astral CJK, CRLF line ends, trailing whitespace,
 * overlapping annotations, a hierarchy of tags, notes, attributes, edits and
 * a detached annotation.
 */
export function sampleWorkspace(): WorkspaceExport {
  const tags = [
    tag('t-entity', 'Entity'),
    tag('t-person', 'Person', 't-entity', { key: '1', description: 'A named person' }),
    tag('t-place', 'Place', 't-entity', { key: '2' }),
    tag('t-other-person', 'Other', 't-person'),
    tag('t-other-place', 'Other', 't-place'),
    tag('t-mqm', 'MQM error', null, { color: '#cc0000' }),
    tag('t-slash', 'Date/Time'),
  ];
  const original = 'premier Li Qiang met 😀 delegates in 𠀋京 on Monday.\r\nThe U.S. side said  "we  will cooperate".\r\n\r\n  Trailing line  \r\n';
  const d1 = documentRecord('doc-1', original, [
    { start: 69, end: 71, inserted: ' ' }, // "said  " -> "said "
    { start: 73, end: 75, inserted: ' ' }, // "we  will" -> "we will"
    { start: 0, end: 1, inserted: 'P' },
  ]);
  const text = d1.document.text;
  const [liStart, liEnd] = find(text, 'Li Qiang');
  const [qStart, qEnd] = find(text, 'Qiang met 😀');
  const [placeStart, placeEnd] = find(text, '𠀋京');
  const [monStart, monEnd] = find(text, 'Monday.\r\nThe');
  const [coopStart, coopEnd] = find(text, 'we will');
  const annotations1 = [
    span(d1.document, 'a-li', liStart, liEnd, ['t-person']),
    span(d1.document, 'a-overlap', qStart, qEnd, ['t-other-person', 't-mqm'], { note: 'Overlaps "Li Qiang".\nSecond line of the note.', attributes: { severity: 'major', category: 'accuracy/mistranslation' } }),
    span(d1.document, 'a-place', placeStart, placeEnd, ['t-place', 't-other-place'], { note: 'Rare CJK 𠀋' }),
    span(d1.document, 'a-lines', monStart, monEnd, ['t-slash'], { attributes: { checked: '' } }),
    span(d1.document, 'a-coop', coopStart, coopEnd, ['t-mqm'], { attributes: { severity: 'minor', 'note_type': 'style guide' } }),
    span(d1.document, 'a-detached', 5, 5, ['t-mqm'], { quote: 'gone', detached: true }),
  ];
  const d2 = documentRecord('doc-2', 'No edits here. 🇨🇳 flag and é (e + combining) and tabs\there.', [], {
    sourceName: null,
    sourceLanguage: null,
    targetLanguage: null,
    createdAt: T1,
  });
  const [flagStart, flagEnd] = find(d2.document.text, '🇨🇳');
  const annotations2 = [span(d2.document, 'a-flag', flagStart, flagEnd, ['t-place'])];
  return { tags, documents: [bundle(d1, annotations1), bundle(d2, annotations2)] };
}
