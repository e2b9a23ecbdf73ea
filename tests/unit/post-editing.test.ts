import { describe, expect, it } from 'vitest';
import { diffTexts } from '../../src/core/diff';
import { applyChange, revertChange } from '../../src/core/edits';
import { levenshtein, postEditingEffort } from '../../src/core/post-editing';

describe('diff of original and current text', () => {
  it('shows words removed and added, and puts the texts back together', () => {
    const before = 'the city.We must continue the the work';
    const after = 'the city. We must continue the work';
    const parts = diffTexts(before, after);
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(before);
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(after);
    // Which of the two "the" went is a matter of alignment; what changed is not.
    expect(parts.filter((p) => p.kind !== 'same').map((p) => `${p.kind}:${p.text.trim()}`)).toEqual(['added:', 'removed:the']);
  });
  it('handles identical, empty and completely different texts', () => {
    expect(diffTexts('same 😀', 'same 😀')).toEqual([{ kind: 'same', text: 'same 😀' }]);
    expect(diffTexts('', 'new')).toEqual([{ kind: 'added', text: 'new' }]);
    expect(diffTexts('old', '')).toEqual([{ kind: 'removed', text: 'old' }]);
  });
});

describe('post-editing effort', () => {
  it('is zero for an unchanged text', () => {
    expect(postEditingEffort('abc def', 'abc def')).toEqual({ characterDistance: 0, wordDistance: 0, characterHter: 0, wordHter: 0, changedShare: 0 });
  });
  it('counts characters and words changed, over the corrected text', () => {
    const effort = postEditingEffort('Shanghai.We want go', 'Shanghai. We want to go');
    expect(effort.characterDistance).toBe(4); // " " and "to "
    expect(effort.wordDistance).toBe(1); // "to"
    expect(effort.characterHter).toBeCloseTo(4 / 23);
    expect(effort.wordHter).toBeCloseTo(1 / 5);
  });
  it('counts astral characters once', () => {
    expect(postEditingEffort('a 😀 b', 'a 😁 b').characterDistance).toBe(1);
  });
  it('computes Levenshtein distance', () => {
    expect(levenshtein([...'kitten'], [...'sitting'])).toBe(3);
  });
});

describe('reverting one edit among others', () => {
  const original = 'the city.We must act';
  const edits = [
    { seq: 1, start: 9, end: 9, removed: '', inserted: ' ' }, // "the city. We must act"
    { seq: 2, start: 0, end: 3, removed: 'the', inserted: 'The' }, // "The city. We must act"
    { seq: 3, start: 18, end: 21, removed: 'act', inserted: 'go on' }, // "The city. We must go on"
  ];
  const current = 'The city. We must go on';
  it('moves the inverse through later edits', () => {
    const change = revertChange(edits, 1)!;
    expect(applyChange(current, change).text).toBe('The city.We must go on');
    expect(applyChange(current, revertChange(edits, 3)!).text).toBe('The city. We must act');
  });
  it('refuses when a later edit changed the text it inserted', () => {
    const overlapping = [...edits, { seq: 4, start: 18, end: 20, removed: 'go', inserted: 'keep' }];
    expect(revertChange(overlapping, 3)).toBeNull();
    expect(original).toBe('the city.We must act');
  });
});
