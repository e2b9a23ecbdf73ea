// Listing a document's annotations (what opening and exporting it read) gives
// every annotation exactly as reading it alone does, in text order: anchors in
// the chunks of a text with astral characters and CRLF resolved to the same
// offsets, plain offsets kept, tags in the order the user gave them, and every
// other field (note, attributes, times, origin, source range) as stored.

import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toColumns } from '../../../src/core/annotation-columns';
import type { Annotation, TextChange } from '../../../src/core/model';
import { codePointLength } from '../../../src/core/offsets';
import { listAnnotationColumns, readFields } from '../../../src/store/annotation-columns';
import { deleteAnnotation, getAnnotation, insertAnnotation, listAnnotations, listSourceAnnotations, setAnnotationTags, writeAnnotation } from '../../../src/store/annotations';
import { deleteDocument, insertDocument } from '../../../src/store/documents';
import { appendEdits } from '../../../src/store/edits';
import { deleteTag, insertTag, listTags } from '../../../src/store/tags';
import { CHUNK, readText, TextLayout } from '../../../src/store/text';
import { Workspace } from '../../../src/store/workspace';

let dir: string;
let ws: Workspace;
let tagIds: string[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scholia-list-'));
  ws = await Workspace.open(join(dir, 'workspace.sqlite'));
  tagIds = listTags(ws.db).map((t) => t.id);
});
afterAll(() => {
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

// Control characters, quotes and backslashes: the listing reads the fields as JSON SQLite writes.
const unit = fc.constantFrom('a', ' ', '\n', '\r\n', '\r', '😀', '𠀋', 'é', '\u001f', '"', '\\');
/** Texts of one to four chunks: a short pattern repeated. */
const longText = fc
  .tuple(fc.array(unit, { minLength: 1, maxLength: 6 }), fc.integer({ min: CHUNK / 2, max: 4 * CHUNK }))
  .map(([pattern, n]) => pattern.join('').repeat(Math.ceil(n / pattern.join('').length)));
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const spec = fc.record({
  at: fraction,
  span: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 2 * CHUNK })),
  tags: fc.uniqueArray(fc.nat(40), { maxLength: 3 }),
  note: fc.constantFrom('', 'check the source'),
  attributes: fc.constantFrom<Record<string, string>>({}, { severity: 'major', 'ü': '😀' }),
  updated: fc.boolean(),
  origin: fc.boolean(),
  sourceRange: fc.boolean(),
  detached: fc.boolean(),
});
/** Edits between the inserts and the listing: the anchors move between chunks, chunks go and get cut again. */
const edit = fc.record({ at: fraction, span: fc.oneof(fc.constant(0), fraction.map((f) => f / 3)), inserted: fc.oneof(fc.constantFrom('', 'x', '😀\r\n'), fc.constant('y\n'.repeat(CHUNK))) });

const textOrder = (a: Annotation, b: Annotation) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1);

it('lists every annotation as getAnnotation reads it, in text order, before and after edits', () => {
  fc.assert(
    fc.property(longText, fc.array(spec, { minLength: 1, maxLength: 30 }), fc.array(edit, { maxLength: 3 }), (text, specs, edits) => {
      const document = insertDocument(ws.db, { title: 'list', text, sha256: 'x' });
      const length = codePointLength(text);
      const points = [...text];
      ws.transaction(() =>
        specs.forEach((s, i) => {
          const start = Math.min(length, Math.floor(s.at * length));
          const end = Math.min(length, start + s.span);
          insertAnnotation(ws.db, {
            // Ids out of text order, so ties on the range are told apart by id.
            id: `${document.id}-${String((i * 7) % 31).padStart(2, '0')}-${i}`,
            documentId: document.id,
            start,
            end,
            quote: s.detached ? 'gone' : points.slice(start, end).join(''),
            // Tag order is the user's, not the ids' order.
            tagIds: s.tags.map((k) => tagIds[k % tagIds.length]!).filter((t, j, all) => all.indexOf(t) === j),
            note: s.note,
            attributes: s.attributes,
            author: i % 2 ? 'ana' : 'bo',
            createdAt: '2026-01-02T03:04:05.000Z',
            updatedAt: s.updated ? '2026-02-03T04:05:06.000Z' : '2026-01-02T03:04:05.000Z',
            detached: s.detached,
            ...(s.origin && { origin: 'suggestion:dictionary' }),
            ...(s.sourceRange && { sourceRange: { start: 1, end: 3 } }),
          });
        }),
      );
      const check = () => {
        const listed = listAnnotations(ws.db, document.id);
        expect(listed.map((a) => a.id).sort()).toEqual(specs.map((_, i) => `${document.id}-${String((i * 7) % 31).padStart(2, '0')}-${i}`).sort());
        expect(listed).toEqual([...listed].sort(textOrder));
        expect(listed).toEqual(listed.map((a) => getAnnotation(ws.db, a.id)));
        // Opening reads them as columns, straight from the rows: the same as encoding the list.
        expect(listAnnotationColumns(ws.db, document.id)).toStrictEqual(toColumns(document.id, listed));
        // Read a few rows at a time, the fields are the same.
        expect(readFields(ws.db, document.id, 4)).toStrictEqual(readFields(ws.db, document.id));
        // Attached annotations quote the text they cover.
        const now = [...readText(ws.db, document.id)];
        for (const a of listed) if (!a.detached) expect(a.quote).toBe(now.slice(a.start, a.end).join(''));
      };
      check();
      let editCount = 0;
      let current = length;
      for (const e of edits) {
        const start = Math.floor(e.at * current);
        const change: TextChange = { start, end: Math.min(current, start + Math.floor(e.span * current)), inserted: e.inserted };
        editCount = ws.transaction(() => appendEdits(ws.db, document.id, editCount, [change], 'manual', 'a')).editCount;
        current = TextLayout.read(ws.db, document.id).length;
        check();
      }
      ws.transaction(() => deleteDocument(ws.db, document.id));
    }),
    { numRuns: 30 },
  );
});

it('lists the annotations of the source apart from those of the text, each with its side', () => {
  const document = insertDocument(ws.db, { title: 'sides', text: 'a😀b\r\nc'.repeat(CHUNK), sha256: 'x' });
  const base = { documentId: document.id, quote: 'a', tagIds: [tagIds[1]!, tagIds[0]!], note: '', attributes: {}, author: 'a', createdAt: '2026-01-02T03:04:05.000Z', updatedAt: '2026-01-02T03:04:05.000Z', detached: false };
  ws.transaction(() => {
    insertAnnotation(ws.db, { ...base, id: 'text-1', start: 6 * CHUNK, end: 6 * CHUNK + 1 });
    insertAnnotation(ws.db, { ...base, id: 'source-2', start: 9, end: 10, side: 'source' });
    insertAnnotation(ws.db, { ...base, id: 'source-1', start: 0, end: 1, side: 'source' });
  });
  expect(listAnnotations(ws.db, document.id)).toEqual([getAnnotation(ws.db, 'text-1')]);
  expect(listAnnotationColumns(ws.db, document.id)).toStrictEqual(toColumns(document.id, [getAnnotation(ws.db, 'text-1')]));
  expect(listSourceAnnotations(ws.db, document.id)).toEqual([getAnnotation(ws.db, 'source-1'), getAnnotation(ws.db, 'source-2')]);
  expect(listSourceAnnotations(ws.db, document.id).map((a) => [a.side, a.tagIds])).toEqual([
    ['source', [tagIds[1], tagIds[0]]],
    ['source', [tagIds[1], tagIds[0]]],
  ]);
  ws.transaction(() => deleteDocument(ws.db, document.id));
});

it("keeps each annotation's tags in the user's order through every change of them: set, rewritten, a tag or its parent deleted, the annotation deleted", () => {
  const document = insertDocument(ws.db, { title: 'tags', text: 'abc😀def\n'.repeat(CHUNK), sha256: 'x' });
  const parent = ws.transaction(() => insertTag(ws.db, { name: 'parent', color: '#123456', parentId: null, key: null, description: '' }));
  const child = ws.transaction(() => insertTag(ws.db, { name: 'child', color: '#123456', parentId: parent.id, key: null, description: '' }));
  const [a, b, c] = [tagIds[0]!, tagIds[1]!, tagIds[2]!];
  const base = { documentId: document.id, note: '', attributes: {}, author: 'a', createdAt: '2026-01-02T03:04:05.000Z', updatedAt: '2026-01-02T03:04:05.000Z', detached: false };
  // Many tags, against the order of their ids; none; one.
  const lists = [[c, child.id, a, parent.id, b], [], [b], [child.id], [parent.id, a]];
  ws.transaction(() => lists.forEach((tags, i) => insertAnnotation(ws.db, { ...base, id: `tags-${i}`, start: i * 9, end: i * 9 + 3, quote: 'abc', tagIds: tags })));
  const tagsNow = () => {
    const listed = listAnnotations(ws.db, document.id);
    expect(listAnnotationColumns(ws.db, document.id)).toStrictEqual(toColumns(document.id, listed));
    expect(listed.map((x) => getAnnotation(ws.db, x.id))).toEqual(listed);
    return listed.map((x) => x.tagIds);
  };
  expect(tagsNow()).toEqual(lists);

  ws.transaction(() => setAnnotationTags(ws.db, 'tags-0', [a, c]));
  ws.transaction(() => writeAnnotation(ws.db, { ...getAnnotation(ws.db, 'tags-2'), tagIds: [child.id, c, b] }, '2026-03-04T05:06:07.000Z'));
  expect(tagsNow()).toEqual([[a, c], [], [child.id, c, b], [child.id], [parent.id, a]]);

  // Deleting the parent deletes its child too, and both leave every annotation that had them.
  ws.transaction(() => deleteTag(ws.db, parent.id));
  expect(tagsNow()).toEqual([[a, c], [], [c, b], [], [a]]);

  ws.transaction(() => deleteAnnotation(ws.db, 'tags-0'));
  expect(tagsNow()).toEqual([[], [c, b], [], [a]]);
  ws.transaction(() => deleteDocument(ws.db, document.id));
});
