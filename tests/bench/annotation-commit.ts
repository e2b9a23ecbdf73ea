// The store's commit of one annotation (`annotations.create` through the api's
// dispatch, as the editor sends it), made the way a user annotates: one
// every few hundred milliseconds, with the write-ahead log checkpointed when
// writes pause (the workspace's default) and without (SQLite's own
// checkpoint, inside whichever commit finds the log over 1,000 pages). The
// two runs alternate in rounds on fresh workspaces; the load average is printed.
//
//   npx tsx tests/bench/annotation-commit.ts [--size 1mb-10k|5mb-50k] [--count N (default 60)] [--gap MS (default 400)] [--rounds N (default 2)]

import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDispatch } from '../../src/api/node/dispatch';
import { createService } from '../../src/api/node/service';
import { codePointLength } from '../../src/core/offsets';
import { hashDocument, insertDocument } from '../../src/store/documents';
import { listTags } from '../../src/store/tags';
import { Workspace } from '../../src/store/workspace';
import { generateAnnotations, generateText } from './generate';
import { insertAnnotations } from './node-figures';
import { median, percentile, round } from './stats';

const SIZES = { '1mb-10k': { bytes: 1_000_000, annotations: 10_000 }, '5mb-50k': { bytes: 5_000_000, annotations: 50_000 } } as const;
const argv = process.argv.slice(2);
const value = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const sizeKey = (value('--size') ?? '1mb-10k') as keyof typeof SIZES;
if (!(sizeKey in SIZES)) throw new Error(`--size takes ${Object.keys(SIZES).join(' or ')}`);
const count = Number(value('--count') ?? 60);
const gapMs = Number(value('--gap') ?? 400);
const rounds = Number(value('--rounds') ?? 2);
const size = SIZES[sizeKey];
const { text } = generateText(size.bytes);
const length = codePointLength(text);
const load = () => loadavg().map((l) => round(l)).join(' ');

async function run(scratch: string, name: string, idleCheckpointMs: number): Promise<number[]> {
  // A checkpoint that never comes in the run: SQLite's own, inside a commit, is all there is.
  const workspace = await Workspace.open(join(scratch, `${name}.sqlite`), { idleCheckpointMs });
  try {
    const hashed = await hashDocument({ title: sizeKey, text });
    const documentId = workspace.transaction(() => insertDocument(workspace.db, hashed)).id;
    const tagIds = listTags(workspace.db)
      .filter((t) => t.parentId === null)
      .map((t) => t.id);
    insertAnnotations(workspace, documentId, text, generateAnnotations(text, size.annotations, tagIds));
    // Both start from a checkpointed file: what storing the annotations left in the log is copied first.
    workspace.db.pragma('wal_checkpoint(TRUNCATE)');
    await sleep(500);
    const dispatch = createDispatch(createService({ workspace, author: 'bench' }));
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const start = Math.floor(((i + 0.5) / count) * (length - 20));
      const t = performance.now();
      const envelope = await dispatch('annotations.create', { documentId, baseEditCount: 0, start, end: start + 12, tagIds: [tagIds[i % tagIds.length]!] });
      times.push(performance.now() - t);
      if (!envelope.ok) throw new Error(`annotations.create: ${envelope.error.message}`);
      await sleep(gapMs);
    }
    return times;
  } finally {
    workspace.close();
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'scholia-bench-annotation-commit-'));
try {
  const all: Record<string, number[]> = { idle: [], none: [] };
  for (let r = 0; r < rounds; r++) {
    const variants: [string, number][] = [
      ['idle', 300],
      ['none', 3_600_000],
    ];
    // Alternating which goes first, so a change in the machine's load falls on both.
    for (const [name, ms] of r % 2 === 0 ? variants : variants.toReversed()) {
      const before = load();
      const times = await run(scratch, `${name}-${r}`, ms);
      all[name]!.push(...times);
      process.stdout.write(`round ${r} ${name.padEnd(4)} checkpoint: median ${round(median(times))} ms, p95 ${round(percentile(times, 95))} ms, max ${round(Math.max(...times))} ms (load ${before} -> ${load()})\n`);
    }
  }
  for (const [name, times] of Object.entries(all)) {
    process.stdout.write(`${sizeKey} ${name === 'idle' ? 'checkpoint when idle' : 'SQLite checkpoint only'}: ${times.length} commits, median ${round(median(times))} ms, p95 ${round(percentile(times, 95))} ms, max ${round(Math.max(...times))} ms\n`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
