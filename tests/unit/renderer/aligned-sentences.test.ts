import { describe, expect, it } from 'vitest';
import type { AlignmentLink } from '../../../src/core/bilingual/types';
import { CorrectionHistory, defaultSplit, linkAt, segmentsOf, stepLink, unmatchedTranslations } from '../../../src/renderer/document/aligned-sentences';

// Three links: a pair, an addition (no source), a pair.
const links: AlignmentLink[] = [
  { source: { start: 0, end: 5 }, translation: { start: 0, end: 10 } },
  { source: null, translation: { start: 11, end: 20 } },
  { source: { start: 5, end: 9 }, translation: { start: 21, end: 30 } },
];

describe('the Source panel over an alignment', () => {
  it('finds the link holding the caret on each side, a caret between sentences going with the one before', () => {
    expect(linkAt(links, 'translation', 0)).toBe(0);
    expect(linkAt(links, 'translation', 10)).toBe(0);
    expect(linkAt(links, 'translation', 15)).toBe(1);
    expect(linkAt(links, 'translation', 30)).toBe(2);
    expect(linkAt(links, 'source', 6)).toBe(2);
    expect(linkAt([{ source: { start: 3, end: 4 }, translation: null }], 'source', 1)).toBe(-1);
  });

  it('steps to the next link that has the side asked for, and stays at the ends', () => {
    expect(stepLink(links, 0, 1, 'source')).toBe(2);
    expect(stepLink(links, 0, 1, 'translation')).toBe(1);
    expect(stepLink(links, 2, 1, null)).toBe(2);
    expect(stepLink(links, 0, -1, null)).toBe(0);
  });

  it('lists the translations without source', () => {
    expect(unmatchedTranslations(links)).toEqual([{ start: 11, end: 20 }]);
  });

  it('splits after the first sentence by default, and not a side of one sentence', () => {
    const text = '前言。他说：“好。”然后走了。';
    expect(defaultSplit(text, { start: 0, end: [...text].length }, 'zh')).toBe(3);
    expect(defaultSplit('One sentence, with Mr. Smith in it.', { start: 0, end: 35 }, 'en')).toBeNull();
    expect(defaultSplit('x', null, 'en')).toBeNull();
  });
});

describe('the history of corrections', () => {
  const before = links;
  const after = [links[0]!, { source: links[2]!.source, translation: { start: 11, end: 30 } }];

  it('undoes and redoes, and survives being written out and read back', () => {
    const history = CorrectionHistory.parse(null);
    history.record(before, after);
    const kept = CorrectionHistory.parse(history.serialize());
    expect(kept.undo(after)).toEqual({ alignment: before });
    expect(kept.canRedo).toBe(true);
    expect(kept.redo(before)).toEqual({ alignment: after });
  });

  it('refuses to undo over an alignment that changed since (an edit moved it), and forgets what it cannot undo', () => {
    const history = new CorrectionHistory();
    history.record(before, after);
    const moved = after.map((l) => ({ source: l.source, translation: l.translation && { start: l.translation.start + 1, end: l.translation.end + 1 } }));
    expect(history.undo(moved)).toMatchObject({ refused: expect.stringContaining('changed since') });
    expect(history.canUndo).toBe(false);
  });

  it('reads anything that is not its own text as an empty history', () => {
    expect(CorrectionHistory.parse('{"done": 3}').canUndo).toBe(false);
    expect(CorrectionHistory.parse('not json').canUndo).toBe(false);
  });
});

describe('marks drawn inline in a sentence', () => {
  it('cuts the sentence where marks start and end, code point by code point, and leaves out marks elsewhere', () => {
    const sentence = '😀甲乙丙丁。';
    const marks = [
      { start: 1, end: 3, kind: 'annotation' as const, label: 'Omission' },
      { start: 2, end: 5, kind: 'finding' as const, label: 'number' },
      { start: 9, end: 12, kind: 'annotation' as const, label: 'elsewhere' },
    ];
    const segments = segmentsOf(sentence, { start: 0, end: 6 }, marks);
    expect(segments.map((s) => [s.text, s.marks.map((m) => m.label)])).toEqual([
      ['😀', []],
      ['甲', ['Omission']],
      ['乙', ['Omission', 'number']],
      ['丙丁', ['number']],
      ['。', []],
    ]);
  });
});
