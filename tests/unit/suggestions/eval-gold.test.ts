import { describe, expect, it } from 'vitest';
import { parseGold, precision, recall, score, type Score } from '../../eval/gold';

describe('suggestion evaluation', () => {
  it('reads inline gold marks into text and code point spans', () => {
    expect(parseGold('t', '😀 [Wang Yi](person) met [Berlin](place).')).toEqual({
      name: 't',
      text: '😀 Wang Yi met Berlin.',
      gold: [
        { start: 2, end: 9, label: 'person' },
        { start: 14, end: 20, label: 'place' },
      ],
    });
  });

  it('counts exact span and label matches per label', () => {
    const scores = new Map<string, Score>();
    const gold = [{ start: 0, end: 2, label: 'a' }, { start: 5, end: 7, label: 'a' }, { start: 9, end: 10, label: 'b' }];
    score(gold, [{ start: 0, end: 2, label: 'a' }, { start: 5, end: 6, label: 'a' }, { start: 9, end: 10, label: 'a' }], ['a', 'b'], scores);
    expect(scores.get('a')).toEqual({ truePositives: 1, falsePositives: 2, falseNegatives: 1 });
    expect(scores.get('b')).toEqual({ truePositives: 0, falsePositives: 0, falseNegatives: 1 });
    expect(precision(scores.get('a')!)).toBeCloseTo(1 / 3);
    expect(recall(scores.get('a')!)).toBe(0.5);
  });
});
