import { describe, expect, it } from 'vitest';
import { expectClean, findingsOf, flagged } from './helpers';

const RULE = 'untranslated-cjk';

describe(RULE, () => {
  it('flags untranslated text for a person, with no fix', () => {
    expect(flagged(RULE, 'the 新基建 plan')).toEqual(['新基建']);
    expect(findingsOf(RULE, 'the 新基建 plan')[0]).toMatchObject({ replacement: null, safe: false });
    expect(findingsOf(RULE, 'the 新基建 plan')[0]!.message).toContain('Chinese');
  });

  it('reports a run with its punctuation once', () => {
    expect(flagged(RULE, 'both 新基建，新动能 and more')).toEqual(['新基建，新动能']);
  });

  it('names Japanese and Korean, and handles astral characters', () => {
    expect(findingsOf(RULE, 'the word ひらがな here')[0]!.message).toContain('Japanese');
    expect(findingsOf(RULE, 'the word 한국어 here')[0]!.message).toContain('Korean');
    expect(flagged(RULE, '😀 rare 𠀋𠀌 characters')).toEqual(['𠀋𠀌']);
  });

  it('leaves other scripts and lone full-width punctuation alone', () => {
    expectClean(RULE, ['plain English', 'Ελληνικά and русский', 'an emoji 😀', 'a comma，alone']);
  });
});
