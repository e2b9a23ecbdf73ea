import { describe, expect, it } from 'vitest';
import { fixAllSafe } from '../../../src/core/rules';
import { expectClean, findingsOf, fixedOnce, flagged } from './helpers';

const RULE = 'mojibake';

describe(RULE, () => {
  it('restores UTF-8 read as Windows-1252, safely', () => {
    expect(flagged(RULE, 'the cityâ€™s plan')).toEqual(['â€™']);
    expect(findingsOf(RULE, 'the cityâ€™s plan')[0]).toMatchObject({ replacement: '’', safe: true, severity: 'error' });
    expect(fixedOnce(RULE, 'the cityâ€™s plan')).toBe('the city’s plan');
    expect(fixedOnce(RULE, 'a cafÃ© here')).toBe('a café here');
    expect(fixedOnce(RULE, 'Â© Harbour')).toBe('© Harbour');
    expect(fixedOnce(RULE, 'the word ä¸­å›½ here')).toBe('the word 中国 here');
  });

  it('restores quotes, including the byte Windows-1252 leaves undefined', () => {
    expect(fixAllSafe('he said â€œyesâ€\u009d today', { rules: [RULE] }).text).toBe('he said “yes” today');
  });

  it('restores no-break spaces', () => {
    expect(fixedOnce(RULE, '10Â\u00a0km')).toBe('10\u00a0km');
    expect(fixedOnce(RULE, '10Â km')).toBe('10 km');
  });

  it('undoes double encoding over rounds', () => {
    expect(fixAllSafe('itÃ¢â‚¬â„¢s', { rules: [RULE] }).text).toBe('it’s');
  });

  it('leaves real accented text alone', () => {
    expectClean(RULE, ['a café in Zürich', 'naïve São Paulo', 'ESPAÑA—and more', 'CAFÉ…', 'Âge, À la carte', '«café»', 'Ã OK', 'ÂGE ']);
  });
});
