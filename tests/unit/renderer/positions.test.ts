// The editor's code point index, derived step by step from the previous
// document's, is the index a full read of the new document gives.

import fc from 'fast-check';
import { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { expect, it } from 'vitest';
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
