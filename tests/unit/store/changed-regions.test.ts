// changedRegions composes a batch of changes into the regions of the text
// before them that they replaced. Checked against the text itself: outside
// the regions, the text before and after the batch is the same, shifted.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../src/core/edits';
import type { TextChange } from '../../../src/core/model';
import { codePointLength } from '../../../src/core/offsets';
import { changedRegions } from '../../../src/store/annotations';

const cps = (text: string) => [...text];

describe('changedRegions', () => {
  it('the regions are sorted, disjoint, and everything outside them is unchanged text, shifted', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 0, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 4 })), { maxLength: 25 }),
        (original, raw) => {
          let text = original;
          const changes: TextChange[] = [];
          for (const [a, b, inserted] of raw) {
            const length = codePointLength(text);
            const [start, end] = [a % (length + 1), b % (length + 1)].sort((x, y) => x - y) as [number, number];
            changes.push({ start, end, inserted });
            text = applyChange(text, { start, end, inserted }).text;
          }
          const regions = changedRegions(changes);
          const before = cps(original);
          const after = cps(text);
          let oldAt = 0;
          let newAt = 0;
          for (const r of regions) {
            expect(r.oldStart).toBeGreaterThanOrEqual(oldAt);
            expect(r.oldStart - oldAt).toBe(r.newStart - newAt);
            expect(after.slice(newAt, r.newStart)).toEqual(before.slice(oldAt, r.oldStart));
            oldAt = r.oldEnd;
            newAt = r.newEnd;
          }
          expect(after.slice(newAt)).toEqual(before.slice(oldAt));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('5,000 changes back to front make 5,000 regions', () => {
    const changes = Array.from({ length: 5000 }, (_, i) => ({ start: (5000 - i) * 10, end: (5000 - i) * 10 + 1, inserted: 'XY' }));
    const regions = changedRegions(changes);
    expect(regions).toHaveLength(5000);
    expect(regions[0]).toEqual({ oldStart: 10, oldEnd: 11, newStart: 10, newEnd: 12 });
    expect(regions[4999]).toEqual({ oldStart: 50_000, oldEnd: 50_001, newStart: 50_000 + 4999, newEnd: 50_000 + 5001 });
  });
});
