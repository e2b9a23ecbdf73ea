// `npm run bench:suggestions`: keystroke latency in the editor with
// suggestions shown and with them hidden, on a readout of ~170 kB full of
// names, places, dates and figures (the suggestion fixtures, repeated).
// Suggestions are computed in a worker; the target is that typing with
// them on costs within 10 % of typing with them off, at p50 and at p95.
//
//   npm run bench:suggestions
//   npm run bench:suggestions -- --rounds N --block PLACES --burst KEYS --profile DIR
//
// --profile DIR writes a CPU profile of each page and prints, besides the
// usual summary, the self time per function of only the samples taken while
// the typing keys were handled (keydown to updated), on against off.
//
// On a shared, loaded machine the load drifts more within a minute than the
// difference measured, so the two settings are measured side by side in one
// browser: two pages (one document each, the same text), one with
// suggestions on and one off, typed into in alternating blocks (on-off, then
// off-on, ...) of `--burst` keys at each of `--block` places spread through
// the text. Each round gives a ratio on/off of the two blocks' p50 and p95;
// the verdict is on the median ratio over the rounds, printed with its spread
// and the load average. Six keys at each place (five timed as typing) give
// each block 75 typing keys: with three (30 keys), a block's p95 was its
// second slowest key, and the ratios swung by tens of percent either way. Keys are timed as in the main bench (browser.ts: key
// to editor updated); the first key at each place is reported apart (see block()).
//
// Like with like: each key is also split into the wait before its keydown
// ran, the browser's own work from keydown to the input event (the keydown
// handlers, inserting the character), and the editor's from the input event
// to updated; and the keys typed while the worker was busy or its answer was
// being placed are counted apart, so the worker's answers landing in a
// measured key can be told from the cost of typing itself.

import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { callApi, startHost } from '../e2e/web-host';
import { parseGold } from '../eval/gold';
import { installKeyProbe, launch, newPage, placeSelection, profiler, spread } from './browser';
import { summarise } from './profile-summary';
import { compareTimes, markProfile, timeIn, type CpuProfile } from './profile-windows';
import { percentile } from './stats';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = argv.indexOf(name);
  const n = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} takes a whole number from 1`);
  return n;
};
const ROUNDS = option('--rounds', 8);
const BLOCK = option('--block', 15);
const BURST = option('--burst', 6);
const profileAt = argv.indexOf('--profile');
const PROFILE_DIR = profileAt >= 0 ? (argv[profileAt + 1] ?? null) : null;

const FIXTURES = resolve(import.meta.dirname, '../fixtures/suggestions');
const readouts = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => parseGold(name, readFileSync(join(FIXTURES, name), 'utf8')).text.trim());
const TEXT = Array.from({ length: 250 }, (_, i) => readouts[i % readouts.length]).join('\n\n');

type Setting = 'on' | 'off';
const SETTINGS: readonly Setting[] = ['on', 'off'];

interface Typist {
  page: Page;
  cdp: CDPSession;
  /** Every keystroke measured: while typing at a place, and the first after moving there. */
  typing: number[];
  afterJump: number[];
  /** The keys after the first at a place, split (see Key). */
  keys: Key[];
  /** When the keys after the first at a place ran (performance.now(), keydown to updated), and when the profile was marked: for --profile. */
  moments: [number, number][];
  markedAt: number;
}

/** One key after the first at a place: its phases (ms) and whether the worker was at work around it. */
interface Key {
  ms: number;
  wait: number;
  browser: number;
  editor: number;
  /** The frame after it: animation frame to the task after rendering (NaN if not seen). */
  frame: number;
  nearWorker: boolean;
  /** The suggestion ranges in the page's highlights once it was drawn: what each frame after a DOM change places again. */
  ranges: number;
}

/** Installed before the page's scripts: when the worker is asked and answers, and when each key's keydown and input events run. */
function watchKeysAndWorker(): void {
  const w = window as unknown as { __worker: [ask: number, answer: number][]; __keyEvents: { keydown: number; input: number; frame: number } };
  w.__worker = [];
  w.__keyEvents = { keydown: 0, input: 0, frame: NaN };
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', () => {
        const last = w.__worker[w.__worker.length - 1];
        if (last) last[1] = performance.now();
      });
    }
  };
  const post = Original.prototype.postMessage as (this: Worker, ...args: unknown[]) => void;
  Original.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
    w.__worker.push([performance.now(), Infinity]);
    post.apply(this, args);
  } as Worker['postMessage'];
  addEventListener(
    'keydown',
    () => {
      w.__keyEvents.keydown = performance.now();
      w.__keyEvents.frame = NaN;
      // The frame after the key: from its animation frame to the task after its rendering (style, layout, paint), where highlights cost what they cost.
      requestAnimationFrame(() => {
        const at = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (w.__keyEvents.frame = performance.now() - at);
        channel.port2.postMessage(null);
      });
    },
    true,
  );
  addEventListener('input', () => (w.__keyEvents.input = performance.now()), true);
}

/** Placing an answer (and the count after it) takes a few ms after it arrives. */
const ANSWER_WORK_MS = 50;

/** A page with the setting's document open in Edit mode (with suggestions drawn, when on). */
async function open(browser: Browser, setting: Setting, url: string): Promise<Typist> {
  const { page, cdp } = await newPage(browser);
  await page.addInitScript((value) => localStorage.setItem('scholia-suggestions', value), setting);
  await page.addInitScript(watchKeysAndWorker);
  await page.goto(url);
  await page.getByTestId('document-item').filter({ hasText: `Readouts ${setting}` }).getByRole('button').first().click();
  await page.getByTestId('editor').waitFor();
  // Drawn as CSS highlights (suggestion-highlights.ts): waits until one holds a range.
  if (setting === 'on') await page.waitForFunction(() => [...CSS.highlights].some(([name, h]) => name.startsWith('scholia-suggestion-') && h.size > 0), null, { timeout: 120_000 });
  await page.getByTestId('editor').focus();
  await page.keyboard.press('Control+e');
  await page.locator('[data-testid=editor][data-mode=edit]').waitFor();
  return { page, cdp, typing: [], afterJump: [], keys: [], moments: [], markedAt: NaN };
}

/**
 * One block: BLOCK places spread through the text, BURST keys typed at each
 * (timed as measureKeystrokes does); a pause for the save every 20 keys. The
 * first key after moving to a place is kept apart: it can meet the redraw of
 * the highlights and suggestions that scrolling there brought into view,
 * which is a cost of scrolling, not of typing.
 */
async function block(typist: Typist): Promise<{ typing: number[]; afterJump: number[] }> {
  const { page } = typist;
  const saved = () => page.locator('[data-testid=save-status][data-state=saved]').waitFor({ timeout: 30_000 });
  await installKeyProbe(page);
  const out = { typing: [] as number[], afterJump: [] as number[] };
  let typed = 0;
  for (const at of spread(BLOCK)) {
    if (!(await placeSelection(page, at, 0))) continue;
    for (let k = 0; k < BURST; k++) {
      await page.evaluate(() => {
        const w = window as unknown as { __keyResolve: ((s: { updated: number; painted: number }) => void) | null; __keyDone: Promise<{ updated: number; painted: number }> };
        w.__keyDone = new Promise((resolve) => (w.__keyResolve = resolve));
      });
      await page.keyboard.press('e');
      const { updated, start, keydown, input, frame, worker, ranges } = await page.evaluate(async () => {
        const w = window as unknown as { __keyDone: Promise<{ updated: number; start: number }>; __worker: [number, number][]; __keyEvents: { keydown: number; input: number; frame: number } };
        const done = await w.__keyDone;
        const ranges = [...CSS.highlights].reduce((n, [name, h]) => n + (name.startsWith('scholia-suggestion-') ? h.size : 0), 0);
        return { ...done, ...w.__keyEvents, worker: w.__worker.slice(-3), ranges };
      });
      (k === 0 ? out.afterJump : out.typing).push(updated);
      const end = start + updated;
      // Busy over the key, or its answer placed just before or during it.
      const nearWorker = worker.some(([ask, answer]) => ask < end && answer + ANSWER_WORK_MS > start);
      if (k > 0) {
        typist.keys.push({ ms: updated, wait: keydown - start, browser: input - keydown, editor: end - input, frame, nearWorker, ranges });
        typist.moments.push([start, end]);
      }
      if (++typed % 20 === 0) await saved();
    }
  }
  await saved();
  return out;
}

const ms = (n: number) => n.toFixed(2);
const pct = (ratio: number) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)} %`;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

const host = await startHost();
const browser = await launch();
const profiles = profiler(PROFILE_DIR);
try {
  for (const setting of SETTINGS) await callApi(host, 'documents.create', { title: `Readouts ${setting}`, text: TEXT });
  const typists = { on: await open(browser, 'on', host.url), off: await open(browser, 'off', host.url) } satisfies Record<Setting, Typist>;
  // A block each first, not counted: the first keystrokes pay for compiling the editor's code.
  for (const setting of SETTINGS) {
    await block(typists[setting]);
    typists[setting].keys = [];
    typists[setting].moments = [];
  }
  const loadBefore = load();
  for (const setting of SETTINGS) {
    await profiles.start(typists[setting].cdp);
    if (PROFILE_DIR) typists[setting].markedAt = await markProfile(typists[setting].page);
  }
  type Kind = 'typing' | 'afterJump';
  const ratios: Record<Kind, { p50: number; p95: number }[]> = { typing: [], afterJump: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order: Setting[] = round % 2 === 0 ? ['on', 'off'] : ['off', 'on'];
    const got = {} as Record<Setting, { typing: number[]; afterJump: number[] }>;
    for (const setting of order) {
      got[setting] = await block(typists[setting]);
      typists[setting].typing.push(...got[setting].typing);
      typists[setting].afterJump.push(...got[setting].afterJump);
    }
    for (const kind of ['typing', 'afterJump'] as const) {
      ratios[kind].push({ p50: percentile(got.on[kind], 50) / percentile(got.off[kind], 50), p95: percentile(got.on[kind], 95) / percentile(got.off[kind], 95) });
    }
  }
  for (const setting of SETTINGS) await profiles.stop(typists[setting].cdp, `suggestions-${setting}`);
  const loadAfter = load();

  console.log(`Keystroke latency, ${(TEXT.length / 1000).toFixed(0)} kB readout, ${ROUNDS} rounds × ${BLOCK} places × ${BURST} keys per setting, alternating (ms, key to editor updated)`);
  console.log(`load average (1, 5, 15 min): ${loadBefore} before, ${loadAfter} after\n`);
  console.log('| suggestions | keys | p50 | p95 |');
  console.log('| --- | ---: | ---: | ---: |');
  const kinds = { typing: 'typing (keys after the first at a place)', afterJump: 'first key after moving to a place' } as const;
  for (const kind of ['typing', 'afterJump'] as const) {
    for (const setting of ['off', 'on'] as const) {
      const s = typists[setting][kind];
      console.log(`| ${setting}, ${kinds[kind]} | ${s.length} | ${ms(percentile(s, 50))} | ${ms(percentile(s, 95))} |`);
    }
  }
  console.log('\nTyping, split (p50 of each part, ms): wait before keydown ran | browser, keydown to input (handlers, inserting the character) | editor, input to updated');
  for (const setting of ['off', 'on'] as const) {
    const keys = typists[setting].keys;
    const p50 = (part: 'wait' | 'browser' | 'editor' | 'frame') => ms(percentile(keys.map((k) => k[part]).filter((n) => !Number.isNaN(n)), 50));
    console.log(`  ${setting}: ${p50('wait')} | ${p50('browser')} | ${p50('editor')} | frame after it, rendering: ${p50('frame')} | suggestion ranges in the page: ${percentile(keys.map((k) => k.ranges), 50)}`);
  }
  const away = typists.on.keys.filter((k) => !k.nearWorker).map((k) => k.ms);
  console.log(`on, typing away from the worker (not busy, no answer placed within ${ANSWER_WORK_MS} ms): ${away.length} of ${typists.on.keys.length} keys, p50 ${ms(percentile(away, 50))}, p95 ${ms(percentile(away, 95))}`);
  const spread = (values: number[]) => `median ${pct(percentile(values, 50))}, quartiles ${pct(percentile(values, 25))} to ${pct(percentile(values, 75))}, range ${pct(Math.min(...values))} to ${pct(Math.max(...values))}`;
  for (const kind of ['typing', 'afterJump'] as const) {
    console.log(`\n${kinds[kind]}, on against off, per round (${ROUNDS} rounds):`);
    console.log(`  p50: ${spread(ratios[kind].map((r) => r.p50))}`);
    console.log(`  p95: ${spread(ratios[kind].map((r) => r.p95))}`);
  }
  const typing = ratios.typing;
  const within = percentile(typing.map((r) => r.p50), 50) <= 1.1 && percentile(typing.map((r) => r.p95), 50) <= 1.1;
  console.log(`\ntyping: ${within ? 'within' : 'NOT within'} the 10 % target (median ratio at p50 and p95)`);
  if (PROFILE_DIR) {
    const profile = (setting: Setting) => JSON.parse(readFileSync(join(PROFILE_DIR, `suggestions-${setting}.cpuprofile`), 'utf8')) as CpuProfile;
    for (const setting of SETTINGS) console.log(`\n${setting}: ${summarise(profile(setting), 30)}`);
    // Only the samples taken while a key after the first at a place was handled (keydown to updated).
    const [on, off] = SETTINGS.map((setting) => timeIn(profile(setting), typists[setting].markedAt, typists[setting].moments));
    console.log('\nTyping only (keys after the first at a place), CPU profile samples inside the keys, on against off:');
    console.log(on && off ? `${compareTimes(on.self, off.self, ['on', 'off'], 40)}\n${compareTimes(on.total, off.total, ['on', 'off'], 40, 'total time')}` : '  (the profile mark was not found)');
  }
} finally {
  await browser.close();
  await host.stop();
}
