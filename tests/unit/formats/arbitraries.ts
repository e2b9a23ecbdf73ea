// fast-check generators of whole workspaces that keep the invariants: random
// texts (astral characters, CRLF, combining marks), random edit histories,
// random tag trees and annotations over the resulting text.

import fc from 'fast-check';
import { applyChange } from '../../../src/core/edits';
import type { Annotation, Edit, Tag } from '../../../src/core/model';
import { codePointLength, sliceCodePoints } from '../../../src/core/offsets';
import type { WorkspaceExport } from '../../../src/core/formats/bundle';
import { formatInfo, type FormatId } from '../../../src/core/formats/format-list';
import { T0, T1 } from './sample';

const UNITS = ['a', 'Z', ' ', '  ', '\t', '\n', '\r\n', '\r', 'é', 'e\u0301', '中', '😀', '𠀋', '🇨🇳', '"', '\\', '.'];

export const text = fc.array(fc.constantFrom(...UNITS), { maxLength: 40 }).map((parts) => parts.join(''));
const shortText = fc.array(fc.constantFrom(...UNITS), { maxLength: 6 }).map((parts) => parts.join(''));
const name = fc.array(fc.constantFrom('a', 'B', ' ', '/', '\\', '_', '%', 'é', '😀'), { minLength: 1, maxLength: 5 }).map((p) => p.join(''));

/** Tags with random names (slashes, backslashes, spaces) and a random tree shape. */
export const tags = fc.array(fc.tuple(name, fc.nat()), { maxLength: 6 }).map((specs) =>
  specs.map(([tagName, parent], i): Tag => ({
    id: `t${i}`,
    // Unique, as the store keeps sibling names.
    name: `${tagName}${i}`,
    color: '#0a0b0c',
    // Parents only among earlier tags, so the tree has no cycles.
    parentId: i === 0 || parent % 3 === 0 ? null : `t${parent % i}`,
    key: i < 9 && parent % 2 === 0 ? String(i + 1) : null,
    description: '',
  })),
);

const change = fc.record({ from: fc.double({ min: 0, max: 1, noNaN: true }), to: fc.double({ min: 0, max: 1, noNaN: true }), inserted: shortText });
const spanSpec = fc.record({
  from: fc.double({ min: 0, max: 1, noNaN: true }),
  to: fc.double({ min: 0, max: 1, noNaN: true }),
  tagPicks: fc.array(fc.nat(), { maxLength: 3 }),
  note: shortText,
  attributes: fc.dictionary(fc.constantFrom('severity', 'category', 'a b', 'x_y'), shortText, { maxKeys: 2 }),
  detached: fc.boolean(),
});

/** A position in [0, length] from a fraction. */
function at(fraction: number, length: number): number {
  return Math.min(length, Math.floor(fraction * (length + 1)));
}

export interface WorkspaceShape {
  /** Allow detached annotations (only the native format keeps them). */
  detached?: boolean;
  /** Allow edits (formats other than native carry only the current text). */
  edits?: boolean;
  /** At least one tag per annotation (brat and doccano spans need a label). */
  tagged?: boolean;
}

export function workspace(shape: WorkspaceShape = {}): fc.Arbitrary<WorkspaceExport> {
  const documents = fc.array(fc.record({ original: text, changes: fc.array(change, { maxLength: shape.edits === false ? 0 : 5 }), spans: fc.array(spanSpec, { maxLength: 6 }) }), {
    maxLength: 3,
  });
  return fc.tuple(tags, documents).map(([tagList, docs]) => ({
    tags: tagList,
    documents: docs.map((doc, d) => {
      let current = doc.original;
      const edits = doc.changes.map((c, i): Edit => {
        const length = codePointLength(current);
        const [start, end] = [at(c.from, length), at(c.to, length)].sort((x, y) => x - y) as [number, number];
        const result = applyChange(current, { start, end, inserted: c.inserted });
        current = result.text;
        return { seq: i + 1, start, end, inserted: c.inserted, removed: result.removed, origin: 'manual', author: 'ed', at: T1 };
      });
      const length = codePointLength(current);
      const documentId = `d${d}`;
      const annotations = doc.spans.flatMap((s, i): Annotation[] => {
        const picked = [...new Set(s.tagPicks.map((p) => tagList[p % Math.max(1, tagList.length)]?.id).filter((id): id is string => id !== undefined))];
        if (shape.tagged && picked.length === 0) return [];
        const detached = shape.detached !== false && s.detached;
        const [start, end] = [at(s.from, length), at(s.to, length)].sort((x, y) => x - y) as [number, number];
        // An attached annotation covers at least one character (core/limits.ts, as the api requires).
        if (!detached && end === start) return [];
        return [
          {
            id: `a${d}-${i}`,
            documentId,
            start,
            end: detached ? start : end,
            quote: detached ? s.note : sliceCodePoints(current, start, end),
            tagIds: picked,
            note: s.note,
            attributes: s.attributes,
            author: 'ana',
            createdAt: T0,
            updatedAt: T1,
            detached,
          },
        ];
      });
      return {
        document: {
          id: documentId,
          title: `Doc ${d}`,
          sourceName: null,
          sha256: '0'.repeat(64),
          sourceLanguage: null,
          targetLanguage: 'en',
          createdAt: T0,
          updatedAt: T1,
          length,
          editCount: edits.length,
          annotationCount: annotations.length,
          originalText: doc.original,
          text: current,
        },
        annotations,
        edits,
      };
    }),
  }));
}

/** Workspaces holding only what a format keeps (format-list's `keeps`), so a round trip may lose nothing. */
export function workspaceFor(format: FormatId): fc.Arbitrary<WorkspaceExport> {
  const { keeps } = formatInfo(format);
  const shaped = workspace({ detached: keeps.detached, edits: keeps.history, tagged: !keeps.untagged });
  const kept: fc.Arbitrary<WorkspaceExport> = keeps.annotations ? shaped : shaped.map((ws) => ({ tags: [], documents: ws.documents.map((d) => ({ ...d, annotations: [] })) }));
  return format === 'xliff' ? kept.filter((ws) => ws.documents.every((d) => englishLike(d.document.text))).map(withSources) : kept;
}

/** XLIFF pairs a translation with its source: an English text (not mostly Han characters, not blank) with a Chinese source. */
const englishLike = (text: string) => text.trim() !== '' && (text.match(/\p{Script=Han}/gu) ?? []).length * 2 <= (text.match(/\p{L}/gu) ?? []).length;

function withSources(ws: WorkspaceExport): WorkspaceExport {
  return {
    ...ws,
    documents: ws.documents.map((d) => ({
      ...d,
      document: { ...d.document, sourceLanguage: 'zh', targetLanguage: 'en' },
      source: { text: '源文。', language: 'zh', alignment: [{ source: { start: 0, end: 3 }, translation: { start: 0, end: codePointLength(d.document.text) } }], exchange: null },
    })),
  };
}
