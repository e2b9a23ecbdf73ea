import { describe, expect, it } from 'vitest';
import { expectClean, findingsOf, flagged } from './helpers';

const RULE = 'unbalanced-quotes-or-brackets';

describe(RULE, () => {
  it('flags a quote or bracket left open, with no fix', () => {
    expect(flagged(RULE, 'he called it “the plan and left')).toEqual(['“']);
    expect(findingsOf(RULE, 'he called it “the plan')[0]).toMatchObject({ replacement: null, safe: false });
    expect(flagged(RULE, 'the plan (2023 was')).toEqual(['(']);
    expect(flagged(RULE, 'the 《plan')).toEqual(['《']);
    expect(flagged(RULE, 'he said "hello and left')).toEqual(['"']);
  });

  it('flags a closing mark that closes nothing', () => {
    expect(flagged(RULE, 'the plan” was')).toEqual(['”']);
    expect(flagged(RULE, 'the plans] were')).toEqual([']']);
  });

  it('flags a mark left open inside another pair', () => {
    expect(flagged(RULE, '(the “plan)')).toEqual(['“']);
  });

  it('leaves balanced text, list items, smileys, inches and apostrophes alone', () => {
    expectClean(RULE, [
      'the “plan” (2023-2026) and [notes]',
      '1) first 2) second a) third iv) fourth',
      'great :) and sad :-(',
      '(Case number:(2023) Su 05 No. 4417)',
      'a 12" pizza and 5\'10" tall',
      'Xi Jinping’s speech',
      'see https://en.wikipedia.org/wiki/Plan_(economics) now',
      'follow "Healthy Shanghai 12320" and buy a 55" TV',
      '=IF(B2>=60,"Pass","Fail") and {"id":1,"tags":["new","urgent"]}',
      'the HR-3000 (5G) model and "Aqua Blue" color',
    ]);
  });

  it('leaves pairs that span a wrapped line break alone', () => {
    expectClean(RULE, ['a text wrapped (at a\nline break) on its way\nand a “quote that\nruns on” here', 'a "straight quote\nwrapped" too', 'three (lines\nof a wrapped\nparagraph) here.']);
    expect(flagged(RULE, 'The plan (open.\nNext paragraph.')).toEqual(['(']);
    expect(flagged(RULE, 'A full paragraph.\nThen a close) here.')).toEqual([')']);
  });

  it('leaves a quotation that runs on into the next paragraph alone', () => {
    expectClean(RULE, ['“The first paragraph of a long quotation.\n“And its end.”']);
    expect(flagged(RULE, '“Open here.\nNot reopened.')).toEqual(['“']);
  });
});
