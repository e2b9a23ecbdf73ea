import { describe, expect, it } from 'vitest';
import { sliceCodePoints } from '../../../src/core/offsets';
import { allRules, checkLine, checkParagraphs, checkText, selectRules, UnknownRuleError } from '../../../src/core/rules';

describe('the rule registry', () => {
  it('has unique kebab-case ids, descriptions and severities', () => {
    const ids = allRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of allRules) {
      expect(rule.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(rule.description.length).toBeGreaterThan(10);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
    }
  });

  it('selects rules by id and refuses unknown ones, listing the known', () => {
    expect(selectRules(['repeated-word']).map((r) => r.id)).toEqual(['repeated-word']);
    expect(() => selectRules(['repeated-word', 'no-such-rule'])).toThrow(UnknownRuleError);
    expect(() => checkText('x', { rules: ['no-such-rule'] })).toThrow(/no-such-rule.*known rules: .*repeated-word/);
  });
});

describe('checkText', () => {
  it('reports code point offsets, end exclusive, with astral characters before the artifact', () => {
    const text = '😀𠀋 in the city.We go, the the end';
    const findings = checkText(text);
    expect(findings.map((f) => [f.rule, f.start, f.end, sliceCodePoints(text, f.start, f.end)])).toEqual([
      ['untranslated-cjk', 1, 2, '𠀋'],
      ['missing-space-after-sentence', 14, 16, '.W'],
      ['repeated-word', 25, 29, ' the'],
    ]);
    // As Python counts: one per code point, not per UTF-16 unit.
    expect([...text].slice(14, 16).join('')).toBe('.W');
  });

  it('sorts findings by start, across lines', () => {
    const text = 'b  c\nthe city.We\n（x）the the';
    const starts = checkText(text).map((f) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(starts.length).toBeGreaterThan(3);
  });

  it('runs only the rules asked for', () => {
    expect(checkText('the city.We and the the', { rules: ['repeated-word'] }).map((f) => f.rule)).toEqual(['repeated-word']);
  });

  it('checks each line on its own', () => {
    expect(checkText('the\nthe city.\nWe')).toEqual([]);
  });

  it('flags none of the look-alikes of artifacts', () => {
    const text = [
      'The U.S. team, e.g. Mr. Li and a Ph.D. from No. 3 Road, met at 10:30 a.m., i.e. early; the ratio was 3:1.',
      'Growth was 3.5% on 1,200,000 units (v2.1, Article 3.2), J.R.R. Tolkien wrote… and then... it ended.',
      'iPhone, WeChat, JavaScript, McDonald, eBay and PetroChina sell; see https://example.org/A.Html or mail press.Office@example.com.',
      'She said "Stop." He had had enough, and that that was it; Li Li agreed with “the plan” (in full).',
    ].join('\n\n');
    expect(checkText(text)).toEqual([]);
  });

  it('returns nothing for clean or empty text', () => {
    expect(checkText('')).toEqual([]);
    expect(checkText('A clean sentence. Another one, with a comma.\n')).toEqual([]);
  });
});

describe('checkParagraphs and checkLine (for the editor)', () => {
  const text = 'the city.We\r\n😀 the the\nlast line.It ends';

  it('checks only the given lines, with offsets into the whole text', () => {
    const findings = checkParagraphs(text, 1, 1);
    expect(findings.map((f) => [f.rule, sliceCodePoints(text, f.start, f.end)])).toEqual([['repeated-word', ' the']]);
    expect(checkParagraphs(text, 0, 2)).toEqual(checkText(text));
    expect(checkParagraphs(text, 5, 9)).toEqual([]);
  });

  it('reports UTF-16 offsets within the line', () => {
    const [finding] = checkLine('😀 the the', { previous: undefined, next: undefined });
    expect(finding).toMatchObject({ rule: 'repeated-word', from: 6, to: 10, wholeLine: false });
  });

  it('marks findings that remove their whole line', () => {
    const [finding] = checkLine('All rights reserved.', { previous: undefined, next: undefined }, selectRules(['source-boilerplate']));
    expect(finding).toMatchObject({ from: 0, to: 20, wholeLine: true });
  });
});
