import { describe, expect, it } from 'vitest';
import { expectClean, findingsOf, fixedOnce, flagged } from './helpers';

const RULE = 'repeated-word';

describe(RULE, () => {
  it('flags a doubled word and removes one', () => {
    expect(flagged(RULE, 'in the the city')).toEqual([' the']);
    expect(findingsOf(RULE, 'in the the city')[0]).toMatchObject({ replacement: '', safe: true });
    expect(fixedOnce(RULE, 'in the the city')).toBe('in the city');
    expect(fixedOnce(RULE, 'The the plan')).toBe('The plan');
    expect(fixedOnce(RULE, 'THE THE PLAN')).toBe('THE PLAN');
    expect(fixedOnce(RULE, 'it it works')).toBe('it works');
    expect(flagged(RULE, 'the café café')).toEqual([' café']);
  });

  it('fixes unattended only words English never doubles', () => {
    for (const text of ['of the the city', 'the rise of of prices', 'a a plan', 'to to the port', 'and and more', 'for for all']) {
      expect(findingsOf(RULE, text)[0], text).toMatchObject({ safe: true });
    }
    // `fill in in ink`, `carry on on Monday`, `vitamin A a day`: English, or a person's call.
    for (const text of ['fill in in ink', 'carry on on Monday', 'take vitamin A a day', 'it it works']) {
      expect(findingsOf(RULE, text)[0], text).toMatchObject({ safe: false });
    }
  });

  it('leaves legitimate doubles and reduplicated names alone', () => {
    expectClean(RULE, ['what he had had', 'he said that that was it', 'what it is is clear', 'Li Li and Fang Fang met', 'bye bye', 'Walla Walla']);
  });

  it('leaves look-alikes alone', () => {
    expectClean(RULE, ['the theory', 'the, the', 'the\nthe', "don't t", 'well-being being', 'is 10 10', "the '[object Object]' string"]);
  });
});
