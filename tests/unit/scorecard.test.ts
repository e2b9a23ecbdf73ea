import { describe, expect, it } from 'vitest';
import { MqmScoreError } from '../../src/core/mqm';
import { scorecard, scorecardOrProblem, type ErrorCount } from '../../src/core/scorecard';

const e = (categoryId: string, subcategoryId: string | null, severity: string | null, count = 1): ErrorCount => ({ categoryId, subcategoryId, severity, count });

describe('MQM scorecard', () => {
  it('scores a text with no errors 100 and passes it', () => {
    const card = scorecard([], 250);
    expect(card).toMatchObject({ words: 250, rows: [], errorCount: 0, penalty: 0, perWordPenalty: 0, score: 100, verdict: 'pass' });
    expect(card.totals).toEqual({ neutral: 0, minor: 0, major: 0, critical: 0 });
  });

  it('counts neutral errors without penalty', () => {
    const card = scorecard([e('mqm-style', 'mqm-style-awkward-style', 'neutral', 3)], 10);
    expect(card).toMatchObject({ errorCount: 3, penalty: 0, score: 100, verdict: 'pass' });
    expect(card.rows[0]!.counts.neutral).toBe(3);
  });

  it('adds up errors by type × severity as computed by hand', () => {
    // Accuracy/Mistranslation: 2 minor + 1 major = 7; Accuracy itself: 1 critical = 25; Style/Awkward: 1 minor = 1.
    // Penalty 33 over 400 words = 0.0825 per word; score 91.75, below the default 95.
    const card = scorecard(
      [
        e('mqm-style', 'mqm-style-awkward-style', 'minor'),
        e('mqm-accuracy', 'mqm-accuracy-mistranslation', 'minor', 2),
        e('mqm-accuracy', 'mqm-accuracy-mistranslation', 'major'),
        e('mqm-accuracy', null, 'critical'),
      ],
      400,
    );
    expect(card.rows.map((r) => [r.categoryId, r.subcategoryId, r.penalty])).toEqual([
      ['mqm-accuracy', null, 25],
      ['mqm-accuracy', 'mqm-accuracy-mistranslation', 7],
      ['mqm-style', 'mqm-style-awkward-style', 1],
    ]);
    expect(card.totals).toEqual({ neutral: 0, minor: 3, major: 1, critical: 1 });
    expect(card.penalty).toBe(33);
    expect(card.perWordPenalty).toBeCloseTo(0.0825, 10);
    expect(card.score).toBeCloseTo(91.75, 10);
    expect(card.verdict).toBe('fail');
    expect(scorecard([e('mqm-accuracy', null, 'major')], 400).verdict).toBe('pass'); // 5/400: 98.75
  });

  it('takes the workspace multipliers and threshold', () => {
    const settings = { multipliers: { neutral: 0, minor: 0.5, major: 10, critical: 100 }, threshold: 90 };
    // 2 × 0.5 + 1 × 10 = 11 over 100 words: score 89, below 90
    const card = scorecard([e('mqm-terminology', null, 'minor', 2), e('mqm-terminology', null, 'major')], 100, settings);
    expect(card).toMatchObject({ penalty: 11, score: 89, verdict: 'fail', settings });
  });

  it('counts an error without a valid severity as unrated, costing nothing', () => {
    const card = scorecard([e('mqm-accuracy', null, null), e('mqm-accuracy', null, 'serious'), e('mqm-accuracy', null, 'major')], 50);
    expect(card).toMatchObject({ unrated: 2, errorCount: 3, penalty: 5, score: 90 });
  });

  it('refuses a text of no words with a message', () => {
    expect(() => scorecard([e('mqm-accuracy', null, 'minor')], 0)).toThrow(MqmScoreError);
    expect(scorecardOrProblem([], 0)).toEqual({ problem: 'an MQM score needs a positive whole number of evaluated words, not 0' });
  });
});
