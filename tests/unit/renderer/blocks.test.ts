// The editor's lines in blocks (schema.ts): the text, its changes and the
// positions index are what they would be with every line at the top level,
// whatever block boundaries fall where.

import fc from 'fast-check';
import { Fragment, Node, Slice } from 'prosemirror-model';
import { baseKeymap, selectAll } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChanges } from '../../../src/core/edits';
import { blockKeys } from '../../../src/renderer/editor/block-commands';
import { DocPositions, positionsPlugin } from '../../../src/renderer/editor/positions';
import { schema } from '../../../src/renderer/editor/schema';
import { textChangesOf } from '../../../src/renderer/editor/text-changes';
import { BLOCK_LINES, docToText, pastedInBlocks, replaceWithText, setBlockLines, textToDoc } from '../../../src/renderer/editor/text-doc';

beforeEach(() => setBlockLines(3));
afterEach(() => setBlockLines(BLOCK_LINES));

const entries = (p: DocPositions) => ({ pm: [...p.pmStart], u16: [...p.u16Start], cp: [...p.cpStart], blocks: [...p.blockFirst], length: p.cpLength });
const rebuilt = (doc: Node) => DocPositions.of(Node.fromJSON(schema, doc.toJSON()));
const blockSizes = (doc: Node) => {
  const sizes: number[] = [];
  doc.forEach((block) => sizes.push(block.childCount));
  return sizes;
};

/** Code point string edit: the model the editor must agree with. */
const spliced = (text: string, start: number, end: number, inserted: string) => {
  const cps = [...text];
  return [...cps.slice(0, start), ...inserted, ...cps.slice(end)].join('');
};

describe('paragraph access across blocks', () => {
  it('finds each line, its block and its positions', () => {
    const doc = textToDoc('a\nbb\n\nccc\nd\ne\nf');
    const p = DocPositions.of(doc);
    expect(blockSizes(doc)).toEqual([3, 3, 1]);
    expect(p.count).toBe(7);
    expect(p.blockCount).toBe(3);
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => p.paragraph(i).textContent)).toEqual(['a', 'bb', '', 'ccc', 'd', 'e', 'f']);
    expect([0, 2, 3, 5, 6].map((i) => p.blockOf(i))).toEqual([0, 0, 1, 1, 2]);
    expect(p.blockParagraphs(1)).toEqual({ first: 3, last: 5 });
    for (let i = 0; i < p.count; i++) {
      expect(doc.resolve(p.start(i)).parent).toBe(p.paragraph(i));
      expect(p.end(i) - p.start(i)).toBe(p.paragraph(i).content.size);
      expect(p.paragraphAt(p.start(i))).toBe(i);
      expect(p.paragraphAt(p.end(i))).toBe(i);
    }
    for (let b = 0; b < p.blockCount; b++) expect(doc.nodeAt(p.blockStart(b))).toBe(doc.child(b));
    // Between two blocks: the line before.
    expect(p.paragraphAt(p.blockStart(1))).toBe(2);
    expect(p.textBetween(p.start(1), p.end(4))).toBe(doc.textBetween(p.start(1), p.end(4), '\n'));
  });
});

const piece = fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '\r', '😀');
const text = (max: number) => fc.array(piece, { maxLength: max }).map((p) => p.join(''));
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const edit = fc.record({ a: fraction, b: fraction, inserted: text(12) });

/** Applies `edits` (fractions of the text's length) with replaceWithText, checking each step; returns the texts after each. */
function applyEdits(original: string, edits: readonly { a: number; b: number; inserted: string }[], lines: number, model?: (text: string, start: number, end: number, inserted: string) => string): string[] {
  setBlockLines(lines);
  let state = EditorState.create({ doc: textToDoc(original), plugins: [positionsPlugin()] });
  const texts: string[] = [];
  for (const { a, b, inserted } of edits) {
    const positions = DocPositions.of(state.doc);
    const [start, end] = [a, b].map((f) => Math.floor(f * (positions.cpLength + 1)) % (positions.cpLength + 1)).sort((x, y) => x - y) as [number, number];
    const before = docToText(state.doc);
    const tr = replaceWithText(state.tr, positions.posAtCodePoint(start), positions.posAtCodePoint(end), inserted);
    expect(applyChanges(before, textChangesOf(tr)).text).toBe(docToText(tr.doc));
    state = state.apply(tr);
    if (model) expect(docToText(state.doc)).toBe(model(before, start, end, inserted));
    state.doc.check();
    expect(blockSizes(state.doc).every((n) => n > 0)).toBe(true);
    expect(entries(DocPositions.of(state.doc))).toEqual(entries(rebuilt(state.doc)));
    texts.push(docToText(state.doc));
  }
  return texts;
}

describe('replacing text across blocks', () => {
  it('any multi-line replace gives the string edit, its text changes replay it, and the index kept step by step equals a rebuild', () => {
    const lf = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '😀'), { maxLength: 40 }).map((p) => p.join(''));
    const lfEdit = fc.record({ a: fraction, b: fraction, inserted: fc.array(fc.constantFrom('x', '\n', '🎉'), { maxLength: 12 }).map((p) => p.join('')) });
    fc.assert(
      fc.property(lf, fc.array(lfEdit, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 4 }), (original, edits, lines) => {
        applyEdits(original, edits, lines, spliced);
      }),
      { numRuns: 300 },
    );
  });

  it('with mixed line endings, any sequence of replaces gives the text it gives with all lines in one block', () => {
    fc.assert(
      fc.property(text(40), fc.array(edit, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 4 }), (original, edits, lines) => {
        expect(applyEdits(original, edits, lines)).toEqual(applyEdits(original, edits, 1000));
      }),
      { numRuns: 300 },
    );
  });

  it('with mixed line endings, any replace gives the string edit: lines joined end as the last of them did', () => {
    // An offset between a CR and an LF is left out: inside one CRLF ending it is the line's end
    // (posAtCodePoint), between a line ending in CR and an empty one ending in LF it is not.
    const between = (text: string, at: number) => {
      const cps = [...text];
      return cps[at - 1] === '\r' && cps[at] === '\n';
    };
    const model = (text: string, start: number, end: number, inserted: string) => {
      fc.pre(!between(text, start) && !between(text, end));
      return spliced(text, start, end, inserted);
    };
    fc.assert(
      fc.property(text(40), fc.array(edit, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 4 }), (original, edits, lines) => {
        applyEdits(original, edits, lines, model);
      }),
      { numRuns: 500 },
    );
  });

  it('a pasted slice of many lines goes in as blocks, with the text a paste of the lines gives', () => {
    const state = EditorState.create({ doc: textToDoc('start\nmiddle\nend') });
    const lines = Array.from({ length: 11 }, (_, i) => schema.nodes.paragraph!.create(null, schema.text(`pasted ${i}`)));
    for (const [openStart, openEnd] of [[1, 1], [0, 0], [1, 0]] as const) {
      const slice = new Slice(Fragment.from(lines), openStart, openEnd);
      for (const [from, to] of [[3, 3], [4, 12], [2, 20]] as const) {
        const plain = state.tr.replaceRange(from, to, slice);
        const blocked = state.tr.replaceRange(from, to, pastedInBlocks(slice));
        expect(docToText(blocked.doc)).toBe(docToText(plain.doc));
        blocked.doc.check();
        expect(Math.max(...blockSizes(blocked.doc))).toBeLessThanOrEqual(6);
      }
    }
  });

  it('a long paste comes in as blocks of the usual size', () => {
    setBlockLines(4);
    const state = EditorState.create({ doc: textToDoc('start\nend') });
    const pasted = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const tr = replaceWithText(state.tr, 4, 4, pasted);
    expect(docToText(tr.doc)).toBe(`st${pasted}art\nend`);
    expect(Math.max(...blockSizes(tr.doc))).toBeLessThanOrEqual(8);
    expect(blockSizes(tr.doc).length).toBeGreaterThanOrEqual(5);
  });
});

/** Runs `command` on `state` (through the block keys first, as the editor's keymaps do). */
function press(state: EditorState, key: keyof typeof blockKeys): EditorState {
  let next = state;
  const dispatch = (tr: Transaction) => (next = state.apply(tr));
  const commands: Command[] = [blockKeys[key]!, baseKeymap[key]!];
  for (const command of commands) if (command(state, dispatch)) break;
  return next;
}

describe('keys at block boundaries', () => {
  const lines = ['one', 'two', 'three', 'four', '', 'six', 'seven'];
  const text = lines.join('\r\n');
  const at = (state: EditorState, pos: number) => state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
  const open = () => EditorState.create({ doc: textToDoc(text), plugins: [positionsPlugin(), history()] });

  it('Backspace at the start of every line joins it to the line before, as in one block', () => {
    for (let i = 1; i < lines.length; i++) {
      const state = open();
      const positions = DocPositions.of(state.doc);
      const after = press(at(state, positions.start(i)), 'Backspace');
      expect(docToText(after.doc)).toBe([...lines.slice(0, i - 1), lines[i - 1]! + lines[i]!, ...lines.slice(i + 1)].join('\r\n'));
      expect(after.selection.head).toBe(DocPositions.of(after.doc).posAtCodePoint([...lines.slice(0, i - 1), lines[i - 1]!].join('\r\n').length));
      after.doc.check();
    }
  });

  it('Delete at the end of every line joins the next line to it', () => {
    for (let i = 0; i < lines.length - 1; i++) {
      const state = open();
      const after = press(at(state, DocPositions.of(state.doc).end(i)), 'Delete');
      expect(docToText(after.doc)).toBe([...lines.slice(0, i), lines[i]! + lines[i + 1]!, ...lines.slice(i + 2)].join('\r\n'));
    }
  });

  it('Enter at the start, middle and end of every line splits it, and undo brings the text back', () => {
    for (let i = 0; i < lines.length; i++) {
      for (const col of [0, Math.floor(lines[i]!.length / 2), lines[i]!.length]) {
        const state = open();
        const after = press(at(state, DocPositions.of(state.doc).start(i) + col), 'Enter');
        const split = [lines[i]!.slice(0, col), lines[i]!.slice(col)];
        expect(docToText(after.doc)).toBe([...lines.slice(0, i), ...split, ...lines.slice(i + 1)].join('\r\n'));
        let undone = after;
        undo(after, (tr) => (undone = after.apply(tr)));
        expect(docToText(undone.doc)).toBe(text);
        let redone = undone;
        redo(undone, (tr) => (redone = undone.apply(tr)));
        expect(docToText(redone.doc)).toBe(docToText(after.doc));
      }
    }
  });

  it('select all and type, or delete, leaves one valid line', () => {
    let state = open();
    selectAll(state, (tr) => (state = state.apply(tr)));
    const typed = state.apply(state.tr.insertText('new'));
    expect(docToText(typed.doc)).toBe('new');
    typed.doc.check();
    const deleted = press(state, 'Backspace');
    expect(docToText(deleted.doc)).toBe('');
    deleted.doc.check();
  });
});
