import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS, estimateHeight, inWindow, metricsFrom, ParagraphHeights } from '../../../src/renderer/editor/paragraph-view';
import {
  INITIAL_CHARACTERS,
  initialWindow,
  isShown,
  mergeSpans,
  paragraphWindowPlugin,
  setWindow,
  shownParagraphs,
  windowAround,
  windowDecorations,
} from '../../../src/renderer/editor/paragraph-window';
import { DocPositions } from '../../../src/renderer/editor/positions';
import { textToDoc } from '../../../src/renderer/editor/text-doc';

const LINE = 'The municipal government stressed that the reform must go on.';
// Ten times the opening window's worth of lines.
const longDoc = () => textToDoc(Array.from({ length: Math.ceil((10 * INITIAL_CHARACTERS) / LINE.length) }, (_, i) => `${i} ${LINE}`).join('\n'));
const stateOf = (doc = longDoc()) => EditorState.create({ doc, plugins: [paragraphWindowPlugin()] });
const start = (state: EditorState, i: number) => DocPositions.of(state.doc).pmStart[i]!;

describe('the paragraph window', () => {
  it('shows every paragraph of a short document', () => {
    const state = stateOf(textToDoc('one\ntwo\n\nthree'));
    expect(shownParagraphs(state)).toBeNull();
    expect(isShown(state, 3)).toBe(true);
  });

  it('opens on the paragraphs at the top, about INITIAL_CHARACTERS of them', () => {
    const state = stateOf();
    const [window] = shownParagraphs(state)!;
    expect(window!.first).toBe(0);
    let chars = 0;
    for (let i = 0; i < window!.last; i++) chars += DocPositions.of(state.doc).paragraph(i).content.size;
    expect(chars).toBeGreaterThanOrEqual(INITIAL_CHARACTERS);
    expect(chars - DocPositions.of(state.doc).paragraph(window!.last - 1).content.size).toBeLessThan(INITIAL_CHARACTERS);
    expect(initialWindow(state.doc)).toEqual(window);
  });

  it('always shows the paragraphs of the selection’s anchor and head, apart from the window', () => {
    let state = stateOf();
    const last = DocPositions.of(state.doc).count - 1;
    const middle = last >> 1;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, start(state, middle) + 2, start(state, last) + 3)));
    const [window, ...rest] = shownParagraphs(state)!;
    expect(window!.first).toBe(0);
    expect(rest).toEqual([
      { first: middle, last: middle },
      { first: last, last: last },
    ]);
    expect(isShown(state, middle)).toBe(true);
    expect(isShown(state, middle + 1)).toBe(false);
  });

  it('moves to a place scrolled to outside it, with the paragraphs around', () => {
    let state = stateOf();
    const target = (DocPositions.of(state.doc).count * 3) >> 2;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, start(state, target))).scrollIntoView());
    expect(shownParagraphs(state)).toEqual([windowAround(state.doc, target)]);
    const [around] = shownParagraphs(state)!;
    expect(around!.first).toBeLessThan(target - 100);
    expect(around!.last).toBeGreaterThan(target + 100);
    // A selection inside it leaves it where it is.
    const again = state.apply(state.tr.setSelection(TextSelection.create(state.doc, start(state, target + 5))).scrollIntoView());
    expect(shownParagraphs(again)).toEqual(shownParagraphs(state));
  });

  it('keeps lines typed or pasted at its edges in it, and follows the paragraphs when lines are added above', () => {
    let state = stateOf();
    const [window] = shownParagraphs(state)!;
    const caret = TextSelection.create(state.doc, start(state, 0));
    state = state.apply(state.tr.setSelection(caret));
    // Lines pasted at the end of the window's last paragraph are in it.
    const end = start(state, window!.last) + DocPositions.of(state.doc).paragraph(window!.last).content.size;
    state = state.apply(state.tr.split(end).split(end + 2));
    expect(shownParagraphs(state)).toEqual([{ first: 0, last: window!.last + 2 }]);
    // Moved far down, then lines added at the top: the window is the same paragraphs, two further on.
    const far = DocPositions.of(state.doc).count - 200;
    state = state.apply(setWindow(state.tr, { first: far, last: far + 20 }).setSelection(TextSelection.create(state.doc, start(state, far + 1))));
    state = state.apply(state.tr.split(3).split(5));
    expect(shownParagraphs(state)).toEqual([{ first: far + 2, last: far + 22 }]);
    expect(DocPositions.of(state.doc).paragraph(far + 2).textContent).toBe(`${far - 2} ${LINE}`);
  });

  it('stays around the selection when a long text is pasted into it (or brought back by undo), not all of that text', () => {
    let state = stateOf(textToDoc('short'));
    expect(shownParagraphs(state)).toBeNull();
    const long = longDoc();
    state = state.apply(state.tr.replaceWith(0, state.doc.content.size, long.content).scrollIntoView());
    const shown = shownParagraphs(state)!;
    const head = DocPositions.of(state.doc).paragraphAt(state.selection.head);
    expect(shown).toEqual([windowAround(state.doc, head)]);
    expect(shown[0]!.last - shown[0]!.first).toBeLessThan(DocPositions.of(state.doc).count / 4);
  });

  it('marks the paragraphs shown, and only those, with the node decoration their views follow', () => {
    let state = stateOf();
    const last = DocPositions.of(state.doc).count - 1;
    state = state.apply(setWindow(state.tr, { first: 10, last: 12 }).setSelection(TextSelection.create(state.doc, start(state, last))));
    const shown = shownParagraphs(state);
    expect(shown).toEqual([
      { first: 10, last: 12 },
      { first: last, last: last },
    ]);
    const decorations = windowDecorations(state.doc, shown);
    const positions = DocPositions.of(state.doc);
    const kind = (name: string) => decorations.find().filter((d) => state.doc.nodeAt(d.from)!.type.name === name);
    expect(kind('paragraph').map((d) => positions.paragraphAt(d.from + 1))).toEqual([10, 11, 12, last]);
    // The blocks holding them are drawn with their paragraphs; the others are one placeholder each.
    expect(kind('block').map((d) => positions.blockOf(positions.paragraphAt(d.from + 2)))).toEqual([positions.blockOf(10), positions.blockOf(last)]);
    expect(inWindow(decorations.find())).toBe(true);
    expect(inWindow([])).toBe(false);
    // Every paragraph of a short document.
    const short = textToDoc('a\nb\nc');
    expect(windowDecorations(short, null).find()).toHaveLength(4);
  });

  it('joins spans that overlap or touch', () => {
    expect(
      mergeSpans([
        { first: 9, last: 9 },
        { first: 0, last: 4 },
        { first: 5, last: 6 },
        { first: 3, last: 3 },
        { first: 12, last: 14 },
      ]),
    ).toEqual([
      { first: 0, last: 6 },
      { first: 9, last: 9 },
      { first: 12, last: 14 },
    ]);
  });
});

describe('paragraph heights', () => {
  it('are estimated from the length, one line at least', () => {
    const metrics = { lineHeight: 20, extra: 4, charsPerLine: 50 };
    expect(estimateHeight(0, metrics)).toBe(24);
    expect(estimateHeight(50, metrics)).toBe(24);
    expect(estimateHeight(51, metrics)).toBe(44);
    expect(estimateHeight(500, metrics)).toBe(204);
  });

  it('take their metrics from probe paragraphs: the line height from one and two lines, the characters per line from wrapped text', () => {
    // 20 px lines, no padding; 1,000 characters on 11 lines: about 95 a line.
    const metrics = metricsFrom(20, 40, 220, 1000)!;
    expect(metrics.lineHeight).toBe(20);
    expect(metrics.extra).toBe(0);
    expect(metrics.charsPerLine).toBeCloseTo(1000 / 10.5);
    expect(estimateHeight(1000, metrics)).toBe(220);
    // Nothing laid out (a hidden editor): no metrics.
    expect(metricsFrom(0, 0, 0, 1000)).toBeNull();
  });

  it('are remembered once measured, per paragraph node, until the layout changes', () => {
    const doc = textToDoc(`short\n${'long '.repeat(100)}`);
    const heights = new ParagraphHeights();
    const [short, long] = [DocPositions.of(doc).paragraph(0), DocPositions.of(doc).paragraph(1)];
    expect(heights.of(long)).toBe(estimateHeight(long.content.size, DEFAULT_METRICS));
    heights.remember(long, 123);
    expect(heights.of(long)).toBe(123);
    expect(heights.isMeasured(short)).toBe(false);
    expect(heights.relayout('800/16px', { lineHeight: 10, extra: 0, charsPerLine: 100 })).toBe(true);
    expect(heights.of(long)).toBe(50);
    heights.remember(long, 77);
    // The same layout again changes nothing.
    expect(heights.relayout('800/16px', { lineHeight: 10, extra: 0, charsPerLine: 100 })).toBe(false);
    expect(heights.of(long)).toBe(77);
  });
});
