// Annotations anchored in the chunks of a long text follow random batches of
// edits exactly as a plain string mapped by core/mapping says: the text, every
// attached annotation's range and quote, the ones a change detaches (where and
// with what quote), and the ones that never move (detached before, or on the
// source). The edits are typed anywhere, cross chunk boundaries, delete whole
// chunks, and paste enough to cut a chunk again; the texts hold astral
// characters, CRLF and lone CR.

import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mapPosition, mapRange } from '../../../src/core/mapping';
import type { Annotation, TextChange } from '../../../src/core/model';
import { codePointLength } from '../../../src/core/offsets';
import { insertAnnotation, listAnnotations, listSourceAnnotations } from '../../../src/store/annotations';
import { deleteDocument, insertDocument } from '../../../src/store/documents';
import { appendEdits } from '../../../src/store/edits';
import { CHUNK, readText, TextLayout } from '../../../src/store/text';
import { Workspace } from '../../../src/store/workspace';

let dir: string;
let ws: Workspace;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scholia-anchors-'));
  ws = await Workspace.open(join(dir, 'workspace.sqlite'));
});
afterAll(() => {
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

const unit = fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '\r', '😀', '𠀋', 'é');
/** Texts of two to five chunks: a short pattern repeated. */
const longText = fc
  .tuple(fc.array(unit, { minLength: 1, maxLength: 8 }), fc.integer({ min: 2 * CHUNK, max: 5 * CHUNK }))
  .map(([pattern, n]) => pattern.join('').repeat(Math.ceil(n / pattern.join('').length)));
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const inserted = fc.oneof(
  { weight: 4, arbitrary: fc.array(unit, { maxLength: 4 }).map((p) => p.join('')) },
  // Pastes long enough to make their chunk be cut again, with line breaks and without (cut where there is none).
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 * CHUNK }).map((n) => 'x😀 y\r\n'.repeat(Math.ceil(n / 6))) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 * CHUNK }).map((n) => 'z'.repeat(n)) },
);
/** Where a change goes: anywhere, astride a chunk boundary, or over exactly one whole chunk. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('spot' as const), at: fraction, span: fc.oneof(fc.constant(0), fc.constant(0), fraction.map((f) => f / 4)), inserted }),
  fc.record({ kind: fc.constant('boundary' as const), at: fraction, before: fc.nat(40), after: fc.nat(40), inserted }),
  fc.record({ kind: fc.constant('chunk' as const), at: fraction, inserted: fc.constant('') }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

interface Model {
  id: string;
  start: number;
  end: number;
  quote: string;
  detached: boolean;
}

const points = (text: string) => [...text];

/** The change an edit makes on `text`; chunk boundaries are those before the batch, mapped through its earlier changes. */
function changeFor(e: Edit, text: string, boundaries: readonly number[], earlier: readonly TextChange[]): TextChange {
  const length = codePointLength(text);
  const mapped = (pos: number) => earlier.reduce((p, c) => mapPosition(p, c, codePointLength(c.inserted), 1), pos);
  const clamp = (pos: number) => Math.max(0, Math.min(length, pos));
  if (e.kind === 'spot' || boundaries.length === 0) {
    if (e.kind !== 'spot') return { start: 0, end: 0, inserted: e.inserted };
    const start = Math.floor(e.at * length);
    return { start, end: Math.min(length, start + Math.floor(e.span * (length - start))), inserted: e.inserted };
  }
  const k = Math.min(boundaries.length - 1, Math.floor(e.at * boundaries.length));
  if (e.kind === 'boundary') {
    const at = mapped(boundaries[k]!);
    return { start: clamp(at - e.before), end: clamp(at + e.after), inserted: e.inserted };
  }
  // The whole chunk from boundary k to the next (or the text's end).
  const start = clamp(mapped(boundaries[k]!));
  const end = k + 1 < boundaries.length ? clamp(mapped(boundaries[k + 1]!)) : length;
  return { start, end: Math.max(start, end), inserted: '' };
}

const base = { tagIds: [], note: '', attributes: {}, author: 'a', createdAt: 'then', updatedAt: 'then' };

it('anchored annotations and the chunked text follow random batches as a plain string does', () => {
  fc.assert(
    fc.property(
      longText,
      fc.array(fc.tuple(fraction, fc.integer({ min: 1, max: 3 * CHUNK })), { minLength: 1, maxLength: 40 }),
      fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
      (original, spots, batches) => {
        const document = insertDocument(ws.db, { title: 'anchors', text: original, sha256: 'x' });
        let text = original;
        const length = codePointLength(text);
        // Attached annotations anywhere (many across chunk boundaries), one detached before the edits, and two on the source.
        let model: Model[] = spots.map(([at, span], i) => {
          const start = Math.min(length - 1, Math.floor(at * length));
          const end = Math.min(length, start + span);
          return { id: `t${String(i).padStart(2, '0')}`, start, end, quote: points(text).slice(start, end).join(''), detached: false };
        });
        const frozen: Model = { id: 'detached-before', start: 7, end: 7, quote: 'gone', detached: true };
        const onSource: Model[] = [
          { id: 'source-1', start: 0, end: 4, quote: '源文', detached: false },
          { id: 'source-2', start: 10, end: 30, quote: '源文本', detached: false },
        ];
        const id = (m: Model) => `${document.id}-${m.id}`;
        ws.transaction(() => {
          for (const m of [...model, frozen]) insertAnnotation(ws.db, { ...base, ...m, id: id(m), documentId: document.id });
          for (const m of onSource) insertAnnotation(ws.db, { ...base, ...m, id: id(m), documentId: document.id, side: 'source' });
        });
        let editCount = 0;
        for (const batch of batches) {
          const layout = TextLayout.read(ws.db, document.id);
          const changes: TextChange[] = [];
          for (const e of batch) {
            const change = changeFor(e, text, layout.starts, changes);
            changes.push(change);
            const cps = points(text);
            const removed = cps.slice(change.start, change.end);
            text = [...cps.slice(0, change.start), change.inserted, ...cps.slice(change.end)].join('');
            model = model.map((a) => {
              if (a.detached) return a;
              const range = mapRange(a, change);
              if (range) return { ...a, ...range };
              // Detached where the change put it, quoting the text it had.
              const at = change.start + codePointLength(change.inserted);
              return { ...a, start: at, end: at, detached: true, quote: removed.slice(a.start - change.start, a.end - change.start).join('') };
            });
          }
          editCount = ws.transaction(() => appendEdits(ws.db, document.id, editCount, changes, 'manual', 'a')).editCount;
          const cps = points(text);
          const expected = [...model.map((a) => (a.detached ? a : { ...a, quote: cps.slice(a.start, a.end).join('') })), frozen];
          expect(readText(ws.db, document.id)).toBe(text);
          const stored = (list: Annotation[]) => list.map(({ id: full, start, end, quote, detached }) => ({ id: full.slice(document.id.length + 1), start, end, quote, detached })).sort((a, b) => (a.id < b.id ? -1 : 1));
          expect(stored(listAnnotations(ws.db, document.id))).toEqual(expected.sort((a, b) => (a.id < b.id ? -1 : 1)));
          expect(stored(listSourceAnnotations(ws.db, document.id))).toEqual(onSource);
        }
        ws.transaction(() => deleteDocument(ws.db, document.id));
      },
    ),
    { numRuns: 25 },
  );
});

it('a paste that makes a chunk be cut again leaves the annotations before it where they are, and they follow later typing', () => {
  // One chunk of a little under two CHUNKs; an annotation past where a new cut will fall.
  const text = 'word word\n'.repeat(Math.floor((1.8 * CHUNK) / 10));
  const document = insertDocument(ws.db, { title: 'cut again', text, sha256: 'x' });
  expect(TextLayout.read(ws.db, document.id).ids).toHaveLength(1);
  const at = CHUNK + 3996; // a word start, after where the cut will fall and before the paste
  ws.transaction(() => insertAnnotation(ws.db, { ...base, id: `${document.id}-w`, documentId: document.id, start: at, end: at + 4, quote: 'word', detached: false }));
  const paste = 1.5 * CHUNK + 3;
  ws.transaction(() => appendEdits(ws.db, document.id, 0, [{ start: paste, end: paste, inserted: 'z'.repeat(3 * CHUNK) }], 'manual', 'a'));
  expect(TextLayout.read(ws.db, document.id).ids.length).toBeGreaterThan(2);
  expect(listAnnotations(ws.db, document.id).map((a) => [a.start, a.end, a.quote])).toEqual([[at, at + 4, 'word']]);
  // Typed before it, in the piece it is now in.
  ws.transaction(() => appendEdits(ws.db, document.id, 1, [{ start: at - 3, end: at - 3, inserted: 'ab' }], 'manual', 'a'));
  expect(listAnnotations(ws.db, document.id).map((a) => [a.start, a.end, a.quote])).toEqual([[at + 2, at + 6, 'word']]);
  ws.transaction(() => deleteDocument(ws.db, document.id));
});
