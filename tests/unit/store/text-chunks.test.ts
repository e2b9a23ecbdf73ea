// The current text stored in chunks: after any edits the chunks hold the text
// the edits replay to, search finds what is in it (across a chunk's cut too),
// a keystroke rewrites one chunk, and a connection never types on chunks
// another connection (or a failed save) changed under it.

import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { applyChanges, replayEdits } from '../../../src/core/edits';
import type { TextChange } from '../../../src/core/model';
import { codePointLength } from '../../../src/core/offsets';
import { deleteDocument, getDocument, insertDocument } from '../../../src/store/documents';
import { appendEdits, listEdits } from '../../../src/store/edits';
import { quoteOf } from '../../../src/store/quotes';
import { searchDocuments } from '../../../src/store/search';
import { CHUNK, readText, TextLayout } from '../../../src/store/text';
import { Workspace } from '../../../src/store/workspace';

const tempPath = () => join(mkdtempSync(join(tmpdir(), 'scholia-chunks-')), 'workspace.sqlite');

let ws: Workspace;
beforeAll(async () => {
  ws = await Workspace.open(tempPath());
});
afterAll(() => ws.close());

const chunks = (id: string) => ws.db.prepare('SELECT id, length, text FROM text_chunks WHERE document_id = ? ORDER BY seq').all(id) as { id: number; length: number; text: string }[];

const unit = fc.constantFrom('a', 'b', ' ', '\n', '😀', 'é', '\r\n');
/** Texts of up to a few chunks: a short pattern repeated. */
const longText = fc
  .tuple(fc.array(unit, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 5 * CHUNK }))
  .map(([pattern, n]) => pattern.join('').repeat(Math.ceil(n / pattern.length)));
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
// Keystrokes, and pastes long enough to make a chunk be cut again.
const inserted = fc.oneof(
  fc.array(unit, { maxLength: 5 }).map((p) => p.join('')),
  fc.integer({ min: 1, max: 5 * CHUNK }).map((n) => 'x😀 y\n'.repeat(Math.ceil(n / 5))),
  fc.integer({ min: 1, max: 5 * CHUNK }).map((n) => 'z'.repeat(n)),
);
const edit = fc.record({ at: fraction, span: fc.oneof(fc.constant(0), fc.constant(0), fraction), inserted });

it('after random edits the chunks hold the text the edits replay to, and quotes and the index read it', () => {
  fc.assert(
    fc.property(longText, fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (original, batches) => {
      const document = insertDocument(ws.db, { title: 'chunks', text: original, sha256: 'x' });
      let expected = original;
      let editCount = 0;
      for (const batch of batches) {
        const changes: TextChange[] = [];
        let length = codePointLength(expected);
        for (const { at, span, inserted } of batch) {
          const start = Math.floor(at * length);
          const end = Math.min(length, start + Math.floor(span * (length - start)));
          changes.push({ start, end, inserted });
          length += codePointLength(inserted) - (end - start);
        }
        const result = ws.transaction(() => appendEdits(ws.db, document.id, editCount, changes, 'manual', 'a'));
        editCount = result.editCount;
        expected = applyChanges(expected, changes).text;
        expect(result.length).toBe(codePointLength(expected));
      }
      expect(readText(ws.db, document.id)).toBe(expected);
      expect(getDocument(ws.db, document.id)).toMatchObject({ text: expected, originalText: original, length: codePointLength(expected) });
      expect(replayEdits(original, listEdits(ws.db, document.id))).toBe(expected);
      for (const chunk of chunks(document.id)) {
        expect(chunk.length).toBe(codePointLength(chunk.text));
        expect(chunk.length).toBeGreaterThan(0);
        expect(chunk.text.length).toBeLessThanOrEqual(4 * CHUNK);
      }
      // A quote across chunks reads the code points the whole text has there.
      const cps = [...expected];
      const start = Math.floor(cps.length / 3);
      const end = Math.min(cps.length, start + CHUNK + 7);
      expect(quoteOf(ws.db, document.id, start, end)).toEqual({ quote: cps.slice(start, end).join(''), length: cps.length });
      // The index has a row for each chunk, no more.
      // The index has rows only for chunks there are; a chunk without one is marked stale, so search reads its text.
      const ids = chunks(document.id).map((c) => c.id);
      const indexed = ws.db.prepare('SELECT rowid FROM documents_fts').pluck().all() as number[];
      const stale = ws.db.prepare('SELECT chunk_id FROM search_pending').pluck().all() as number[];
      expect(ids).toEqual(expect.arrayContaining(indexed));
      expect([...new Set([...indexed, ...stale])].sort()).toEqual([...ids].sort());
      ws.transaction(() => deleteDocument(ws.db, document.id));
    }),
    { numRuns: 30 },
  );
  expect(ws.db.prepare('SELECT count(*) FROM documents_fts').pluck().get()).toBe(0);
  expect(ws.db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(0);
});

it('a keystroke rewrites only the chunk it changed, its index row follows once typing moves on, and search finds every word typed', () => {
  const text = 'word and more words\n'.repeat((6 * CHUNK) / 20);
  const document = insertDocument(ws.db, { title: 'keystroke', text, sha256: 'x' });
  const before = chunks(document.id);
  expect(before.length).toBeGreaterThan(3);
  // Past the first line of its chunk, which the chunk before is indexed with.
  const at = before[0]!.length + before[1]!.length + 2005;
  ws.transaction(() => appendEdits(ws.db, document.id, 0, [{ start: at, end: at, inserted: 'zebra ' }], 'manual', 'a'));
  const after = chunks(document.id);
  expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
  expect(after.map((c, i) => c.text !== before[i]!.text)).toEqual(before.map((_, i) => i === 2));
  expect(searchDocuments(ws.db, 'zebra').map((h) => [h.documentId, h.matchCount, h.snippets[0]!.start])).toEqual([[document.id, 1, at]]);
  // Typing on in the same chunk leaves it stale; typing elsewhere re-indexes it, and the index finds what was typed there.
  const stale = () => ws.db.prepare('SELECT chunk_id FROM search_pending').pluck().all();
  const inIndex = (word: string) => ws.db.prepare('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?').pluck().all(word);
  ws.transaction(() => appendEdits(ws.db, document.id, 1, [{ start: at + 6, end: at + 6, inserted: 'quagga ' }], 'manual', 'a'));
  expect(stale()).toEqual([before[2]!.id]);
  expect(inIndex('zebra')).toEqual([]);
  ws.transaction(() => appendEdits(ws.db, document.id, 2, [{ start: 0, end: 0, inserted: 'okapi ' }], 'manual', 'a'));
  expect(stale()).toEqual([before[0]!.id]);
  expect(inIndex('zebra')).toEqual([before[2]!.id]);
  expect(inIndex('quagga')).toEqual([before[2]!.id]);
  expect(searchDocuments(ws.db, 'okapi').map((h) => [h.documentId, h.snippets[0]!.start])).toEqual([[document.id, 0]]);
  expect(searchDocuments(ws.db, 'quagga').map((h) => [h.documentId, h.snippets[0]!.start])).toEqual([[document.id, at + 12]]);
  ws.transaction(() => deleteDocument(ws.db, document.id));
});

it('search finds a phrase across a cut inside a line too long for one chunk', () => {
  const line = 'lorem ipsum '.repeat((3 * CHUNK) / 12);
  const cut = chunks(insertDocument(ws.db, { title: 'long line', text: line, sha256: 'x' }).id)[0]!.text.length;
  // The phrase put where the first chunk ends.
  const text = `${line.slice(0, cut - 9)} quartz harbour ${line.slice(cut + 7)}`;
  const document = insertDocument(ws.db, { title: 'phrase', text, sha256: 'x' });
  expect(chunks(document.id)[0]!.text.length).toBe(cut);
  expect(searchDocuments(ws.db, 'quartz harbour').map((h) => h.documentId)).toEqual([document.id]);
});

it('a text written by another connection, or by a transaction rolled back, is read again, not taken from what this connection knew', async () => {
  const path = tempPath();
  const first = await Workspace.open(path);
  const second = await Workspace.open(path);
  try {
    const text = 'line of words\n'.repeat((3 * CHUNK) / 14);
    const id = first.transaction(() => insertDocument(first.db, { title: 'shared', text, sha256: 'x' })).id;
    // Both connections know the text's chunks; each types in turn, at places the other's chunks moved.
    first.transaction(() => appendEdits(first.db, id, 0, [{ start: 5, end: 5, inserted: 'A'.repeat(CHUNK) }], 'manual', 'a'));
    second.transaction(() => appendEdits(second.db, id, 1, [{ start: 2 * CHUNK, end: 2 * CHUNK + 3, inserted: 'B' }], 'manual', 'b'));
    first.transaction(() => appendEdits(first.db, id, 2, [{ start: 0, end: 0, inserted: 'C😀' }], 'manual', 'a'));
    // A save that fails after writing its chunks leaves nothing behind, in the file or in what the connection knows.
    expect(() =>
      first.transaction(() => {
        appendEdits(first.db, id, 3, [{ start: 1, end: CHUNK, inserted: 'gone' }], 'manual', 'a');
        throw new Error('the save fails after its chunks were written');
      }),
    ).toThrow('the save fails');
    second.transaction(() => appendEdits(second.db, id, 3, [{ start: 3, end: 3, inserted: 'D' }], 'manual', 'b'));
    first.transaction(() => appendEdits(first.db, id, 4, [{ start: 4, end: 4, inserted: 'E' }], 'manual', 'a'));
    const expected = replayEdits(text, listEdits(first.db, id));
    expect(listEdits(first.db, id).map((e) => e.inserted)).toEqual(['A'.repeat(CHUNK), 'B', 'C😀', 'D', 'E']);
    for (const ws of [first, second]) {
      expect(readText(ws.db, id)).toBe(expected);
      expect(TextLayout.read(ws.db, id).length).toBe(codePointLength(expected));
      expect(quoteOf(ws.db, id, 0, 6).quote).toBe('C😀lDEi');
    }
  } finally {
    first.close();
    second.close();
  }
});
