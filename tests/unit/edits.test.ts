import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChange, ChangingText, inverseOf, replayEdits } from '../../src/core/edits';
import { astralStarts, CodePointIndex, codePointLength, hasLoneSurrogate, sliceCodePoints } from '../../src/core/offsets';

describe('code point offsets', () => {
  const text = 'a😀b𠀋c\u4e2d';
  it('counts astral characters as one', () => {
    expect(codePointLength(text)).toBe(6);
    expect(text.length).toBe(8);
  });
  it('converts both ways', () => {
    const index = new CodePointIndex(text);
    expect([0, 1, 2, 3, 4, 5, 6].map((cp) => index.toUtf16(cp))).toEqual([0, 1, 3, 4, 6, 7, 8]);
    expect([0, 1, 3, 4, 6, 7, 8].map((u) => index.toCodePoint(u))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // An index inside a surrogate pair rounds down to the character's start.
    expect(index.toCodePoint(2)).toBe(1);
  });
  it('slices by code points', () => {
    expect(sliceCodePoints(text, 1, 4)).toBe('😀b𠀋');
  });
  it('finds where each astral character starts, as a walk over the code points does, lone surrogates included', () => {
    const units = fc.constantFrom('a', '😀', '\ud800', '\udc00', '\ud83d', '\ude00', '中', '\n');
    fc.assert(
      fc.property(fc.array(units, { maxLength: 30 }), fc.nat(100), (parts, offset) => {
        const text = parts.join('');
        const expected: number[] = [];
        let at = 0;
        for (const c of text) {
          if (c.length === 2) expected.push(offset + at);
          at += c.length;
        }
        expect(astralStarts(text, offset)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
  it('detects lone surrogates', () => {
    expect(hasLoneSurrogate('ok 😀')).toBe(false);
    expect(hasLoneSurrogate('bad \ud800 x')).toBe(true);
    expect(hasLoneSurrogate('bad \udc00')).toBe(true);
  });
});

describe('edits', () => {
  it('applies a change in code points and reports what it removed', () => {
    expect(applyChange('😀 Shanghai.We', { start: 11, end: 12, inserted: ' W' })).toEqual({ text: '😀 Shanghai. We', removed: 'W' });
  });
  it('rejects changes outside the text', () => {
    expect(() => applyChange('abc', { start: 2, end: 4, inserted: '' })).toThrow(/outside/);
    expect(() => applyChange('abc', { start: 2, end: 1, inserted: '' })).toThrow(/outside/);
  });
  it('replays a history and refuses one that does not match', () => {
    const edits = [
      { start: 0, end: 1, removed: 'T', inserted: 't' },
      { start: 3, end: 3, removed: '', inserted: '😀' },
    ];
    expect(replayEdits('The cat', edits)).toBe('the😀 cat');
    expect(() => replayEdits('The cat', [{ start: 0, end: 1, removed: 'X', inserted: '' }])).toThrow(/removed/);
  });
  it('inverts an edit', () => {
    const inverse = inverseOf({ start: 3, removed: 'ab', inserted: '😀x' });
    expect(inverse).toEqual({ start: 3, end: 5, inserted: 'ab', removed: '😀x' });
  });
});

describe('a text changed one change after another', () => {
  // Texts of several pieces (16k UTF-16 units each), astral characters to land on their edges.
  const unit = fc.constantFrom('a', ' ', '\n', '😀', 'é');
  const long = fc.tuple(fc.array(unit, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 80_000 })).map(([p, n]) => p.join('').repeat(Math.ceil(n / p.length)));
  const fraction = fc.double({ min: 0, max: 1, noNaN: true });
  const inserted = fc.oneof(fc.array(unit, { maxLength: 4 }).map((p) => p.join('')), fc.integer({ min: 1, max: 40_000 }).map((n) => 'b😀'.repeat(n)));

  it('gives, after any changes, what changing an array of its code points gives', () => {
    fc.assert(
      fc.property(long, fc.array(fc.record({ at: fraction, span: fc.oneof(fc.constant(0), fraction), inserted }), { minLength: 1, maxLength: 6 }), (original, edits) => {
        const changing = new ChangingText(original);
        let cps = [...original];
        for (const { at, span, inserted } of edits) {
          const start = Math.floor(at * cps.length);
          const end = Math.min(cps.length, start + Math.floor(span * (cps.length - start)));
          expect(changing.apply({ start, end, inserted })).toBe(cps.slice(start, end).join(''));
          cps = [...cps.slice(0, start), ...inserted, ...cps.slice(end)];
          expect(changing.length).toBe(cps.length);
          const a = Math.floor(at * cps.length / 2);
          expect(changing.slice(a, a + 20_000)).toBe(cps.slice(a, a + 20_000).join(''));
        }
        expect(changing.text).toBe(cps.join(''));
      }),
      { numRuns: 40 },
    );
  });

  it('locates code points as a fresh CodePointIndex of its text does, after every change (what the export checks edits with)', () => {
    const crlf = fc.constantFrom('a', '\r\n', '\n', '😀', '𠀀', 'é');
    const text = fc.tuple(fc.array(crlf, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 40_000 })).map(([p, n]) => p.join('').repeat(Math.ceil(n / p.length)));
    const piece = fc.array(crlf, { maxLength: 5 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.record({ at: fraction, span: fc.oneof(fc.constant(0), fraction), inserted: piece, probe: fc.array(fc.tuple(fraction, fraction), { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 12 }), (original, edits) => {
        const changing = new ChangingText(original);
        let current = original;
        for (const { at, span, inserted, probe } of edits) {
          const before = new CodePointIndex(current);
          const start = Math.floor(at * before.length);
          const end = Math.min(before.length, start + Math.floor(span * (before.length - start)));
          const removed = changing.apply({ start, end, inserted });
          expect(removed).toBe(current.slice(before.toUtf16(start), before.toUtf16(end)));
          current = current.slice(0, before.toUtf16(start)) + inserted + current.slice(before.toUtf16(end));
          const fresh = new CodePointIndex(current);
          expect(changing.length).toBe(fresh.length);
          for (const [x, y] of probe) {
            const [a, b] = [Math.floor(x * (fresh.length + 1)), Math.floor(y * (fresh.length + 1))].sort((p, q) => p - q) as [number, number];
            expect(changing.slice(a, b)).toBe(current.slice(fresh.toUtf16(a), fresh.toUtf16(b)));
          }
        }
        expect(changing.text).toBe(current);
      }),
      { numRuns: 60 },
    );
  });
});
