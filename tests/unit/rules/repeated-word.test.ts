import { describe, expect, it } from 'vitest';
import { expectClean, findingsOf, fixedOnce, flagged } from './helpers';

const RULE = 'repeated-word';

describe(RULE, () => {
  it('flags a doubled word as a suggestion to remove one', () => {
    expect(flagged(RULE, 'in the the city')).toEqual([' the']);
    expect(findingsOf(RULE, 'in the the city')[0]).toMatchObject({ replacement: '', safe: false });
    expect(fixedOnce(RULE, 'in the the city')).toBe('in the city');
    expect(fixedOnce(RULE, 'The the plan')).toBe('The plan');
    expect(fixedOnce(RULE, 'THE THE PLAN')).toBe('THE PLAN');
    expect(fixedOnce(RULE, 'it it works')).toBe('it works');
    expect(flagged(RULE, 'the café café')).toEqual([' café']);
  });

  it('leaves legitimate doubles and reduplicated names alone', () => {
    expectClean(RULE, ['what he had had', 'he said that that was it', 'what it is is clear', 'Li Li and Fang Fang met', 'bye bye', 'Walla Walla']);
  });

  it('leaves look-alikes alone', () => {
    expectClean(RULE, ['the theory', 'the, the', 'the\nthe', "don't t", 'well-being being', 'is 10 10', "the '[object Object]' string"]);
  });
});
