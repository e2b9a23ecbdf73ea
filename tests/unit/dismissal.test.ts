import { describe, expect, it } from 'vitest';
import { DISMISSAL_CONTEXT, dismissalKey, dismissalOf } from '../../src/core/dismissal';
import { codePointLength, hasLoneSurrogate } from '../../src/core/offsets';
import { checkLine } from '../../src/core/rules';

describe('dismissal identity', () => {
  it('keeps the rule, the quote and 16 code points of context each side', () => {
    const line = 'The delegation arrived in Vientiane  on Monday and met the minister there.';
    const from = line.indexOf('  ');
    expect(dismissalOf('repeated-spaces', line, from, from + 2)).toEqual({
      rule: 'repeated-spaces',
      quote: '  ',
      before: 'ved in Vientiane',
      after: 'on Monday and me',
    });
    expect(DISMISSAL_CONTEXT).toBe(16);
  });

  it('takes less context at the ends of the line', () => {
    expect(dismissalOf('r', 'ab  cd', 2, 4)).toEqual({ rule: 'r', quote: '  ', before: 'ab', after: 'cd' });
  });

  // Regression: cut at 16 UTF-16 code units, the context began with the second
  // half of 😀, a lone surrogate the api refuses, so the finding could never be dismissed.
  it('never cuts an astral character in half', () => {
    const line = 'Go 😀aaaaaaaaaa word  next one';
    const finding = checkLine(line).find((f) => f.rule === 'repeated-spaces')!;
    expect(line.slice(finding.from, finding.to)).toBe('  ');
    const dismissal = dismissalOf(finding.rule, line, finding.from, finding.to);
    expect(dismissal.before).toBe('😀aaaaaaaaaa word');
    expect(codePointLength(dismissal.before)).toBe(16);
    expect(hasLoneSurrogate(dismissal.before)).toBe(false);
  });

  it('counts astral characters after the finding as one each', () => {
    const line = `x  ${'😀'.repeat(20)}`;
    const { after } = dismissalOf('r', line, 1, 3);
    expect(after).toBe('😀'.repeat(16));
    expect(hasLoneSurrogate(after)).toBe(false);
  });

  it('tells dismissals apart by every part', () => {
    const d = dismissalOf('r', 'ab  cd', 2, 4);
    expect(dismissalKey(d)).toBe(dismissalKey({ ...d }));
    for (const other of [{ ...d, rule: 's' }, { ...d, quote: ' ' }, { ...d, before: 'b' }, { ...d, after: 'c' }]) expect(dismissalKey(other)).not.toBe(dismissalKey(d));
  });
});
