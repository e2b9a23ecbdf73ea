import { describe, expect, it } from 'vitest';
import { ANNOTATION_EDGES, mapPosition, mapRange, mapRangeWith } from '../../src/core/mapping';

describe('mapping annotation ranges through changes', () => {
  const range = { start: 10, end: 20 };
  it('shifts when text is inserted before', () => {
    expect(mapRange(range, { start: 2, end: 2, inserted: 'abc' })).toEqual({ start: 13, end: 23 });
  });
  it('stays when text changes after', () => {
    expect(mapRange(range, { start: 25, end: 30, inserted: '' })).toEqual(range);
  });
  it('extends when typing inside', () => {
    expect(mapRange(range, { start: 15, end: 15, inserted: 'xy' })).toEqual({ start: 10, end: 22 });
  });
  it('does not extend when typing at either edge', () => {
    expect(mapRange(range, { start: 10, end: 10, inserted: 'x' })).toEqual({ start: 11, end: 21 });
    expect(mapRange(range, { start: 20, end: 20, inserted: 'x' })).toEqual({ start: 10, end: 20 });
  });
  it('shrinks when a deletion crosses an edge', () => {
    expect(mapRange(range, { start: 5, end: 12, inserted: '' })).toEqual({ start: 5, end: 13 });
    expect(mapRange(range, { start: 18, end: 25, inserted: '' })).toEqual({ start: 10, end: 18 });
  });
  it('keeps covering text that replaced exactly its own', () => {
    expect(mapRange(range, { start: 10, end: 20, inserted: 'new' })).toEqual({ start: 10, end: 13 });
  });
  it('detaches when all its text is deleted', () => {
    expect(mapRange(range, { start: 8, end: 22, inserted: '' })).toBeNull();
    expect(mapRange(range, { start: 10, end: 20, inserted: '' })).toBeNull();
  });
  it('counts astral insertions in code points', () => {
    expect(mapRange(range, { start: 0, end: 0, inserted: '😀' })).toEqual({ start: 11, end: 21 });
  });
});

describe('mapping positions', () => {
  it('sends a position at an insertion point before or after the inserted text as asked', () => {
    const insert = { start: 5, end: 5, inserted: 'abc' };
    expect(mapPosition(5, insert, 3, -1)).toBe(5);
    expect(mapPosition(5, insert, 3, 1)).toBe(8);
  });
  it('keeps the ends of a replaced range at the ends of what replaced it, and collapses the inside as asked', () => {
    const replace = { start: 5, end: 9, inserted: 'xy' };
    expect(mapPosition(5, replace, 2, 1)).toBe(5);
    expect(mapPosition(9, replace, 2, -1)).toBe(7);
    expect(mapPosition(7, replace, 2, -1)).toBe(5);
    expect(mapPosition(7, replace, 2, 1)).toBe(7);
  });
  it('maps a range with any position mapper by the annotation edges', () => {
    const asked: [number, number][] = [];
    const mapped = mapRangeWith({ start: 3, end: 8 }, (pos, assoc) => {
      asked.push([pos, assoc]);
      return pos * 2;
    });
    expect(asked).toEqual([[3, ANNOTATION_EDGES.start], [8, ANNOTATION_EDGES.end]]);
    expect(ANNOTATION_EDGES).toEqual({ start: 1, end: -1 });
    expect(mapped).toEqual({ start: 6, end: 16 });
    expect(mapRangeWith({ start: 3, end: 8 }, () => 4)).toBeNull();
  });
});
