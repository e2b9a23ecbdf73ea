// The editor's code point index, derived step by step from the previous
// document's, is the index a full read of the new document gives.

import fc from 'fast-check';
import { Node } from 'prosemirror-model';
import { history, redo, undo } from 'prosemirror-history';
import { EditorState, type Transaction } from 'prosemirror-state';
import { afterEach, expect, it, vi } from 'vitest';
import { DocPositions, positionsPlugin } from '../../../src/renderer/editor/positions';
import { schema } from '../../../src/renderer/editor/schema';
import { docToText, replaceWithText, textToDoc } from '../../../src/renderer/editor/text-doc';

const piece = fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '😀', 'é');
const text = (max: number) => fc.array(piece, { maxLength: max }).map((p) => p.join(''));
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const edit = fc.record({ a: fraction, b: fraction, inserted: text(4) });

/** The index read afresh from a copy of `doc` (a copy: the original's index is cached). */
const rebuilt = (doc: Node) => DocPositions.of(Node.fromJSON(schema, doc.toJSON()));

const entries = (p: DocPositions) => ({ pm: [...p.pmStart], u16: [...p.u16Start], cp: [...p.cpStart], length: p.cpLength });

it('after any sequence of edits, the index kept step by step equals a full rebuild', () => {
  fc.assert(
    fc.property(text(30), fc.array(edit, { minLength: 1, maxLength: 8 }), (original, edits) => {
      const doc = textToDoc(original);
      let state = EditorState.create({ doc, plugins: [positionsPlugin()] });
      DocPositions.of(doc);
      for (const { a, b, inserted } of edits) {
        const size = state.doc.content.size;
        // Any two positions inside paragraphs (replaceWithText takes text positions).
        const positions = DocPositions.of(state.doc);
        const at = (f: number) => positions.posAtCodePoint(Math.floor(f * (positions.cpLength + 1)) % (positions.cpLength + 1));
        const [from, to] = [at(a), at(b)].sort((x, y) => x - y) as [number, number];
        expect(to).toBeLessThanOrEqual(size);
        state = state.apply(replaceWithText(state.tr, from, to, inserted));
        const kept = DocPositions.of(state.doc);
        expect(entries(kept)).toEqual(entries(rebuilt(state.doc)));
        expect(kept.cpLength).toBe([...docToText(state.doc)].length);
      }
    }),
    { numRuns: 300 },
  );
});

it('a keystroke in a long document moves the entries after it', () => {
  const doc = textToDoc(Array.from({ length: 1000 }, (_, i) => `line ${i} 😀`).join('\n'));
  let state = EditorState.create({ doc, plugins: [positionsPlugin()] });
  const before = DocPositions.of(state.doc);
  const at = before.posAtCodePoint(before.cpStart[500]!);
  state = state.apply(state.tr.insertText('x', at));
  const after = DocPositions.of(state.doc);
  expect(after.cpStart[499]).toBe(before.cpStart[499]);
  expect(after.cpStart[501]).toBe(before.cpStart[501]! + 1);
  expect(after.codePointAt(at + 1)).toBe(before.cpStart[500]! + 1);
  expect(entries(after)).toEqual(entries(rebuilt(state.doc)));
});

/** Counts the full reads of a document (the index built from all its paragraphs). */
function countFullReads() {
  return vi.spyOn(DocPositions as unknown as { build(doc: Node): DocPositions }, 'build');
}
afterEach(() => vi.restoreAllMocks());

/** Applies what a command dispatches (nothing when it does not). */
function run(state: EditorState, command: (state: EditorState, dispatch: (tr: Transaction) => void) => boolean): EditorState {
  let next = state;
  command(state, (tr) => (next = state.apply(tr)));
  return next;
}

const op = fc.oneof(
  { weight: 3, arbitrary: edit.map((e) => ({ kind: 'edit' as const, ...e })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'redo' as const }) },
);

it('with undo and redo among the edits, the index kept step by step equals a full rebuild, and no document is read whole', () => {
  fc.assert(
    fc.property(text(30), fc.array(op, { minLength: 1, maxLength: 10 }), (original, ops) => {
      let state = EditorState.create({ doc: textToDoc(original), plugins: [positionsPlugin(), history()] });
      for (const o of ops) {
        const positions = DocPositions.of(state.doc);
        const reads = countFullReads();
        if (o.kind === 'edit') {
          const at = (f: number) => positions.posAtCodePoint(Math.floor(f * (positions.cpLength + 1)) % (positions.cpLength + 1));
          const [from, to] = [at(o.a), at(o.b)].sort((x, y) => x - y) as [number, number];
          state = state.apply(replaceWithText(state.tr, from, to, o.inserted));
        } else {
          state = run(state, o.kind === 'undo' ? undo : redo);
        }
        const kept = DocPositions.of(state.doc);
        expect(reads).not.toHaveBeenCalled();
        reads.mockRestore();
        expect(entries(kept)).toEqual(entries(rebuilt(state.doc)));
      }
    }),
    { numRuns: 200 },
  );
});

it('typing, splitting and joining lines and pasting CRLF lines in a long document read no document whole', () => {
  const doc = textToDoc(Array.from({ length: 2000 }, (_, i) => `line ${i} 😀 end`).join('\r\n'));
  let state = EditorState.create({ doc, plugins: [positionsPlugin(), history()] });
  const reads = countFullReads();
  const middle = () => DocPositions.of(state.doc).pmStart[1000]! + 3;
  state = state.apply(state.tr.insertText('x', middle()));
  state = state.apply(state.tr.split(middle()));
  // Backspace at a line's start: the line joins the one before.
  const start = DocPositions.of(state.doc).pmStart[1200]!;
  state = state.apply(state.tr.delete(start - 2, start));
  state = state.apply(replaceWithText(state.tr, middle(), middle() + 4, 'pasted\r\nlines\n🎉\r\n'));
  state = run(state, undo);
  state = run(state, redo);
  expect(reads).not.toHaveBeenCalled();
  reads.mockRestore();
  expect(entries(DocPositions.of(state.doc))).toEqual(entries(rebuilt(state.doc)));
  expect(DocPositions.of(state.doc).cpLength).toBe([...docToText(state.doc)].length);
});

it('between the steps of a transform, its index is derived from the one before', () => {
  const doc = textToDoc(Array.from({ length: 500 }, (_, i) => `line ${i} 😀`).join('\n'));
  DocPositions.of(doc);
  const state = EditorState.create({ doc, plugins: [positionsPlugin()] });
  const tr = state.tr;
  const reads = countFullReads();
  for (const [cp, inserted] of [[10, 'a\nb'], [2000, ''], [4000, '😀\r\n']] as const) {
    const positions = DocPositions.ofTransform(tr);
    replaceWithText(tr, positions.posAtCodePoint(cp), positions.posAtCodePoint(cp + 3), inserted);
  }
  const kept = DocPositions.ofTransform(tr);
  expect(reads).not.toHaveBeenCalled();
  reads.mockRestore();
  expect(entries(kept)).toEqual(entries(rebuilt(tr.doc)));
});
