// Properties over random text: checking never throws and reports sane ranges;
// fixing converges and its record replays.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../src/core/edits';
import { codePointLength } from '../../../src/core/offsets';
import { checkText, fixAllSafe } from '../../../src/core/rules';

// Pieces that make artifacts and their look-alikes when strung together at random.
const PIECES = [
  ' ', '  ', '   ', '\n', '\r\n', '.', ',', ';', ':', '!', '?', '...', '(', ')', '[', ']', '“', '”', '"', '’', "'",
  'the', 'The', 'had', 'city', 'We', 'It', 'want', 'Continue', 'higher level', ' and ', 'and', 'U.S.', 'Mr.', '3.5', '10:30', '1,200',
  '，', '。', '（', '）', '、', '：', '\u3000', '《', '》', '新基建', '𠀋', '😀', 'â€™', 'Ã©', 'Â', 'ä¸­', '\u00a0',
  'https://a.cn/x', 'a@b.org', 'notes.pdf', 'iPhone', 'all rights reserved', 'Copyright 2023', '&amp;',
];
const mtLike = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(mtLike, fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

describe('checkText on any text', () => {
  it('never throws, and reports ranges inside the text, start < end, sorted', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const length = codePointLength(text);
        const findings = checkText(text);
        for (const f of findings) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.start).toBeLessThan(f.end);
          expect(f.end).toBeLessThanOrEqual(length);
          expect(f.safe && f.replacement === null).toBe(false);
        }
        expect(findings.map((f) => f.start)).toEqual(findings.map((f) => f.start).sort((a, b) => a - b));
      }),
      { numRuns: 500 },
    );
  });
});

describe('fixAllSafe on any text', () => {
  it('converges and leaves no safe finding', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = fixAllSafe(text);
        expect(fixAllSafe(once.text).text).toBe(once.text);
        expect(checkText(once.text).filter((f) => f.safe)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('records fixes that replay on the original', () => {
    fc.assert(
      fc.property(mtLike, (text) => {
        const { text: fixed, applied } = fixAllSafe(text);
        let replayed = text;
        for (const fix of applied) {
          const result = applyChange(replayed, { start: fix.start, end: fix.end, inserted: fix.inserted });
          expect(result.removed).toBe(fix.removed);
          replayed = result.text;
        }
        expect(replayed).toBe(fixed);
      }),
      { numRuns: 300 },
    );
  });
});
