import { describe, expect, it } from 'vitest';
import { countWords, DEFAULT_MULTIPLIERS, isSeverityTag, MQM_CORE, MQM_SEVERITIES, mqmScore, MqmScoreError, penaltyTotal, perWordPenalty } from '../../src/core/mqm';

describe('MQM typology', () => {
  it('gives each dimension and subtype a fixed id under the mqm- prefix', () => {
    const accuracy = MQM_CORE.find((d) => d.name === 'Accuracy')!;
    expect(accuracy.id).toBe('mqm-accuracy');
    expect(accuracy.children.find((c) => c.name === 'Do not translate')!.id).toBe('mqm-accuracy-do-not-translate');
    const design = MQM_CORE.find((d) => d.name === 'Design and markup')!;
    expect(design.children.find((c) => c.name === 'Truncation/text expansion')!.id).toBe('mqm-design-and-markup-truncation-text-expansion');
    const ids = MQM_CORE.flatMap((d) => [d.id, ...d.children.map((c) => c.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => isSeverityTag({ id }))).toBe(true);
  });

  it('marks only MQM tags as carrying a severity', () => {
    expect(isSeverityTag({ id: 'mqm-style-awkward-style' })).toBe(true);
    expect(isSeverityTag({ id: 'person' })).toBe(false);
  });
});

describe('MQM score', () => {
  it('multiplies severities: neutral 0, minor 1, major 5, critical 25', () => {
    expect(MQM_SEVERITIES).toEqual(['neutral', 'minor', 'major', 'critical']);
    expect(DEFAULT_MULTIPLIERS).toEqual({ neutral: 0, minor: 1, major: 5, critical: 25 });
    // 2 minor + 1 major + 1 critical + 1 neutral = 2 + 5 + 25 + 0
    expect(penaltyTotal(['minor', 'major', 'minor', 'critical', 'neutral'])).toBe(32);
  });

  it('counts a value that is not a severity as nothing', () => {
    expect(penaltyTotal(['major', 'serious', '', 'Major'])).toBe(5);
  });

  it('takes other multipliers when a scorecard sets them', () => {
    expect(penaltyTotal(['minor', 'major', 'critical'], { neutral: 0, minor: 1, major: 10, critical: 100 })).toBe(111);
  });

  it('scores 100 × (1 − penalty per word)', () => {
    // 1 major + 2 minor = 7 points over 200 words: 0.035 per word, score 96.5
    expect(mqmScore(['major', 'minor', 'minor'], 200)).toEqual({ penalty: 7, words: 200, perWordPenalty: 0.035, score: 96.5 });
    expect(perWordPenalty(25, 100)).toBe(0.25);
  });

  it('floors the score at 0 when the penalties outweigh the words', () => {
    // 1 critical = 25 points over 10 words
    expect(mqmScore(['critical'], 10)).toMatchObject({ penalty: 25, perWordPenalty: 2.5, score: 0 });
  });

  it('refuses a text of no words with a clear error', () => {
    expect(() => mqmScore(['minor'], 0)).toThrow(MqmScoreError);
    expect(() => mqmScore(['minor'], 0)).toThrow('an MQM score needs a positive whole number of evaluated words, not 0');
    expect(() => perWordPenalty(1, 2.5)).toThrow(MqmScoreError);
  });

  it('counts words by Unicode word segmentation: punctuation and emoji are not words, Chinese is counted by words', () => {
    expect(countWords('  The mayor\tmet\n\nthe 😀 delegation. ')).toBe(5);
    expect(countWords(' \n ')).toBe(0);
    expect(countWords('— … !')).toBe(0);
    // 外交部 / 发言人 / 今天 / 表示: more than one word, fewer than its eight characters
    const chinese = countWords('外交部发言人今天表示');
    expect(chinese).toBeGreaterThan(1);
    expect(chinese).toBeLessThan(10);
  });

  it('scores per word of a Chinese source as a reviewer counts them by hand', () => {
    // 我们 / 今天 / 去 / 北京 / 开会 / 。 : five words and a full stop.
    const words = countWords('我们今天去北京开会。');
    expect(words).toBe(5);
    // One minor error (1 point) over 5 words: 0.2 per word, a score of 80; over its 25-word English translation, 96.
    expect(mqmScore(['minor'], words)).toEqual({ penalty: 1, words: 5, perWordPenalty: 0.2, score: 80 });
    const translation = countWords('We are going to Beijing today for a meeting, and we will stay there for two days before we fly on to Shanghai on Friday.');
    expect(translation).toBe(25);
    expect(mqmScore(['minor'], translation).score).toBe(96);
  });

  it('counts a long text the same as its pieces', () => {
    const line = 'The delegation agreed on 12.5 per cent, and the mayor’s office said so. ';
    expect(countWords(line.repeat(500))).toBe(countWords(line) * 500);
  });
});
