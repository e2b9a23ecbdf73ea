import { describe, expect, it } from 'vitest';
import { AlignmentError, alignmentProblem, applyAlignmentOperation } from '../../../src/core/bilingual/alignment-edits';
import type { AlignmentLink } from '../../../src/core/bilingual/types';

const s = (start: number, end: number) => ({ start, end });
// 甲。乙。丙。 / "A. B. C." by sentence.
const links: AlignmentLink[] = [
  { source: s(0, 2), translation: s(0, 2) },
  { source: s(2, 4), translation: null },
  { source: null, translation: s(3, 5) },
  { source: s(4, 6), translation: s(6, 8) },
];

describe('alignment corrections', () => {
  it('links an omission with the addition next to it, and unlinks it again', () => {
    const linked = applyAlignmentOperation(links, { op: 'link', index: 1 });
    expect(linked[1]).toEqual({ source: s(2, 4), translation: s(3, 5) });
    expect(applyAlignmentOperation(linked, { op: 'unlink', index: 1 })).toEqual(links);
  });

  it('merges two links into one-to-many and splits it back at the sentence starts', () => {
    const merged = applyAlignmentOperation(links, { op: 'merge', index: 2 });
    expect(merged[2]).toEqual({ source: s(4, 6), translation: s(3, 8) });
    expect(applyAlignmentOperation(merged, { op: 'split', index: 2, source: null, translation: 6 })).toEqual([
      ...links.slice(0, 2),
      { source: s(4, 6), translation: s(3, 6) },
      { source: null, translation: s(6, 8) },
    ]);
  });

  it('refuses what does not fit: linking two full links, a split outside the link, a link past the end', () => {
    expect(() => applyAlignmentOperation(links, { op: 'link', index: 0 })).toThrow(AlignmentError);
    expect(() => applyAlignmentOperation(links, { op: 'split', index: 0, source: 2, translation: null })).toThrow(/not inside/);
    expect(() => applyAlignmentOperation(links, { op: 'merge', index: 3 })).toThrow(/no link 4/);
    expect(() => applyAlignmentOperation(links, { op: 'unlink', index: 1 })).toThrow(/only one side/);
  });

  it('says why an alignment does not fit its texts, and nothing for one that does', () => {
    expect(alignmentProblem(links, 6, 8)).toBeNull();
    expect(alignmentProblem(links, 5, 8)).toMatch(/outside the source/);
    expect(alignmentProblem([links[3]!, links[0]!], 6, 8)).toMatch(/overlaps or comes before/);
    expect(alignmentProblem([{ source: s(2, 2), translation: null }], 6, 8)).toMatch(/empty/);
    expect(alignmentProblem([{ source: null, translation: null }], 6, 8)).toMatch(/neither/);
  });
});
