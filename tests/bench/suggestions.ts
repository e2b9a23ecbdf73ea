// `npm run bench:suggestions`: keystroke latency in the editor with
// suggestions shown and with them hidden, on a readout of ~200 kB full of
// names, places, dates and figures (the suggestion fixtures, repeated).
// Suggestions are computed in a worker; the target is that typing with
// them on costs within 10 % of typing with them off.
//
//   npm run bench:suggestions                    3 rounds of 150 keystrokes per setting
//   npm run bench:suggestions -- --rounds N --keystrokes N
//
// The rounds alternate which setting goes first, so drift on a busy machine
// falls on both. Keystrokes are timed as in the main bench (browser.ts).

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { callApi, startHost } from '../e2e/web-host';
import { parseGold } from '../eval/gold';
import { launch, measureKeystrokes, newPage } from './browser';
import { percentile } from './stats';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = argv.indexOf(name);
  const n = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} takes a whole number from 1`);
  return n;
};
const ROUNDS = option('--rounds', 3);
const KEYSTROKES = option('--keystrokes', 150);

const FIXTURES = resolve(import.meta.dirname, '../fixtures/suggestions');
const readouts = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => parseGold(name, readFileSync(join(FIXTURES, name), 'utf8')).text.trim());
const TEXT = Array.from({ length: 250 }, (_, i) => readouts[i % readouts.length]).join('\n\n');

type Setting = 'on' | 'off';

async function typeWith(page: Page, setting: Setting, url: string): Promise<number[]> {
  await page.addInitScript((value) => localStorage.setItem('scholia-suggestions', value), setting);
  await page.goto(url);
  await page.getByTestId('document-item').first().getByRole('button').first().click();
  await page.getByTestId('editor').waitFor();
  if (setting === 'on') await page.locator('[data-testid=editor] .suggestion').first().waitFor({ timeout: 60_000 });
  await page.getByTestId('editor').focus();
  await page.keyboard.press('Control+e');
  await page.locator('[data-testid=editor][data-mode=edit]').waitFor();
  const saved = () => page.locator('[data-testid=save-status][data-state=saved]').waitFor({ timeout: 30_000 });
  return (await measureKeystrokes(page, KEYSTROKES, saved)).samples;
}

const host = await startHost();
const browser = await launch();
try {
  await callApi(host, 'documents.create', { title: 'Readouts', text: TEXT });
  const samples: Record<Setting, number[]> = { on: [], off: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order: Setting[] = round % 2 === 0 ? ['off', 'on'] : ['on', 'off'];
    for (const setting of order) {
      const { context, page } = await newPage(browser);
      samples[setting].push(...(await typeWith(page, setting, host.url)));
      await context.close();
    }
  }
  const line = (setting: Setting) => {
    const s = samples[setting];
    return `| ${setting} | ${s.length} | ${percentile(s, 50).toFixed(2)} | ${percentile(s, 95).toFixed(2)} |`;
  };
  console.log(`Keystroke latency, ${(TEXT.length / 1000).toFixed(0)} kB readout, ${ROUNDS} rounds × ${KEYSTROKES} keystrokes per setting (ms, key to editor updated)\n`);
  console.log('| suggestions | keystrokes | p50 | p95 |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(line('off'));
  console.log(line('on'));
  const ratio = (p: number) => percentile(samples.on, p) / percentile(samples.off, p) - 1;
  const verdict = ratio(50) <= 0.1 ? 'within' : 'NOT within';
  console.log(`\nwith suggestions on: p50 ${(ratio(50) * 100).toFixed(1)} %, p95 ${(ratio(95) * 100).toFixed(1)} % against off (${verdict} the 10 % target at p50)`);
} finally {
  await browser.close();
  await host.stop();
}
