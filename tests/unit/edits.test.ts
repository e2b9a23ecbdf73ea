import { describe, expect, it } from 'vitest';
import { applyChange, inverseOf, replayEdits } from '../../src/core/edits';
import { CodePointIndex, codePointLength, hasLoneSurrogate, sliceCodePoints } from '../../src/core/offsets';

describe('code point offsets', () => {
  const text = 'a😀b𠀋c\u4e2d';
  it('counts astral characters as one', () => {
    expect(codePointLength(text)).toBe(6);
    expect(text.length).toBe(8);
  });
  it('converts both ways', () => {
    const index = new CodePointIndex(text);
    expect([0, 1, 2, 3, 4, 5, 6].map((cp) => index.toUtf16(cp))).toEqual([0, 1, 3, 4, 6, 7, 8]);
    expect([0, 1, 3, 4, 6, 7, 8].map((u) => index.toCodePoint(u))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // An index inside a surrogate pair rounds down to the character's start.
    expect(index.toCodePoint(2)).toBe(1);
  });
  it('slices by code points', () => {
    expect(sliceCodePoints(text, 1, 4)).toBe('😀b𠀋');
  });
  it('detects lone surrogates', () => {
    expect(hasLoneSurrogate('ok 😀')).toBe(false);
    expect(hasLoneSurrogate('bad \ud800 x')).toBe(true);
    expect(hasLoneSurrogate('bad \udc00')).toBe(true);
  });
});

describe('edits', () => {
  it('applies a change in code points and reports what it removed', () => {
    expect(applyChange('😀 Shanghai.We', { start: 11, end: 12, inserted: ' W' })).toEqual({ text: '😀 Shanghai. We', removed: 'W' });
  });
  it('rejects changes outside the text', () => {
    expect(() => applyChange('abc', { start: 2, end: 4, inserted: '' })).toThrow(/outside/);
    expect(() => applyChange('abc', { start: 2, end: 1, inserted: '' })).toThrow(/outside/);
  });
  it('replays a history and refuses one that does not match', () => {
    const edits = [
      { start: 0, end: 1, removed: 'T', inserted: 't' },
      { start: 3, end: 3, removed: '', inserted: '😀' },
    ];
    expect(replayEdits('The cat', edits)).toBe('the😀 cat');
    expect(() => replayEdits('The cat', [{ start: 0, end: 1, removed: 'X', inserted: '' }])).toThrow(/removed/);
  });
  it('inverts an edit', () => {
    const inverse = inverseOf({ start: 3, removed: 'ab', inserted: '😀x' });
    expect(inverse).toEqual({ start: 3, end: 5, inserted: 'ab', removed: '😀x' });
  });
});
