import { describe, expect, it } from 'vitest';
import { expectClean, findingsOf, fixedOnce, flagged } from './helpers';

const RULE = 'full-width-punctuation';

describe(RULE, () => {
  it('replaces full-width marks with English ones, spaced as English spaces them', () => {
    expect(flagged(RULE, 'the plan，which')).toEqual(['，']);
    expect(findingsOf(RULE, 'the plan，which')[0]).toMatchObject({ replacement: ', ', safe: true });
    expect(fixedOnce(RULE, 'the plan，which')).toBe('the plan, which');
    expect(fixedOnce(RULE, 'the plan ， which')).toBe('the plan, which');
    expect(fixedOnce(RULE, 'It ended。Then')).toBe('It ended. Then');
    expect(fixedOnce(RULE, 'It ended。')).toBe('It ended.');
    expect(fixedOnce(RULE, 'first；second')).toBe('first; second');
    expect(fixedOnce(RULE, 'note：this')).toBe('note: this');
    expect(fixedOnce(RULE, 'really！')).toBe('really!');
    expect(fixedOnce(RULE, 'why？Because')).toBe('why? Because');
    expect(fixedOnce(RULE, 'cities、towns')).toBe('cities, towns');
    expect(fixedOnce(RULE, 'the 《Action Plan” is')).toBe('the “Action Plan” is');
  });

  it('spaces brackets from the words outside them', () => {
    const text = 'the plan（2023-2026）was';
    expect(flagged(RULE, text)).toEqual(['（', '）']);
    const [open] = findingsOf(RULE, text);
    expect(open!.replacement).toBe(' (');
  });

  it('keeps numbers together', () => {
    expect(fixedOnce(RULE, 'at 10：30')).toBe('at 10:30');
    expect(fixedOnce(RULE, 'paid 1，200 yuan')).toBe('paid 1,200 yuan');
    expect(fixedOnce(RULE, 'grew 3．5%')).toBe('grew 3.5%');
  });

  it('replaces ideographic spaces', () => {
    expect(fixedOnce(RULE, 'two\u3000words')).toBe('two words');
    expect(fixedOnce(RULE, '\u3000\u3000Indented paragraph')).toBe('Indented paragraph');
  });

  it('spaces curly quotes glued to the word outside them', () => {
    expect(fixedOnce(RULE, 'the so-called“dual circulation” plan')).toBe('the so-called “dual circulation” plan');
    expect(fixedOnce(RULE, 'the “dual circulation”plan')).toBe('the “dual circulation” plan');
  });

  it('leaves English quotes, apostrophes and Chinese text alone', () => {
    expectClean(RULE, [
      'other “non-stop” services for the city’s graduates',
      '“Quoted,” he said.',
      'the term 新基建，新动能 stays for the untranslated-cjk rule',
      '中文（括号）',
      'plain, English; text: here!',
    ]);
  });
});
