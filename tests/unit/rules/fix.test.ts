import { describe, expect, it } from 'vitest';
import { applyChange, replayEdits } from '../../../src/core/edits';
import type { Edit } from '../../../src/core/model';
import { applyFinding, checkText, fixAllSafe } from '../../../src/core/rules';

// Written for the project: an MT-like paragraph with one of each safe artifact, a footer
// ending it, and a double that only a person can judge ("fill in in ink" is English).
const SAMPLE = [
  '😀 The port authority met today.We must keep the supply chain stable,Improve services and expand trade.wantContinue to',
  'open up.The  plan（2024-2026）covers the the new zone , and the cityâ€™s “dual circulation”strategy; fill in in ink.',
  'Harbour Daily reported , all rights reserved',
].join('\n');

const FIXED = [
  '😀 The port authority met today. We must keep the supply chain stable, Improve services and expand trade. Continue to',
  'open up. The plan (2024-2026) covers the new zone, and the city’s “dual circulation” strategy; fill in in ink.',
].join('\n');

describe('fixAllSafe', () => {
  it('applies every safe fix and leaves suggestions', () => {
    const { text } = fixAllSafe(SAMPLE);
    expect(text).toBe(FIXED);
    expect(checkText(text).map((f) => f.rule)).toEqual(['repeated-word']);
  });

  it('converges: fixing twice changes nothing more', () => {
    const once = fixAllSafe(SAMPLE);
    const twice = fixAllSafe(once.text);
    expect(twice.text).toBe(once.text);
    expect(twice.applied).toEqual([]);
  });

  it('reports what it applied as edits that replay on the original', () => {
    const { text, applied } = fixAllSafe(SAMPLE);
    let replayed = SAMPLE;
    for (const fix of applied) {
      const result = applyChange(replayed, { start: fix.start, end: fix.end, inserted: fix.inserted });
      expect(result.removed).toBe(fix.removed);
      replayed = result.text;
    }
    expect(replayed).toBe(text);
    const edits: Edit[] = applied.map((fix, i) => ({ ...fix, seq: i + 1, origin: `rule:${fix.rule}`, author: 'test', at: '2026-01-01T00:00:00Z' }));
    expect(replayEdits(SAMPLE, edits)).toBe(text);
    expect(new Set(applied.map((f) => f.rule))).toEqual(
      new Set(['missing-space-after-sentence', 'missing-space-after-comma', 'glued-modal', 'repeated-spaces', 'full-width-punctuation', 'space-before-punctuation', 'mojibake', 'repeated-word', 'source-boilerplate']),
    );
  });

  it('applies fixes that a fix reveals, in later rounds', () => {
    // Decoding the mojibake reveals the missing space after the quote.
    expect(fixAllSafe('he said â€œyes.â€\u009dThen left').text).toBe('he said “yes.” Then left');
    // Overlapping fixes wait for the next round.
    expect(fixAllSafe('plan (  text  ) here').text).toBe('plan (text) here');
  });

  it('runs only the rules asked for', () => {
    expect(fixAllSafe('the city.We go,Now', { rules: ['missing-space-after-comma'] }).text).toBe('the city.We go, Now');
  });

  it('leaves clean text as it is', () => {
    expect(fixAllSafe('Clean text.\r\n\r\nWith CRLF line ends.\n')).toEqual({ text: 'Clean text.\r\n\r\nWith CRLF line ends.\n', applied: [] });
  });
});

describe('applyFinding', () => {
  it('applies one finding, in code points', () => {
    const text = '𠀋 the city.We';
    const [finding] = checkText(text, { rules: ['missing-space-after-sentence'] });
    expect(applyFinding(text, finding!)).toBe('𠀋 the city. We');
  });

  it('refuses a finding without a fix', () => {
    const [finding] = checkText('the 新基建 plan');
    expect(() => applyFinding('the 新基建 plan', finding!)).toThrow(/no fix/);
  });
});
