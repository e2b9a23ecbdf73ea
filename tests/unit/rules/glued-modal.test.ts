import { describe, expect, it } from 'vitest';
import { expectClean, findingsOf, fixedOnce, flagged } from './helpers';

const RULE = 'glued-modal';

describe(RULE, () => {
  it('flags a stray "want" glued to the next sentence and drops it safely', () => {
    const text = 'the industrial chain and supply chain.wantContinue to deepen reform';
    expect(flagged(RULE, text)).toEqual(['.wantContinue']);
    expect(fixedOnce(RULE, text)).toBe('the industrial chain and supply chain. Continue to deepen reform');
    expect(findingsOf(RULE, text)[0]).toMatchObject({ replacement: '. Continue', safe: true });
  });

  it('flags other modals, after a spaced sentence end or at a line start', () => {
    expect(fixedOnce(RULE, 'It grew.”mustStrengthen ties')).toBe('It grew.” Strengthen ties');
    expect(fixedOnce(RULE, 'It grew. needPromote trade')).toBe('It grew. Promote trade');
    expect(fixedOnce(RULE, 'wantContinue to deepen reform')).toBe('Continue to deepen reform');
    expect(fixedOnce(RULE, 'first line\n  shouldImprove it')).toBe('first line\n  Improve it');
  });

  it('only suggests a sentence end after a word, where it is a guess', () => {
    const [finding] = findingsOf(RULE, 'the supply chain wantContinue to deepen');
    expect(finding).toMatchObject({ replacement: '. Continue', safe: false });
    expect(fixedOnce(RULE, 'the supply chain wantContinue to deepen')).toBe('the supply chain. Continue to deepen');
  });

  it('leaves words, brands and code alone', () => {
    expectClean(RULE, [
      'they want to continue, and willingly',
      'it wants Continued support',
      'an iPhone, eBay and WeChat',
      'if (mustBeDefined(x)) shouldUpdate(y)',
      'this.willChange = true; obj.wantMore.x',
      'the swillBucket',
    ]);
  });
});
