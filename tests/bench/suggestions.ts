// `npm run bench:suggestions`: keystroke latency in the editor with
// suggestions shown and with them hidden, on a readout of ~170 kB full of
// names, places, dates and figures (the suggestion fixtures, repeated).
// Suggestions are computed in a worker; the target is that typing with
// them on costs within 10 % of typing with them off, at p50 and at p95.
//
//   npm run bench:suggestions
//   npm run bench:suggestions -- --rounds N --block N --profile DIR
//
// On a shared, loaded machine the load drifts more within a minute than the
// difference measured, so the two settings are measured side by side in one
// browser: two pages (one document each, the same text), one with
// suggestions on and one off, typed into in alternating blocks of `--block`
// keystrokes (on-off, then off-on, ...). Each round gives a ratio on/off of
// the two blocks' p50 and p95; the verdict is on the median ratio over the
// rounds, printed with its spread and the load average. Keystrokes are timed
// as in the main bench (browser.ts: key to editor updated).

import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { callApi, startHost } from '../e2e/web-host';
import { parseGold } from '../eval/gold';
import { launch, measureKeystrokes, newPage, profiler } from './browser';
import { summarise } from './profile-summary';
import { percentile } from './stats';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = argv.indexOf(name);
  const n = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} takes a whole number from 1`);
  return n;
};
const ROUNDS = option('--rounds', 8);
const BLOCK = option('--block', 30);
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
  /** Every keystroke measured, in order. */
  samples: number[];
}

/** A page with the setting's document open in Edit mode (with suggestions drawn, when on). */
async function open(browser: Browser, setting: Setting, url: string): Promise<Typist> {
  const { page, cdp } = await newPage(browser);
  await page.addInitScript((value) => localStorage.setItem('scholia-suggestions', value), setting);
  await page.goto(url);
  await page.getByTestId('document-item').filter({ hasText: `Readouts ${setting}` }).getByRole('button').first().click();
  await page.getByTestId('editor').waitFor();
  if (setting === 'on') await page.locator('[data-testid=editor] .suggestion').first().waitFor({ timeout: 120_000 });
  await page.getByTestId('editor').focus();
  await page.keyboard.press('Control+e');
  await page.locator('[data-testid=editor][data-mode=edit]').waitFor();
  return { page, cdp, samples: [] };
}

async function block(typist: Typist): Promise<number[]> {
  const saved = () => typist.page.locator('[data-testid=save-status][data-state=saved]').waitFor({ timeout: 30_000 });
  return (await measureKeystrokes(typist.page, BLOCK, saved)).samples;
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
  for (const setting of SETTINGS) await block(typists[setting]);
  const loadBefore = load();
  for (const setting of SETTINGS) await profiles.start(typists[setting].cdp);
  const ratios: { p50: number; p95: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order: Setting[] = round % 2 === 0 ? ['on', 'off'] : ['off', 'on'];
    const got = {} as Record<Setting, number[]>;
    for (const setting of order) {
      got[setting] = await block(typists[setting]);
      typists[setting].samples.push(...got[setting]);
    }
    ratios.push({ p50: percentile(got.on, 50) / percentile(got.off, 50), p95: percentile(got.on, 95) / percentile(got.off, 95) });
  }
  for (const setting of SETTINGS) await profiles.stop(typists[setting].cdp, `suggestions-${setting}`);
  const loadAfter = load();

  console.log(`Keystroke latency, ${(TEXT.length / 1000).toFixed(0)} kB readout, ${ROUNDS} rounds × ${BLOCK} keystrokes per setting, alternating (ms, key to editor updated)`);
  console.log(`load average (1, 5, 15 min): ${loadBefore} before, ${loadAfter} after\n`);
  console.log('| suggestions | keystrokes | p50 | p95 |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const setting of ['off', 'on'] as const) {
    const s = typists[setting].samples;
    console.log(`| ${setting} | ${s.length} | ${ms(percentile(s, 50))} | ${ms(percentile(s, 95))} |`);
  }
  const spread = (values: number[]) => `median ${pct(percentile(values, 50))}, quartiles ${pct(percentile(values, 25))} to ${pct(percentile(values, 75))}, range ${pct(Math.min(...values))} to ${pct(Math.max(...values))}`;
  const p50 = ratios.map((r) => r.p50);
  const p95 = ratios.map((r) => r.p95);
  console.log(`\non against off, per round (${ROUNDS} rounds):`);
  console.log(`  p50: ${spread(p50)}`);
  console.log(`  p95: ${spread(p95)}`);
  const within = percentile(p50, 50) <= 1.1 && percentile(p95, 50) <= 1.1;
  console.log(`${within ? 'within' : 'NOT within'} the 10 % target (median ratio at p50 and p95)`);
  if (PROFILE_DIR) for (const setting of SETTINGS) console.log(`\n${setting}: ${summarise(JSON.parse(readFileSync(join(PROFILE_DIR, `suggestions-${setting}.cpuprofile`), "utf8")) as Parameters<typeof summarise>[0], 30)}`);
} finally {
  await browser.close();
  await host.stop();
}
