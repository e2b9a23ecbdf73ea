import { describe, expect, it } from 'vitest';
import { expectClean, findingsOf, fixedOnce, flagged } from './helpers';

const RULE = 'duplicated-phrase';

describe(RULE, () => {
  it('flags a phrase said twice and suggests keeping one', () => {
    const text = 'towards a higher level and higher level of capital';
    expect(flagged(RULE, text)).toEqual(['higher level and higher level']);
    expect(findingsOf(RULE, text)[0]).toMatchObject({ replacement: 'higher level', safe: false });
    expect(fixedOnce(RULE, text)).toBe('towards a higher level of capital');
  });

  it('takes the longest repeated phrase, with "and" or "or" between', () => {
    expect(flagged(RULE, 'to improve the level and improve the level of services')).toEqual(['improve the level and improve the level']);
    expect(flagged(RULE, 'new towns, and new towns')).toEqual(['new towns, and new towns']);
    expect(flagged(RULE, 'new cities or new cities')).toEqual(['new cities or new cities']);
    expect(flagged(RULE, 'High quality and high quality growth')).toEqual(['High quality and high quality']);
  });

  it('leaves single words, idioms, names and different phrases alone', () => {
    expectClean(RULE, [
      'more and more people',
      'again and again',
      'over and over and over and over',
      'step by step',
      'and so on and so on',
      'New York, New York',
      'a higher level and higher quality',
      'the levels and level',
      'After calling this method, calling this method again fails',
      'in the city in the city',
    ]);
  });
});
