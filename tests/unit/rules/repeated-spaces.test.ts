import { describe, expect, it } from 'vitest';
import { expectClean, findingsOf, fixedOnce } from './helpers';

const RULE = 'repeated-spaces';

describe(RULE, () => {
  it('collapses two or three spaces between words safely', () => {
    expect(fixedOnce(RULE, 'two  spaces')).toBe('two spaces');
    expect(fixedOnce(RULE, 'three   spaces')).toBe('three spaces');
    expect(findingsOf(RULE, 'two  spaces')[0]).toMatchObject({ replacement: ' ', safe: true });
  });

  it('leaves typewriter sentence spacing, alignment, indentation and trailing spaces alone', () => {
    expectClean(RULE, ['End.  Next sentence', '(as shown.)  Then', 'He said “no.”  Then', 'Name        Value', '    indented', 'trailing  ', 'tab\t\tseparated', 'one space']);
  });

  it('leaves spaces before punctuation to space-before-punctuation', () => {
    expectClean(RULE, ['reported  , all', '(  text']);
  });
});
