// The current text stored in chunks: after any edits the chunks hold the text
// the edits replay to, search finds what is in it (across a chunk's cut too),
// a keystroke rewrites one chunk, and a workspace of the schema before chunks
// opens with the same texts and search.

import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { applyChanges, replayEdits } from '../../../src/core/edits';
import { mapRange } from '../../../src/core/mapping';
import type { TextChange } from '../../../src/core/model';
import { codePointLength } from '../../../src/core/offsets';
import { deleteDocument, getDocument, insertDocument } from '../../../src/store/documents';
import { appendEdits, listEdits } from '../../../src/store/edits';
import { insertAnnotation, listAnnotations } from '../../../src/store/annotations';
import { migrations } from '../../../src/store/migrations';
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
      const indexRows = ws.db.prepare('SELECT count(*) FROM documents_fts').pluck().get();
      expect(indexRows).toBe(chunks(document.id).length);
      ws.transaction(() => deleteDocument(ws.db, document.id));
    }),
    { numRuns: 30 },
  );
  expect(ws.db.prepare('SELECT count(*) FROM documents_fts').pluck().get()).toBe(0);
});

it('annotations over a text of many chunks follow random edits as core/mapping says, however the chunks are cut', () => {
  fc.assert(
    fc.property(
      longText.filter((t) => t.length > 2 * CHUNK),
      fc.array(fc.tuple(fraction, fc.integer({ min: 1, max: 3 * CHUNK })), { minLength: 1, maxLength: 30 }),
      fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
      (original, spots, batches) => {
        const document = insertDocument(ws.db, { title: 'anchors', text: original, sha256: 'x' });
        let text = original;
        let length = codePointLength(text);
        // The reference: every annotation mapped through every change by core's rule, on the whole text.
        let expected = spots.map(([at, span], i) => {
          const start = Math.min(length - 1, Math.floor(at * length));
          const end = Math.min(length, start + span);
          return { id: `${document.id}-${String(i).padStart(2, '0')}`, start, end, detached: false, quote: [...text].slice(start, end).join('') };
        });
        ws.transaction(() => {
          const layout = TextLayout.read(ws.db, document.id);
          for (const a of expected) {
            insertAnnotation(ws.db, { ...a, documentId: document.id, tagIds: [], note: '', attributes: {}, author: 'a', createdAt: 'now', updatedAt: 'now' }, layout);
          }
        });
        let editCount = 0;
        for (const batch of batches) {
          const changes: TextChange[] = [];
          for (const { at, span, inserted } of batch) {
            const start = Math.floor(at * length);
            const end = Math.min(length, start + Math.floor(span * (length - start)));
            const change = { start, end, inserted };
            changes.push(change);
            text = applyChanges(text, [change]).text;
            length = codePointLength(text);
            expected = expected.map((a) => {
              if (a.detached) return a;
              const mapped = mapRange(a, change);
              return mapped ? { ...a, ...mapped, quote: [...text].slice(mapped.start, mapped.end).join('') } : { ...a, detached: true };
            });
          }
          editCount = ws.transaction(() => appendEdits(ws.db, document.id, editCount, changes, 'manual', 'a')).editCount;
          const stored = listAnnotations(ws.db, document.id);
          expect(stored.map((a) => [a.id, a.detached])).toEqual(expect.arrayContaining(expected.map((a) => [a.id, a.detached])));
          const attached = (list: { id: string; start: number; end: number; quote: string; detached: boolean }[]) =>
            list.filter((a) => !a.detached).map(({ id, start, end, quote }) => ({ id, start, end, quote })).sort((a, b) => (a.id < b.id ? -1 : 1));
          expect(attached(stored)).toEqual(attached(expected));
        }
        ws.transaction(() => deleteDocument(ws.db, document.id));
      },
    ),
    { numRuns: 12 },
  );
});

it('a keystroke rewrites only the chunk it changed, and search finds the word it made', () => {
  const text = 'word and more words\n'.repeat((6 * CHUNK) / 20);
  const document = insertDocument(ws.db, { title: 'keystroke', text, sha256: 'x' });
  const before = chunks(document.id);
  expect(before.length).toBeGreaterThan(3);
  const at = before[0]!.length + before[1]!.length + 5;
  ws.transaction(() => appendEdits(ws.db, document.id, 0, [{ start: at, end: at, inserted: 'zebra ' }], 'manual', 'a'));
  const after = chunks(document.id);
  expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
  expect(after.map((c, i) => c.text !== before[i]!.text)).toEqual(before.map((_, i) => i === 2));
  expect(searchDocuments(ws.db, 'zebra').map((h) => [h.documentId, h.matchCount, h.snippets[0]!.start])).toEqual([[document.id, 1, at]]);
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

it('a workspace of schema 6 opens with every text as it was, and search finds them', async () => {
  const path = tempPath();
  const texts = ['', 'short 😀 Ça va', `${'😀é\r\nline of words '.repeat(CHUNK / 4)}needle at the end`];
  const old = await Workspace.open(path, { migrations: migrations.filter((m) => m.version <= 6) });
  texts.forEach((text, i) =>
    old.db
      .prepare(`INSERT INTO documents (id, title, sha256, original_text, current_text, current_length, created_at, updated_at) VALUES (?, 't', 'x', ?, ?, ?, 'now', 'now')`)
      .run(`d${i}`, `original ${i}`, text, codePointLength(text)),
  );
  // Annotations at the start, across the first cut, at the very end, and one detached in the empty text.
  const long = [...texts[2]!];
  const ranges: [string, number, number][] = [['d2', 0, 3], ['d2', CHUNK - 5, CHUNK + 40], ['d2', long.length - 6, long.length], ['d0', 0, 0], ['d1', 6, 7]];
  ranges.forEach(([documentId, start, end], i) => {
    const quote = documentId === 'd2' ? long.slice(start, end).join('') : [...texts[Number(documentId[1])]!].slice(start, end).join('');
    old.db
      .prepare(`INSERT INTO annotations (id, document_id, start, end, quote, author, created_at, updated_at, detached) VALUES (?, ?, ?, ?, ?, 'a', 'now', 'now', ?)`)
      .run(`a${i}`, documentId, start, end, quote, start === end ? 1 : 0);
  });
  old.close();
  const migrated = await Workspace.open(path);
  try {
    expect(migrated.backupPath).not.toBeNull();
    texts.forEach((text, i) => expect(getDocument(migrated.db, `d${i}`)).toMatchObject({ text, originalText: `original ${i}` }));
    expect(searchDocuments(migrated.db, 'ça').map((h) => h.documentId)).toEqual(['d1']);
    expect(searchDocuments(migrated.db, 'needle at the').map((h) => h.documentId)).toEqual(['d2']);
    const columns = (migrated.db.prepare('PRAGMA table_info(documents)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('current_text');
    expect(columns).not.toContain('original_text');
    const placed = () => ['d0', 'd1', 'd2'].flatMap((id) => listAnnotations(migrated.db, id).map((a) => [a.id, a.start, a.end, a.quote]));
    expect(placed().sort()).toEqual(ranges.map(([, start, end], i) => [`a${i}`, start, end, expect.any(String)]).sort());
    for (const a of listAnnotations(migrated.db, 'd2')) expect(a.quote).toBe(long.slice(a.start, a.end).join(''));
    // Typing in the migrated document keeps the text, the annotations and search right.
    migrated.transaction(() => appendEdits(migrated.db, 'd2', 0, [{ start: 0, end: 0, inserted: 'Foxglove ' }], 'manual', 'a'));
    expect(readText(migrated.db, 'd2')).toBe(`Foxglove ${texts[2]}`);
    expect(listAnnotations(migrated.db, 'd2').map((a) => [a.start, a.end])).toEqual(ranges.filter(([id]) => id === 'd2').map(([, start, end]) => [start + 9, end + 9]));
    expect(searchDocuments(migrated.db, 'foxglove').map((h) => h.documentId)).toEqual(['d2']);
  } finally {
    migrated.close();
  }
  const db = new Database(path, { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
});
