// Applying fixes: one finding, or every safe one until none is left.

import { applyChange } from '../edits';
import type { Finding } from '../model';
import { CodePointIndex } from '../offsets';
import { checkText, type CheckOptions } from './check';

/** A fix as applied: code points of the text as it was just before, replayable as an edit. */
export interface AppliedFix {
  rule: string;
  start: number;
  end: number;
  removed: string;
  inserted: string;
}

/** `text` with `finding`'s replacement applied. Throws if it has none. */
export function applyFinding(text: string, finding: Finding): string {
  if (finding.replacement === null) throw new Error(`the ${finding.rule} finding at ${finding.start} has no fix`);
  return applyChange(text, { start: finding.start, end: finding.end, inserted: finding.replacement }).text;
}

// A fix may reveal another (a mojibake fix revealing a missing space), so
// fixing runs in rounds; no rule fix should need more than a few.
const MAX_ROUNDS = 10;

/**
 * Applies every safe fix, re-checking until no safe finding is left. Fixes
 * that overlap one applied in the same round wait for the next. `applied`
 * lists the fixes in the order they were made.
 */
export function fixAllSafe(text: string, options: CheckOptions = {}): { text: string; applied: AppliedFix[] } {
  const applied: AppliedFix[] = [];
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const fixes = nonOverlapping(checkText(current, options).filter((f) => f.safe && f.replacement !== null));
    if (fixes.length === 0) break;
    current = applyRound(current, fixes, applied);
  }
  return { text: current, applied };
}

/** The findings (sorted by start) that overlap none kept before them. */
function nonOverlapping(findings: Finding[]): Finding[] {
  const kept: Finding[] = [];
  let end = -1;
  for (const f of findings) {
    if (f.start < end) continue;
    kept.push(f);
    end = f.end;
  }
  return kept;
}

/**
 * Applies the fixes from last to first, so each one's offsets still hold in
 * the text as it is when it is applied, and builds the new text in one pass.
 */
function applyRound(text: string, fixes: Finding[], applied: AppliedFix[]): string {
  const index = new CodePointIndex(text);
  const pieces: string[] = [];
  let tail = text.length;
  for (let i = fixes.length - 1; i >= 0; i--) {
    const f = fixes[i]!;
    const from = index.toUtf16(f.start);
    const to = index.toUtf16(f.end);
    pieces.push(text.slice(to, tail), f.replacement!);
    applied.push({ rule: f.rule, start: f.start, end: f.end, removed: text.slice(from, to), inserted: f.replacement! });
    tail = from;
  }
  pieces.push(text.slice(0, tail));
  return pieces.reverse().join('');
}
