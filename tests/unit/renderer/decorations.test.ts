import fc from 'fast-check';
import { EditorState, TextSelection } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { decorationSet, replaceParagraphs, type DecorationSpan } from '../../../src/renderer/editor/decoration-set';
import { DecorationWindow } from '../../../src/renderer/editor/decoration-window';
import { INITIAL_CHARACTERS, paragraphWindowPlugin } from '../../../src/renderer/editor/paragraph-window';
import { DocPositions } from '../../../src/renderer/editor/positions';
import { BLOCK_LINES, setBlockLines, textToDoc } from '../../../src/renderer/editor/text-doc';

// One spec per span, whatever position it is made at, as the plugins do (the fast builder is checked against ProseMirror's by them).
const span = (from: number, to: number, id: number): DecorationSpan => {
  const spec = { id };
  return { from, to, decoration: (f, t) => Decoration.inline(f, t, { class: 'x' }, spec) };
};
/** A document in blocks of two lines, so that block boundaries fall everywhere. */
const smallBlocks = (text: string) => {
  setBlockLines(2);
  try {
    return textToDoc(text);
  } finally {
    setBlockLines(BLOCK_LINES);
  }
};
const seen = (set: DecorationSet) =>
  set
    .find()
    .map((d) => `${d.from}-${d.to}#${(d.spec as { id: number }).id}`)
    .sort();

describe('the decoration-set builder', () => {
  it('gives what ProseMirror’s builder gives, for ranges within, across and between paragraphs', () => {
    const doc = smallBlocks('first line\n\nsecond 😀 line\nthird\n');
    const size = doc.content.size;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: size }), fc.integer({ min: 0, max: size })), { maxLength: 40 }), (ranges) => {
        const spans = ranges.map(([a, b], i) => span(Math.min(a, b), Math.max(a, b), i));
        const expected = DecorationSet.create(doc, spans.map((s) => s.decoration(s.from, s.to)));
        const built = decorationSet(doc, spans);
        expect(seen(built)).toEqual(seen(expected));
        // And finds them by position like ProseMirror's does.
        for (let pos = 0; pos <= size; pos += 3) expect(seen(DecorationSet.create(doc, built.find(pos, pos + 2)))).toEqual(seen(DecorationSet.create(doc, expected.find(pos, pos + 2))));
      }),
    );
  });

  it('replaces the decorations of some paragraphs as removing and adding them would', () => {
    const doc = smallBlocks('first line\n\nsecond 😀 line\nthird\nfourth one\n');
    const size = doc.content.size;
    const ranges = fc.array(fc.tuple(fc.integer({ min: 0, max: size }), fc.integer({ min: 0, max: size })), { maxLength: 30 });
    fc.assert(
      fc.property(ranges, ranges, fc.integer({ min: 0, max: DocPositions.of(doc).count - 1 }), fc.integer({ min: 0, max: DocPositions.of(doc).count - 1 }), (before, after, a, b) => {
        const [first, last] = [Math.min(a, b), Math.max(a, b)];
        const set = decorationSet(doc, before.map(([x, y], i) => span(Math.min(x, y), Math.max(x, y), i)));
        const start = DocPositions.of(doc).pmStart[first]! - 1;
        const end = DocPositions.of(doc).pmStart[last]! - 1 + DocPositions.of(doc).paragraph(last).nodeSize;
        // New spans inside the paragraphs (within one each, as findings are), or anywhere (the public calls then).
        const spans = after.map(([x, y], i) => span(Math.min(x, y), Math.max(x, y), 100 + i)).filter((s) => s.from < s.to && s.from >= start && s.to <= end);
        const expected = set.remove(set.find(start, end)).add(doc, spans.map((s) => s.decoration(s.from, s.to)));
        expect(seen(replaceParagraphs(set, doc, first, last, spans))).toEqual(seen(expected));
        // With every span within one paragraph (findings, suggestions): the blocks' sets are swapped, not rebuilt.
        const positions = DocPositions.of(doc);
        const withinOne = (s: DecorationSpan) => s.from >= positions.start(positions.paragraphAt(s.from)) && s.to <= positions.end(positions.paragraphAt(s.from));
        const own = decorationSet(doc, before.map(([x, y], i) => span(Math.min(x, y), Math.max(x, y), i)).filter(withinOne));
        const ownSpans = spans.filter(withinOne);
        const ownExpected = own.remove(own.find(start, end)).add(doc, ownSpans.map((s) => s.decoration(s.from, s.to)));
        const replaced = replaceParagraphs(own, doc, first, last, ownSpans);
        expect(seen(replaced)).toEqual(seen(ownExpected));
        for (let pos = 0; pos <= size; pos += 2) expect(seen(DecorationSet.create(doc, replaced.find(pos, pos + 1)))).toEqual(seen(DecorationSet.create(doc, ownExpected.find(pos, pos + 1))));
      }),
    );
  });

  it('gives each block and paragraph its part as ProseMirror’s set would, node decorations and lines crossed included', () => {
    setBlockLines(2);
    const doc = textToDoc('first line\n\nsecond 😀 line\nthird\nfourth one\n');
    setBlockLines(BLOCK_LINES);
    const size = doc.content.size;
    const starts: number[] = [];
    doc.descendants((node, offset) => {
      starts.push(offset);
      return !node.isTextblock;
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: size }), fc.integer({ min: 0, max: size })), { maxLength: 30 }), fc.subarray(starts), (ranges, marked) => {
        const spans = ranges.map(([a, b], i) => span(Math.min(a, b), Math.max(a, b), i));
        const nodes = marked.map((at, i): DecorationSpan => {
          const spec = { id: 1000 + i };
          return { from: at, to: at + doc.nodeAt(at)!.nodeSize, decoration: (f, t) => Decoration.node(f, t, {}, spec) };
        });
        const built = decorationSet(doc, [...spans, ...nodes]);
        const expected = DecorationSet.create(doc, [...spans, ...nodes].map((s) => s.decoration(s.from, s.to)));
        const part = (set: DecorationSet, at: number) => {
          const found: string[] = [];
          const $at = doc.resolve(at);
          const blockPart = $at.depth === 0 ? set : set.forChild($at.before(1), $at.node(1));
          const inBlock = $at.depth === 0 ? at : at - $at.before(1) - 1;
          (blockPart as DecorationSet).forChild(inBlock, doc.nodeAt(at)!).forEachSet((s) => found.push(...seen(s)));
          return found.sort();
        };
        if (built !== DecorationSet.empty) expect(built.constructor).not.toBe(DecorationSet);
        for (const at of starts) expect(part(built, at)).toEqual(part(expected, at));
      }),
    );
  });

  it('is empty for no spans', () => {
    expect(decorationSet(textToDoc('a'), [])).toBe(DecorationSet.empty);
  });
});

describe('the decoration window', () => {
  const remake = (d: Decoration, from: number, to: number) => Decoration.inline(from, to, { class: 'again' }, d.spec as object);
  const stateOf = (doc: ReturnType<typeof textToDoc>) => EditorState.create({ doc, plugins: [paragraphWindowPlugin()] });

  it('draws everything in a short document', () => {
    const doc = textToDoc('one\ntwo\nthree');
    const all = decorationSet(doc, [span(1, 4, 1), span(10, 15, 2)]);
    expect(new DecorationWindow(remake).decorations(stateOf(doc), all)).toBe(all);
  });

  it('draws only the paragraphs shown: the opening part of a long document and the paragraph of the selection', () => {
    const line = 'The municipal government stressed that the reform must go on.';
    const doc = textToDoc(Array.from({ length: Math.ceil((3 * INITIAL_CHARACTERS) / line.length) }, () => line).join('\n'));
    const positions = DocPositions.of(doc);
    const last = DocPositions.of(doc).count - 1;
    const middle = last >> 1;
    const at = (i: number) => positions.pmStart[i]!;
    const spans = [span(at(0), at(0) + 3, 1), span(at(middle), at(middle) + 3, 2), span(at(last), at(last) + 3, 3)];
    const all = decorationSet(doc, spans);
    const window = new DecorationWindow(remake);
    const state = stateOf(doc);
    const shown = window.decorations(state, all);
    expect(seen(shown)).toEqual([`${spans[0]!.from}-${spans[0]!.to}#1`]);
    expect(shown.find().every((d) => (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class === 'again')).toBe(true);
    // Asked again for the same state: the same set, not a new one.
    expect(window.decorations(state, all)).toBe(shown);
    // The caret far down: its paragraph is shown, and so are its highlights.
    const caretThere = state.apply(state.tr.setSelection(TextSelection.create(doc, at(last) + 1)));
    expect(seen(window.decorations(caretThere, all))).toEqual([`${spans[0]!.from}-${spans[0]!.to}#1`, `${spans[2]!.from}-${spans[2]!.to}#3`].sort());
  });

  it('draws a highlight over lines once, when paragraphs it covers are shown apart', () => {
    const line = 'The municipal government stressed that the reform must go on.';
    const doc = textToDoc(Array.from({ length: Math.ceil((3 * INITIAL_CHARACTERS) / line.length) }, () => line).join('\n'));
    const positions = DocPositions.of(doc);
    const last = DocPositions.of(doc).count - 1;
    const crossing = span(positions.pmStart[last - 2]! + 5, positions.pmStart[last]! + 5, 1);
    const state = stateOf(doc);
    // Anchor and head two paragraphs apart: each shown on its own, the one between not.
    const selected = state.apply(state.tr.setSelection(TextSelection.create(doc, positions.pmStart[last - 2]! + 1, positions.pmStart[last]! + 1)));
    expect(seen(new DecorationWindow(remake).decorations(selected, decorationSet(doc, [crossing])))).toEqual([`${crossing.from}-${crossing.to}#1`]);
  });

  it('maps its part through an edit it is told of, and makes it again when paragraphs come or go', () => {
    const line = 'The municipal government stressed that the reform must go on.';
    const doc = textToDoc(Array.from({ length: Math.ceil((3 * INITIAL_CHARACTERS) / line.length) }, () => line).join('\n'));
    const positions = DocPositions.of(doc);
    const spans = [0, 1, 2, DocPositions.of(doc).count - 1].map((i) => span(positions.pmStart[i]! + 4, positions.pmStart[i]! + 13, i));
    const all = decorationSet(doc, spans);
    const window = new DecorationWindow(remake);
    const state = stateOf(doc);
    const shown = window.decorations(state, all);
    const afresh = (s: EditorState, a: DecorationSet) => seen(new DecorationWindow(remake).decorations(s, a));

    // A letter typed inside the first paragraph's decoration: mapped, the paragraphs it did not touch kept as they were.
    const typed = state.tr.insertText('x', positions.pmStart[0]! + 6);
    const typedState = state.apply(typed);
    const allAfter = all.map(typed.mapping, typed.doc);
    window.mapped(all, allAfter, typed);
    const shownAfter = window.decorations(typedState, allAfter);
    expect(seen(shownAfter)).toEqual(afresh(typedState, allAfter));
    expect(seen(shownAfter)).toContain(`${positions.pmStart[0]! + 4}-${positions.pmStart[0]! + 14}#0`);
    expect(shownAfter.find(positions.pmStart[1]!, positions.pmStart[1]! + 20)[0]!.spec).toBe(shown.find(positions.pmStart[1]!, positions.pmStart[1]! + 20)[0]!.spec);

    // A line break: made again, the same as afresh.
    const split = typedState.tr.split(positions.pmStart[1]! + 2);
    const splitState = typedState.apply(split);
    const allSplit = allAfter.map(split.mapping, split.doc);
    window.mapped(allAfter, allSplit, split);
    expect(seen(window.decorations(splitState, allSplit))).toEqual(afresh(splitState, allSplit));
  });

  it('changes its part by the decorations removed and added that are in it', () => {
    const line = 'The municipal government stressed that the reform must go on.';
    const doc = textToDoc(Array.from({ length: Math.ceil((3 * INITIAL_CHARACTERS) / line.length) }, () => line).join('\n'));
    const positions = DocPositions.of(doc);
    const at = (i: number, id: number) => span(positions.pmStart[i]! + 4, positions.pmStart[i]! + 13, id).decoration(positions.pmStart[i]! + 4, positions.pmStart[i]! + 13);
    const last = DocPositions.of(doc).count - 1;
    const all = DecorationSet.create(doc, [at(0, 0), at(1, 1), at(last, 2)]);
    const window = new DecorationWindow(remake);
    const state = stateOf(doc);
    window.decorations(state, all);
    const [gone] = all.find(positions.pmStart[1]!, positions.pmStart[1]! + 20);
    const added = [at(2, 3), at(last - 1, 4)];
    const after = all.remove([gone!]).add(doc, [...added]);
    window.changed(all, after, doc, [gone!], added);
    const shown = window.decorations(state, after);
    expect(seen(shown)).toEqual(seen(new DecorationWindow(remake).decorations(state, after)));
    expect(seen(shown).map((s) => s.split('#')[1]).sort()).toEqual(['0', '3']);
  });
});
