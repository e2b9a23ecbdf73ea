// The benchmark's own judgement (tests/bench/table.ts): each of issue 13's
// targets is judged at each size, a figure the run could not measure misses
// its target, and a floor that did not open in time counts as slower.

import { describe, expect, it } from 'vitest';
import type { Floor, SizeFigures } from '../bench/run';
import { TARGETS, verdicts } from '../bench/table';

const floor = (openMs: number, error?: string): Floor => ({
  openMs,
  openPaintMs: openMs,
  keystrokeP50Ms: 1,
  keystrokeP95Ms: 2,
  keystrokeMaxMs: 3,
  keystrokePaintP95Ms: 4,
  heapMB: 5,
  runs: 1,
  keystrokes: 50,
  ...(error ? { error } : {}),
});

/** A run where every figure is `value` ms (or MB, MB/s). */
function figures(value: number, overrides: Partial<SizeFigures> = {}): SizeFigures {
  const keys = new Set(Object.values(TARGETS).flatMap((t) => Object.keys(t)));
  const f = Object.fromEntries([...keys].map((k) => [k, value])) as unknown as SizeFigures;
  return { ...f, ...overrides };
}

const judged = (list: ReturnType<typeof verdicts>, figure: string) => list.find((v) => v.figure === figure);

describe('bench verdicts', () => {
  it("judges every row of issue 13's table at every size, with its limit", () => {
    const table: Record<string, [string, number, number, number]> = {
      openMs: ['open', 600, 1000, 2500],
      keystrokeP95Ms: ['keystroke p95', 16, 16, 16],
      annotateHighlightP95Ms: ['key to highlight', 16, 16, 16],
      annotateCommitP95Ms: ['key to commit', 50, 50, 50],
      storeEditCommitMs: ['keystroke commit', 5, 5, 5],
      exportNativeEditedMs: ['export, 70 edits', 150, 600, 2000],
      heapMB: ['heap', 60, 150, 400],
    };
    for (const [figure, [, ...limits]] of Object.entries(table)) {
      (['1mb-10k', '5mb-50k', '15mb-150k'] as const).forEach((size, i) => {
        const list = verdicts(size, figures(limits[i]!));
        expect(judged(list, figure), `${figure} at ${size}`).toMatchObject({ target: `≤ ${limits[i]}`, met: true });
        expect(judged(verdicts(size, figures(limits[i]! + 1)), figure)?.met, `${figure} over its limit at ${size}`).toBe(false);
      });
    }
  });

  it('counts a figure the browser did not measure as missed, except in a store-only run', () => {
    const f = figures(1, { annotateCommitP95Ms: Number.NaN, openMs: Number.NaN });
    expect(judged(verdicts('1mb-10k', f), 'annotateCommitP95Ms')?.met).toBe(false);
    expect(judged(verdicts('1mb-10k', f), 'openMs')?.met).toBe(false);
    const storeOnly = verdicts('1mb-10k', f, true);
    expect(judged(storeOnly, 'annotateCommitP95Ms')).toBeUndefined();
    expect(judged(storeOnly, 'storeEditCommitMs')?.met).toBe(true);
  });

  it('asks at 5 MB for an open faster than the bare contenteditable holding the whole text', () => {
    const slower = verdicts('5mb-50k', figures(900, { bare: { contenteditable: floor(800), prosemirror: floor(700) } }));
    expect(judged(slower, 'open / bare contenteditable')).toMatchObject({ met: false });
    const faster = verdicts('5mb-50k', figures(900, { bare: { contenteditable: floor(1800), prosemirror: floor(700) } }));
    expect(judged(faster, 'open / bare contenteditable')).toMatchObject({ value: 0.5, met: true });
    expect(judged(verdicts('1mb-10k', figures(900, { bare: { contenteditable: floor(800), prosemirror: floor(700) } })), 'open / bare contenteditable')).toBeUndefined();
  });

  it('counts a floor or peer that did not open within its limit as slower, if Scholia opened', () => {
    const stopped = floor(Number.NaN, 'did not finish in 90 s');
    const opened = verdicts('5mb-50k', figures(900, { bare: { contenteditable: stopped, prosemirror: floor(700) }, peer: { openMs: Number.NaN, openPaintMs: Number.NaN, heapMB: Number.NaN, error: 'did not finish in 90 s' } }));
    expect(judged(opened, 'open / bare contenteditable')).toMatchObject({ met: true, note: 'it did not open: did not finish in 90 s' });
    expect(judged(opened, 'open / peer')).toMatchObject({ met: true });
    const neither = verdicts('5mb-50k', figures(Number.NaN, { bare: { contenteditable: stopped, prosemirror: floor(700) } }));
    expect(judged(neither, 'open / bare contenteditable')?.met).toBe(false);
  });
});
