// A Chromium .cpuprofile cut down to chosen moments of the page (the
// keystrokes being timed, say): the page marks the profile with a function
// of a known name run at a known performance.now(), which ties the two
// clocks; then only the samples taken inside the moments are summed, by the
// function they were in (self time), per moment. On a loaded machine a
// sample's interval can include whole milliseconds while the thread was not
// running; each is counted as at most MAX_SAMPLE_US.

import type { CDPSession, Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const MARK = 'scholiaProfileMark';
const MARK_MS = 20;
const MAX_SAMPLE_US = 1000;

/** Runs the mark in the page; returns its performance.now() at the start. Call while the profiler runs. */
export async function markProfile(page: Page): Promise<number> {
  return page.evaluate((ms) => {
    function scholiaProfileMark(from: number): void {
      while (performance.now() - from < ms);
    }
    const start = performance.now();
    scholiaProfileMark(start);
    return start;
  }, MARK_MS);
}

/** Time per function (ms: its own, and with what it called) over the samples inside `moments` ([from, to] in the page's performance.now() ms), divided by their number; null without the mark. */
export function timeIn(profile: CpuProfile, markedAt: number, moments: readonly [number, number][]): { self: Map<string, number>; total: Map<string, number> } | null {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`;
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inMark = (id: number) => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (byId.get(at)!.callFrame.functionName === MARK) return true;
    return false;
  };
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  const first = profile.samples.findIndex(inMark);
  if (first < 0) return null;
  // Profile microseconds minus page milliseconds × 1000; a sample is taken up to one interval after the mark starts.
  const offset = times[first]! - markedAt * 1000;
  const sorted = [...moments].sort((a, b) => a[0] - b[0]);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let m = 0;
  profile.samples.forEach((id, i) => {
    const at = (times[i]! - offset) / 1000;
    while (m < sorted.length && sorted[m]![1] < at) m++;
    if (m === sorted.length || sorted[m]![0] > at) return;
    const us = Math.min(profile.timeDeltas[i] ?? 0, MAX_SAMPLE_US);
    const ms = us / 1000 / moments.length;
    const key = label(byId.get(id)!);
    self.set(key, (self.get(key) ?? 0) + ms);
    const stack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.add(label(byId.get(at)!));
    for (const l of stack) total.set(l, (total.get(l) ?? 0) + ms);
  });
  return { self, total };
}

/** Two such summaries side by side (self or total times): the functions that differ most, after the sum over all functions. */
export function compareTimes(a: Map<string, number>, b: Map<string, number>, names: [string, string], top = 25, what = 'self time'): string {
  const keys = new Set([...a.keys(), ...b.keys()]);
  const rows = [...keys].map((k) => ({ k, a: a.get(k) ?? 0, b: b.get(k) ?? 0 })).sort((x, y) => Math.abs(y.a - y.b) - Math.abs(x.a - x.b));
  const sum = (m: Map<string, number>) => [...m.values()].reduce((s, v) => s + v, 0);
  const f = (n: number) => n.toFixed(3).padStart(7);
  const lines = rows.slice(0, top).map((r) => `  ${f(r.a)} ${f(r.b)} ${f(r.a - r.b)}  ${r.k}`);
  const head = `  ${names[0].padStart(7)} ${names[1].padStart(7)}    diff  (ms per key, ${what})`;
  return what === 'self time' ? [head, `  ${f(sum(a))} ${f(sum(b))} ${f(sum(a) - sum(b))}  all samples in the keys`, ...lines].join('\n') : [head, ...lines].join('\n');
}

/** One line per moment ([from, to] page ms) with the functions that took most of it (total time, the profiler's own entries left out): what the page did in a slow sample. */
export function describeMoments(profile: CpuProfile, markedAt: number, moments: readonly [number, number][], top = 8): string[] {
  const skip = /^\((root|program|idle)\) /;
  return moments.map(([from, to]) => {
    const times = timeIn(profile, markedAt, [[from, to]]);
    if (!times) return 'no profile mark';
    const busy = [...times.self].filter(([k]) => !k.startsWith('(idle) ')).reduce((s, [, v]) => s + v, 0);
    const rows = [...times.total].filter(([k]) => !skip.test(k)).sort((a, b) => b[1] - a[1]).slice(0, top);
    return `${(to - from).toFixed(1)} ms, ${busy.toFixed(1)} busy: ${rows.map(([k, v]) => `${k} ${v.toFixed(1)}`).join('; ')}`;
  });
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.gc', 'disabled-by-default-v8.gc', 'blink.user_timing', 'v8.execute', 'toplevel'];

/** Starts a Chromium trace (frames, tasks, style, layout, paint, GC) on the page's session. */
export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReturnAsStream' });
}

/** Ends the trace and writes its events to `file` (as `{ traceEvents }`). */
export async function stopTrace(cdp: CDPSession, file: string): Promise<void> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e: { stream?: string }) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const stream = await done;
  const parts: string[] = [];
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    parts.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const text = parts.join('');
  writeFileSync(file, text.trimStart().startsWith('[') ? `{"traceEvents":${text}}` : text);
}
