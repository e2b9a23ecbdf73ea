// Small statistics and timing helpers.

import { performance } from 'node:perf_hooks';

/** Nearest-rank percentile (p in 0..100) of `values`; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

/** Runs `fn` and returns how long it took in milliseconds, with its result. */
export function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Rounds for display and JSON: two decimals below 10, one below 1000, whole above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  const digits = abs < 10 ? 100 : abs < 1000 ? 10 : 1;
  return Math.round(value * digits) / digits;
}

/** rAF timestamps are frame times: an on-time frame is 16.7 ms after the last, a dropped one 33.3; this tells them apart despite jitter. */
export const SLOW_FRAME_MS = 20;
