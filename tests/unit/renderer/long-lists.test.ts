// The pieces the Source panel draws a long alignment with: a text sliced by
// code points, spans found by overlap, and row heights placed by offset; each
// checked against the plain computation on random input.

import { describe, expect, it } from 'vitest';
import { segmentsOf } from '../../../src/renderer/document/aligned-sentences';
import { CodePointText } from '../../../src/renderer/document/code-point-text';
import { RowHeights } from '../../../src/renderer/document/row-heights';
import { SpanIndex } from '../../../src/renderer/document/span-index';

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

describe('a text sliced by code points', () => {
  it('slices like spreading it into code points, with astral characters, lone surrogates and CRLF', () => {
    const next = random(7);
    const alphabet = ['a', 'é', '国', '😀', '\r\n', '\n', '\ud800', '\udc00', ' ', '𝒳'];
    const text = Array.from({ length: 3000 }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    const points = [...text];
    const sliced = new CodePointText(text);
    expect(sliced.length).toBe(points.length);
    for (let i = 0; i < 500; i++) {
      const start = Math.floor(next() * (points.length + 5));
      const end = start + Math.floor(next() * 700);
      expect(sliced.slice(start, end)).toBe(points.slice(start, end).join(''));
    }
    expect(new CodePointText('').slice(0, 3)).toBe('');
  });
});

describe('spans found by overlap', () => {
  it('finds what a filter over all spans finds, in order of start', () => {
    const next = random(11);
    const spans = Array.from({ length: 2000 }, (_, id) => {
      const start = Math.floor(next() * 10_000);
      return { id, start, end: start + 1 + Math.floor(next() * (next() < 0.05 ? 3000 : 40)) };
    });
    const index = new SpanIndex(spans);
    for (let i = 0; i < 300; i++) {
      const start = Math.floor(next() * 10_500);
      const end = start + Math.floor(next() * 200);
      const expected = spans.filter((s) => s.start < end && s.end > start).sort((a, b) => a.start - b.start || a.id - b.id);
      const found = index.overlapping(start, end);
      expect(found.map((s) => s.id).sort((a, b) => a - b)).toEqual(expected.map((s) => s.id).sort((a, b) => a - b));
      expect(found.map((s) => s.start)).toEqual(expected.map((s) => s.start));
    }
  });
});

describe('row heights', () => {
  it('places rows by the sum of the heights before them, as heights are measured', () => {
    const next = random(3);
    const count = 1237;
    const rows = new RowHeights(count, 40);
    const plain = new Array<number>(count).fill(40);
    for (let i = 0; i < 400; i++) {
      const row = Math.floor(next() * count);
      const height = 20 + Math.floor(next() * 200);
      expect(rows.set(row, height)).toBe(plain[row] !== height);
      plain[row] = height;
    }
    const offsets = [0];
    for (const h of plain) offsets.push(offsets.at(-1)! + h);
    expect(rows.total).toBe(offsets[count]);
    for (let i = 0; i < 300; i++) {
      const row = Math.floor(next() * count);
      expect(rows.offset(row)).toBe(offsets[row]);
      // A point inside a row finds that row.
      const y = offsets[row]! + Math.floor(next() * plain[row]!);
      expect(rows.indexAt(y)).toBe(row);
    }
    expect(rows.indexAt(offsets[count]! + 500)).toBe(count - 1);
    expect(new RowHeights(0, 40).indexAt(10)).toBe(0);
  });
});

describe('marks drawn in a sentence far into its text', () => {
  it('cuts the sentence at marks given in code points of the whole text', () => {
    const text = new CodePointText('😀 first. 国家统计局今天发布了数据。');
    const span = { start: 9, end: 22 };
    const sentence = text.slice(span.start, span.end);
    expect(sentence).toBe('国家统计局今天发布了数据。');
    const segments = segmentsOf(sentence, span, [{ start: 9, end: 14, kind: 'annotation', label: 'Organisation' }]);
    expect(segments.map((s) => [s.text, s.marks.length])).toEqual([
      ['国家统计局', 1],
      ['今天发布了数据。', 0],
    ]);
  });
});
