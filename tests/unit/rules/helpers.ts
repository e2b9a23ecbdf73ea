// Shorthands for rule tests: what a rule flags in a text, and what its fix gives.

import { expect } from 'vitest';
import type { Finding } from '../../../src/core/model';
import { sliceCodePoints } from '../../../src/core/offsets';
import { applyFinding, checkText } from '../../../src/core/rules';

export function findingsOf(rule: string, text: string): Finding[] {
  return checkText(text, { rules: [rule] });
}

/** The text each finding of `rule` covers. */
export function flagged(rule: string, text: string): string[] {
  return findingsOf(rule, text).map((f) => sliceCodePoints(text, f.start, f.end));
}

/** `text` after applying the only finding of `rule` in it. */
export function fixedOnce(rule: string, text: string): string {
  const findings = findingsOf(rule, text);
  expect(findings, `one ${rule} finding in ${JSON.stringify(text)}`).toHaveLength(1);
  return applyFinding(text, findings[0]!);
}

/** Asserts that `rule` flags nothing in any of `texts`. */
export function expectClean(rule: string, texts: readonly string[]): void {
  for (const text of texts) expect(flagged(rule, text), JSON.stringify(text)).toEqual([]);
}
