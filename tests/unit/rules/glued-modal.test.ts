import { describe, expect, it } from 'vitest';
import { checkText } from '../../../src/core/rules';
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

  it('flags every casing and spacing of the glue where a sentence starts', () => {
    expect(fixedOnce(RULE, 'the chain. wantContinue to')).toBe('the chain. Continue to');
    expect(fixedOnce(RULE, 'the chain.WantGrab coupons')).toBe('the chain. Grab coupons');
    expect(fixedOnce(RULE, 'the chain.want Continue to')).toBe('the chain. Continue to');
    expect(fixedOnce(RULE, 'III. Want Metro Line 2 opens')).toBe('III. Metro Line 2 opens');
    expect(fixedOnce(RULE, 'the chain.wantcontinue to')).toBe('the chain. Continue to');
    expect(fixedOnce(RULE, 'It grew 4.5%.MustContinue to')).toBe('It grew 4.5%. Continue to');
    expect(fixedOnce(RULE, 'It grew 4.5%. must Continue to')).toBe('It grew 4.5%. Continue to');
    expect(findingsOf(RULE, 'the chain.WantGrab coupons').map((f) => f.rule)).toEqual([RULE]);
    expect(checkText('the chain.WantGrab coupons').map((f) => f.rule)).toEqual([RULE]);
  });

  it('flags the glue at a list item start and after a semicolon or colon', () => {
    expect(fixedOnce(RULE, '1.wantDo a good job')).toBe('1. Do a good job');
    expect(fixedOnce(RULE, '(2)wantImprove it')).toBe('(2) Improve it');
    expect(fixedOnce(RULE, '- wantGrab coupons')).toBe('- Grab coupons');
    expect(fixedOnce(RULE, '3. wantStrengthen ties')).toBe('3. Strengthen ties');
    expect(fixedOnce(RULE, 'the venues; wantStrengthen the links')).toBe('the venues; strengthen the links');
    expect(fixedOnce(RULE, 'as follows:wantDo this')).toBe('as follows: Do this');
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
      'Want to join? Call us. Wanted: drivers. Wanting more, they wanted it.',
      'I want Coke. They want Beijing to win.',
      'We want Continental breakfast',
      'a wantonly cruel act',
    ]);
  });

  it('flags "want" glued in lowercase onto a two-letter word', () => {
    expect(fixedOnce(RULE, 'What is heatstroke?wantit is a disease')).toBe('What is heatstroke? It is a disease');
    expect(fixedOnce(RULE, 'with 320 seats.wantseats can be booked')).toBe('with 320 seats. Seats can be booked');
  });
});
