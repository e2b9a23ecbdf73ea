import fc from 'fast-check';
import { joinBackward, splitBlock } from 'prosemirror-commands';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../../src/core/edits';
import { DocPositions } from '../../../src/renderer/editor/positions';
import { textChangesOf } from '../../../src/renderer/editor/text-changes';
import { docToText, replaceWithText, textToDoc } from '../../../src/renderer/editor/text-doc';

describe('text <-> editor document', () => {
  const samples = [
    '',
    'one line',
    '  leading and trailing  ',
    'a\nb\n',
    'a\r\nb\r\n\r\nc',
    'mixed\nendings\r\nand\rhere\n',
    '\n\n\n',
    'tabs\tand  double  spaces',
    'emoji 😀 and 𠀋 astral CJK\r\n第二行',
  ];
  it.each(samples)('round-trips %j exactly', (text) => {
    const doc = textToDoc(text);
    expect(docToText(doc)).toBe(text);
    expect(DocPositions.of(doc).count).toBe(text.split(/\r\n|\r|\n/).length);
  });

  it('round-trips any text', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '😀', '中', '\t') }), (text) => docToText(textToDoc(text)) === text));
  });
});

describe('ProseMirror positions <-> code points', () => {
  it('converts both ways on text with astral characters and CRLF', () => {
    const text = 'a😀b\r\n𠀋c';
    const positions = DocPositions.of(textToDoc(text));
    // Paragraph 1 content starts at 2 (inside its block); "a"=2, "😀"=3..4, "b"=5, end=6; paragraph 2 content starts at 8.
    expect([2, 3, 5, 6, 8, 10, 11].map((p) => positions.codePointAt(p))).toEqual([0, 1, 2, 3, 5, 6, 7]);
    expect([0, 1, 2, 3, 5, 6, 7].map((cp) => positions.posAtCodePoint(cp))).toEqual([2, 3, 5, 6, 8, 10, 11]);
    expect(positions.cpLength).toBe(7);
    // An offset inside the line ending maps to the end of its line.
    expect(positions.posAtCodePoint(4)).toBe(6);
  });
});

function replay(state: EditorState, tr: Transaction): void {
  const before = docToText(state.doc);
  const after = docToText(tr.doc);
  expect(applyChanges(before, textChangesOf(tr)).text).toBe(after);
}

describe('text changes of a transaction', () => {
  const state = (text: string) => EditorState.create({ doc: textToDoc(text) });

  it('typing is an insertion at the caret, in code points', () => {
    const s = state('😀 city.We');
    const pos = DocPositions.of(s.doc).posAtCodePoint(7);
    const tr = s.tr.insertText(' ', pos);
    expect(textChangesOf(tr)).toEqual([{ start: 7, end: 7, inserted: ' ' }]);
    replay(s, tr);
  });

  it('typing before a repeated letter is placed where the caret was', () => {
    const s = state('the');
    const tr = s.tr.insertText('t', 2);
    expect(textChangesOf(tr)).toEqual([{ start: 0, end: 0, inserted: 't' }]);
  });

  it('Enter inserts the document line ending; joining removes it', () => {
    const s = state('ab\r\ncd');
    let tr: Transaction | undefined;
    const split = s.apply(s.tr.setSelection(TextSelection.create(s.doc, 3)));
    splitBlock(split, (t) => (tr = t));
    expect(textChangesOf(tr!)).toEqual([{ start: 1, end: 1, inserted: '\r\n' }]);
    replay(split, tr!);
    const joined = s.apply(s.tr.setSelection(TextSelection.create(s.doc, 6)));
    joinBackward(joined, (t) => (tr = t));
    expect(textChangesOf(tr!)).toEqual([{ start: 2, end: 4, inserted: '' }]);
    replay(joined, tr!);
  });

  it('a pasted line break is one insertion: the line ending set on the split paragraph changes nothing else', () => {
    // The line after "a" keeps "a": replacing "a\n" with itself would detach an annotation on it in the store.
    const s = state('ab');
    const tr = replaceWithText(s.tr, 3, 3, '\n');
    expect(textChangesOf(tr)).toEqual([{ start: 1, end: 1, inserted: '\n' }]);
    replay(s, tr);
    const crlf = state('a\r\nb\r\nc');
    const other = replaceWithText(crlf.tr, 3, 3, '\n');
    expect(applyChanges('a\r\nb\r\nc', textChangesOf(other)).text).toBe('a\n\r\nb\r\nc');
    // Each change is a line break inserted or one line ending replaced whole (a CRLF is never cut in two): no letter is replaced.
    const { removed } = applyChanges('a\r\nb\r\nc', textChangesOf(other));
    expect(removed.every((r) => /^(\r\n|\r|\n)?$/.test(r))).toBe(true);
    expect(textChangesOf(other).every((c) => /^(\r\n|\r|\n)$/.test(c.inserted))).toBe(true);
  });

  it('a deletion across lines removes the text and the endings between', () => {
    const s = state('one\ntwo\nthree');
    const positions = DocPositions.of(s.doc);
    const tr = s.tr.delete(positions.posAtCodePoint(2), positions.posAtCodePoint(10));
    expect(textChangesOf(tr)).toEqual([{ start: 2, end: 10, inserted: '' }]);
    replay(s, tr);
  });

  it('replaying the changes of random edits gives the edited text', () => {
    const unit = fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '😀', '中');
    const text = fc.array(unit, { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), fc.string({ unit, maxLength: 3 }), (t, x, y, inserted) => {
        const s = state(t);
        const positions = DocPositions.of(s.doc);
        const a = positions.posAtCodePoint(x % (positions.cpLength + 1));
        const b = positions.posAtCodePoint(y % (positions.cpLength + 1));
        const [from, to] = a <= b ? [a, b] : [b, a];
        const lines = inserted.split(/\r\n|\n/);
        let tr = s.tr.delete(from, to);
        if (lines.length === 1 && inserted) tr = tr.insertText(inserted, from);
        replay(s, tr);
      }),
    );
  });
});

describe('inserting text with line breaks', () => {
  it('keeps each inserted line ending exactly', () => {
    const s = EditorState.create({ doc: textToDoc('ab\ncd') });
    const tr = replaceWithText(s.tr, 3, 3, 'X\r\nY');
    expect(docToText(tr.doc)).toBe('aX\r\nYb\ncd');
    replay(s, tr);
    const across = replaceWithText(s.tr, 3, 7, '1\r2\n3');
    expect(docToText(across.doc)).toBe('a1\r2\n3d');
    replay(s, across);
  });

  it('several changes with line breaks in one transaction (as a rebase applies them) make the text they make one transaction each', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', '\n', '\r\n', '😀'), { maxLength: 20 }).map((p) => p.join('')),
        fc.array(fc.record({ a: fc.nat(), b: fc.nat(), inserted: fc.array(fc.constantFrom('x', '\n', '\r\n', '\r', '🎉'), { maxLength: 4 }).map((p) => p.join('')) }), { minLength: 1, maxLength: 5 }),
        (text, raw) => {
          const tr = EditorState.create({ doc: textToDoc(text) }).tr;
          let apart = EditorState.create({ doc: textToDoc(text) });
          for (const { a, b, inserted } of raw) {
            const positions = DocPositions.ofTransform(tr);
            const [start, end] = [a % (positions.cpLength + 1), b % (positions.cpLength + 1)].sort((x, y) => x - y) as [number, number];
            replaceWithText(tr, positions.posAtCodePoint(start), positions.posAtCodePoint(end), inserted);
            const own = DocPositions.of(apart.doc);
            apart = apart.apply(replaceWithText(apart.tr, own.posAtCodePoint(start), own.posAtCodePoint(end), inserted));
          }
          expect(docToText(tr.doc)).toBe(docToText(apart.doc));
        },
      ),
      { numRuns: 300 },
    );
  });
});
