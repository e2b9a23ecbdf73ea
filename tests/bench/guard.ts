// Keeps a bench run bounded: a step that takes too long, or that takes the
// bench's processes (this one, the web host, Chromium) over a memory limit,
// is stopped and reported as such instead of hanging or swapping the machine.

import { readdirSync, readFileSync } from 'node:fs';

/** Proportional set size (MB) of this process and all its descendants; 0 where /proc is missing (not Linux). */
export function treeMemoryMB(root = process.pid): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  for (const e of entries) {
    try {
      // The command may hold spaces and parentheses: the fields after its last ')' are fixed.
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(e));
      children.set(ppid, list);
    } catch {
      // gone meanwhile
    }
  }
  let kB = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    stack.push(...(children.get(pid) ?? []));
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      kB += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // gone meanwhile, or not readable
    }
  }
  return kB / 1024;
}

/** The highest treeMemoryMB seen in this run, and what the run was doing then. */
let peakMB = 0;
let peakDuring = '';
let doing = '';
export const peakMemory = (): { MB: number; during: string } => ({ MB: peakMB, during: peakDuring });

/** What the run is doing now (its last progress line), named with the peak. */
export function setPhase(phase: string): void {
  doing = phase;
}

function record(mb: number): void {
  if (mb <= peakMB) return;
  peakMB = mb;
  peakDuring = doing;
}

/** Samples the process tree's memory each second for the whole run (the Node figures too), into peakMemory. */
export function sampleMemory(): void {
  setInterval(() => record(treeMemoryMB()), 1000).unref();
}

export type Bounded<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Runs `work` unless it takes longer than `timeoutMs` or the process tree goes
 * over `memoryLimitMB`; then `stop` is called (closing the browser context,
 * which ends the page and frees its memory) and the reason is returned. A
 * failure of `work` itself is returned as a reason too.
 */
export async function bounded<T>(
  work: () => Promise<T>,
  limits: { timeoutMs: number; memoryLimitMB: number; stop: () => Promise<void> },
): Promise<Bounded<T>> {
  let timer: NodeJS.Timeout | undefined;
  let poll: NodeJS.Timeout | undefined;
  const started = Date.now();
  const watchdog = new Promise<Bounded<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `did not finish in ${Math.round(limits.timeoutMs / 1000)} s` }), limits.timeoutMs);
    poll = setInterval(() => {
      const mb = treeMemoryMB();
      record(mb);
      if (mb > limits.memoryLimitMB) {
        resolve({ ok: false, reason: `stopped after ${Math.round((Date.now() - started) / 1000)} s: the bench's processes reached ${Math.round(mb)} MB (limit ${limits.memoryLimitMB} MB)` });
      }
    }, 1000);
  });
  const running = work().then(
    (value): Bounded<T> => ({ ok: true, value }),
    (error: unknown): Bounded<T> => ({ ok: false, reason: error instanceof Error ? error.message.split('\n')[0]! : String(error) }),
  );
  try {
    const outcome = await Promise.race([running, watchdog]);
    if (!outcome.ok) await limits.stop().catch(() => {});
    return outcome;
  } finally {
    clearTimeout(timer);
    clearInterval(poll);
  }
}
