// The store (code points, core/mapping.ts) and the editor (ProseMirror
// positions, decorations mapped by the same edges) keep annotations on the
// same text through any sequence of edits.

import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EditorState } from 'prosemirror-state';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Annotation } from '../../src/core/model';
import { codePointLength } from '../../src/core/offsets';
import { annotationPlugin, annotationState, placedAnnotations } from '../../src/renderer/editor/annotations';
import { DocPositions } from '../../src/renderer/editor/positions';
import { textChangesOf } from '../../src/renderer/editor/text-changes';
import { docToText, replaceWithText, textToDoc } from '../../src/renderer/editor/text-doc';
import { insertAnnotation, listAnnotations } from '../../src/store/annotations';
import { insertDocument } from '../../src/store/documents';
import { appendEdits } from '../../src/store/edits';
import { readText } from '../../src/store/text';
import { Workspace } from '../../src/store/workspace';

let ws: Workspace;
beforeAll(async () => {
  ws = await Workspace.open(join(mkdtempSync(join(tmpdir(), 'scholia-test-')), 'workspace.sqlite'));
});
afterAll(() => ws.close());

// Few letters, so edits often land on annotation edges; line breaks and astral characters for the conversions.
const piece = fc.constantFrom('a', 'b', ' ', '\n', '😀', 'é', '𠀋');
const text = (max: number) => fc.array(piece, { maxLength: max }).map((p) => p.join(''));
/** Where a change or annotation goes, as fractions of the text's length (the length changes as edits are made). */
const spot = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }));
// Typed text may hold line breaks, of the document's ending or another.
const changeOf = (pieces: string[]) => fc.record({ at: spot, inserted: fc.array(fc.constantFrom(...pieces), { maxLength: 4 }).map((p) => p.join('')) });
// Line breaks typed as LF, CRLF and a lone CR (what Enter and pastes of Windows and old Mac text type).
const TYPED = ['a', 'b', '\n', '\r\n', '\r', '😀'];

const between = (length: number, [a, b]: [number, number]) => {
  const x = Math.floor(a * (length + 1)) % (length + 1);
  const y = Math.floor(b * (length + 1)) % (length + 1);
  return { start: Math.min(x, y), end: Math.max(x, y) };
};

const agreement = (typed: string[]) =>
    fc.property(text(24), fc.array(spot, { minLength: 1, maxLength: 5 }), fc.array(fc.array(changeOf(typed), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (original, spots, batches) => {
      const length = codePointLength(original);
      const document = insertDocument(ws.db, { title: 'agreement', text: original, sha256: createHash('sha256').update(original).digest('hex') });
      const annotations: Annotation[] = spots
        .map((s) => between(length, s))
        .filter((r) => r.end > r.start)
        .map((r, i) => ({ id: `${document.id}-${i}`, documentId: document.id, ...r, quote: '', tagIds: [], note: '', attributes: {}, author: 'a', createdAt: 'now', updatedAt: 'now', detached: false }));
      for (const a of annotations) insertAnnotation(ws.db, a);
      const doc = textToDoc(original);
      let state = EditorState.create({ doc, plugins: [annotationPlugin(doc, annotations, [])] });
      let editCount = 0;

      for (const batch of batches) {
        // One transaction per change, sent to the store together (as the sync queue batches them).
        const sent = batch.flatMap(({ at, inserted }) => {
          const positions = DocPositions.of(state.doc);
          const { start, end } = between(positions.cpLength, at);
          const tr = replaceWithText(state.tr, positions.posAtCodePoint(start), positions.posAtCodePoint(end), inserted);
          state = state.apply(tr);
          return textChangesOf(tr);
        });
        ws.transaction(() => appendEdits(ws.db, document.id, editCount, sent, 'manual', 'a'));
        editCount += sent.length;

        const stored = listAnnotations(ws.db, document.id);
        const positions = DocPositions.of(state.doc);
        const inEditor = placedAnnotations(state).map((p) => ({ id: p.data.id, start: positions.codePointAt(p.from), end: positions.codePointAt(p.to) }));
        const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
        expect(inEditor.sort(byId)).toEqual(stored.filter((a) => !a.detached).map(({ id, start, end }) => ({ id, start, end })).sort(byId));
        const detachedInEditor = [...annotationState(state).data.values()].filter((a) => a.detached).map((a) => a.id).sort();
        expect(detachedInEditor).toEqual(stored.filter((a) => a.detached).map((a) => a.id).sort());
      }
      expect(docToText(state.doc)).toBe(readText(ws.db, document.id));
    });

it('the store and the editor agree on every annotation after random edits', () => {
  fc.assert(agreement(TYPED), { numRuns: 1000 });
}, 60_000);

// Found by CI's run of the property with CRLF typed: "a" annotated, "a"
// replaced by a typed CRLF. The editor types it as a paragraph split (an LF)
// and then sets the paragraph's ending to CRLF; that second step was sent as
// "\r" inserted at the annotation's start, which the store maps past it while
// the editor's paragraph boundary stays. It is now sent as the LF replaced by the CRLF.
it('the store and the editor agree after a CRLF typed over an annotated text', () => {
  type Example = [string, [number, number][], { at: [number, number]; inserted: string }[][]];
  const example: Example = ['a', [[0, 0.5], [0, 0]], [[{ at: [0.5, 0], inserted: '\r\n' }, { at: [0, 0], inserted: '' }]]];
  fc.assert(agreement(TYPED), { examples: [example], numRuns: 1, seed: 1, endOnFailure: true });
});

// Known bug, found by CI's random run: a lone CR typed just before an LF joins it into one CRLF
// ending. The editor keeps the annotation over the LF; the store, sent the ending replaced whole,
// detaches it. Likely fix: send an ending that grows or shrinks around its LF as the CR inserted or removed.
it('the store and the editor agree after a lone CR typed before an annotated line break', () => {
  type Example = [string, [number, number][], { at: [number, number]; inserted: string }[][]];
  const example: Example = ['\n', [[0.5, 0]], [[{ at: [0, 0], inserted: '\r' }], [{ at: [0, 0], inserted: '' }]]];
  fc.assert(agreement(['\r']), { examples: [example], numRuns: 1, seed: 1, endOnFailure: true });
});

// Found by the property once lone CRs were typed: two lines whose endings differ joined (the CR
// typed above deleted). The joined line keeps the first one's ending; a diff of the two lines'
// text sent the annotated line as replaced whole, which detached its annotation in the store only.
it('the store and the editor agree after lines with different endings are joined', () => {
  type Example = [string, [number, number][], { at: [number, number]; inserted: string }[][]];
  const example: Example = ['aaaaaa\naaa', [[0, 0.09090909090909091]], [[{ at: [0, 0], inserted: '\r' }, { at: [0, 0.08333333333333333], inserted: '' }]]];
  fc.assert(agreement(TYPED), { examples: [example], numRuns: 1, seed: 1, endOnFailure: true });
});

// A line break typed at the start of an annotated line: the paragraph split
// and the setNodeMarkup that follows it are mapped one step at a time (a
// sliced Mapping once left the highlight past the end of the document).
it('the store and the editor agree after a line break typed before an annotated line', () => {
  const doc = textToDoc('a');
  const a: Annotation = { id: 'a', documentId: 'd', start: 0, end: 1, quote: 'a', tagIds: [], note: '', attributes: {}, author: 'a', createdAt: 'now', updatedAt: 'now', detached: false };
  const before = EditorState.create({ doc, plugins: [annotationPlugin(doc, [a], [])] });
  const state = before.apply(replaceWithText(before.tr, 2, 2, '\n'));
  // <block><p></p><p>a</p></block>: "a" is at [4, 5).
  const [placed] = placedAnnotations(state);
  expect([placed?.from, placed?.to]).toEqual([4, 5]);
});
