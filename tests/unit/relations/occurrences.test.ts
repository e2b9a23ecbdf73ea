import { describe, expect, it } from 'vitest';
import { findOccurrences, foldCase, occurrencesToAnnotate } from '../../../src/core/occurrences';
import { sliceCodePoints } from '../../../src/core/offsets';

const quotes = (text: string, found: { start: number; end: number }[]) => found.map((o) => sliceCodePoints(text, o.start, o.end));

describe('occurrences', () => {
  const text = 'Shanghai, shanghai and SHANGHAI; Shanghainese is spoken in Shanghai.';

  it('exact matching finds only the same case', () => {
    expect(findOccurrences(text, 'Shanghai')).toEqual([
      { start: 0, end: 8 },
      { start: 33, end: 41 },
      { start: 59, end: 67 },
    ]);
  });

  it('ignoring case finds every casing', () => {
    expect(quotes(text, findOccurrences(text, 'shanghai', { ignoreCase: true }))).toEqual(['Shanghai', 'shanghai', 'SHANGHAI', 'Shanghai', 'Shanghai']);
  });

  it('whole words leave out a match glued to a letter', () => {
    const found = findOccurrences(text, 'Shanghai', { wholeWord: true });
    expect(found.map((o) => o.start)).toEqual([0, 59]);
    expect(findOccurrences('Li met Lin and Li.', 'Li', { wholeWord: true }).map((o) => o.start)).toEqual([0, 15]);
  });

  it('counts overlapping matches', () => {
    expect(findOccurrences('aaaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 1, end: 3 },
      { start: 2, end: 4 },
    ]);
  });

  it('gives code point offsets in text with astral characters', () => {
    const astral = '😀 Li 𠀀Li met Li 😀';
    const found = findOccurrences(astral, 'Li');
    expect(found).toEqual([
      { start: 2, end: 4 },
      { start: 6, end: 8 },
      { start: 13, end: 15 },
    ]);
    expect(quotes(astral, found)).toEqual(['Li', 'Li', 'Li']);
    // 𠀀 is a letter, so its neighbour is not a whole word.
    expect(findOccurrences(astral, 'Li', { wholeWord: true }).map((o) => o.start)).toEqual([2, 13]);
    // An astral needle, overlapping.
    expect(findOccurrences('😀😀😀', '😀😀')).toEqual([
      { start: 0, end: 2 },
      { start: 1, end: 3 },
    ]);
  });

  it('does not match half of a surrogate pair', () => {
    expect(findOccurrences('😀', '\uDE00')).toEqual([]);
  });

  it('case folding keeps lengths, so offsets stay the original ones', () => {
    const tricky = 'İstanbul ΣΟΦΟΣ istanbul';
    expect(foldCase(tricky).length).toBe(tricky.length);
    expect(quotes(tricky, findOccurrences(tricky, 'σοφοσ', { ignoreCase: true }))).toEqual(['ΣΟΦΟΣ']);
  });

  it('finds nothing for an empty string', () => {
    expect(findOccurrences('abc', '')).toEqual([]);
  });

  it('skips ranges already annotated with all the same tags, not those with other tags or detached', () => {
    const doc = 'Beijing said Beijing would host Beijing talks.';
    const annotations = [
      { start: 0, end: 7, tagIds: ['place', 'city'], detached: false },
      { start: 13, end: 20, tagIds: ['organisation'], detached: false },
      { start: 32, end: 39, tagIds: ['place'], detached: true },
    ];
    expect(occurrencesToAnnotate(doc, 'Beijing', ['place'], annotations).map((o) => o.start)).toEqual([13, 32]);
    expect(occurrencesToAnnotate(doc, 'Beijing', ['place', 'capital'], annotations).map((o) => o.start)).toEqual([0, 13, 32]);
  });
});
