import { describe, expect, it } from 'vitest';
import { mapAlignment, mapAlignmentThrough } from '../../../src/core/bilingual/follow-edits';
import type { AlignmentLink } from '../../../src/core/bilingual/types';

const links: AlignmentLink[] = [
  { source: { start: 0, end: 5 }, translation: { start: 0, end: 10 } },
  { source: { start: 5, end: 9 }, translation: { start: 11, end: 20 } },
  { source: null, translation: { start: 21, end: 25 } },
];

describe('an alignment through edits of the translation', () => {
  it('moves the ranges after an edit and stretches the one typed inside', () => {
    expect(mapAlignment(links, { start: 3, end: 3, inserted: 'abc' })).toEqual([
      { source: { start: 0, end: 5 }, translation: { start: 0, end: 13 } },
      { source: { start: 5, end: 9 }, translation: { start: 14, end: 23 } },
      { source: null, translation: { start: 24, end: 28 } },
    ]);
  });

  it('does not extend a range by text typed at its edge (the annotation rule)', () => {
    expect(mapAlignment(links, { start: 10, end: 10, inserted: 'x' })[0]!.translation).toEqual({ start: 0, end: 10 });
  });

  it('leaves a source without translation when its translation is deleted, and drops an addition that is deleted', () => {
    const after = mapAlignmentThrough(links, [
      { start: 11, end: 20, inserted: '' },
      { start: 12, end: 16, inserted: '' },
    ]);
    expect(after).toEqual([
      { source: { start: 0, end: 5 }, translation: { start: 0, end: 10 } },
      { source: { start: 5, end: 9 }, translation: null },
    ]);
  });
});
