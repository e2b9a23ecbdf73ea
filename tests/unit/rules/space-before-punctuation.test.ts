import { describe, expect, it } from 'vitest';
import { expectClean, flagged, fixedOnce } from './helpers';

const RULE = 'space-before-punctuation';

describe(RULE, () => {
  it('flags a space before punctuation and removes it safely', () => {
    expect(flagged(RULE, 'X Daily reported , all right')).toEqual([' ,']);
    expect(fixedOnce(RULE, 'X Daily reported , all right')).toBe('X Daily reported, all right');
    expect(fixedOnce(RULE, 'the end .')).toBe('the end.');
    expect(fixedOnce(RULE, 'is it ?')).toBe('is it?');
    expect(fixedOnce(RULE, 'note : this')).toBe('note: this');
    expect(fixedOnce(RULE, 'two  ; three')).toBe('two; three');
  });

  it('flags spaces inside brackets', () => {
    expect(flagged(RULE, 'the plan ( text ) was')).toEqual(['( ', ' )']);
    expect(flagged(RULE, 'a [ note ]')).toEqual(['[ ', ' ]']);
  });

  it('leaves .NET, decimals, ellipses, smileys, times and indentation alone', () => {
    expectClean(RULE, ['built on .NET today', 'costs .5 yuan', 'and then ...', 'great :) and ;-)', 'at 10 :30', '  , leading', '( )']);
  });

  it('leaves wildcards, queries and conditionals in code-like text alone', () => {
    expectClean(RULE, ['wildcard characters (* and ?). Results', 'use * or ? to match', 'match file?.txt or a?b', 'the pattern data ?.csv', 'open /list ?id=5', 'x ? y : z', 'cond ? "yes" : "no"']);
    expect(flagged(RULE, 'Is it true ? We')).toEqual([' ?']);
    expect(flagged(RULE, 'What now !')).toEqual([' !']);
  });
});
