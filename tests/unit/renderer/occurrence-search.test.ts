import { describe, expect, it } from 'vitest';
import { occurrencesIn, type SearchedDocument } from '../../../src/renderer/document/occurrence-search';

const document = (text: string, annotations: SearchedDocument['annotations'] = []): SearchedDocument => ({ id: 'd', title: 'Readout', text, editCount: 4, annotations });

describe('occurrences for the preview', () => {
  it('lists each occurrence with its context on one line, at code point offsets, with the version it was found on', () => {
    const found = occurrencesIn(document('😀 Shanghai\nand 𠀋 shanghai, Shanghais.'), 'Shanghai', ['place'], 'ignore-case');
    expect(found.map((o) => [o.start, o.end, o.before, o.match, o.after, o.baseEditCount])).toEqual([
      [2, 10, '😀 ', 'Shanghai', ' and 𠀋 shanghai, Shanghais.', 4],
      [17, 25, '😀 Shanghai and 𠀋 ', 'shanghai', ', Shanghais.', 4],
      [27, 35, '😀 Shanghai and 𠀋 shanghai, ', 'Shanghai', 's.', 4],
    ]);
  });

  it('matches exactly, ignoring case or whole words only, and leaves out what already has the tags', () => {
    const text = 'Shanghai, shanghai, Shanghais, Shanghai.';
    const annotated = [{ start: 0, end: 8, tagIds: ['place', 'city'], detached: false }];
    const starts = (mode: 'exact' | 'ignore-case' | 'whole-words', tagIds = ['place']) => occurrencesIn(document(text, annotated), 'Shanghai', tagIds, mode).map((o) => o.start);
    expect(starts('exact')).toEqual([20, 31]);
    expect(starts('ignore-case')).toEqual([10, 20, 31]);
    expect(starts('whole-words')).toEqual([31]);
    // The annotation lacks "person": it is listed too.
    expect(starts('whole-words', ['place', 'person'])).toEqual([0, 31]);
  });

  it('does not cut a surrogate pair in half at the edge of the context', () => {
    const text = `${'😀'.repeat(30)} Li ${'𠀋'.repeat(30)}`;
    const [o] = occurrencesIn(document(text), 'Li', ['person'], 'exact');
    expect(o!.before.startsWith('\uDE00')).toBe(false);
    expect([...o!.before].every((c) => c === '😀' || c === ' ')).toBe(true);
    expect([...o!.after].every((c) => c === '𠀋' || c === ' ')).toBe(true);
  });
});
