#!/usr/bin/env node
// `npm test`: type checks, unit and integration tests, a build, then the
// end-to-end tests in Debian's Chromium (installed here when missing and
// possible) and the Electron ones (reported as not run without Electron).
// Ends with one line: "tests: N passed, N failed, N skipped".

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.SCHOLIA_CHROMIUM ?? '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get')) {
    console.log(`scholia test: ${CHROMIUM} is missing; installing Debian's chromium package`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
      const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (result.status !== 0) break;
    }
    if (existsSync(CHROMIUM)) return true;
  }
  console.error(
    `scholia test: no Chromium at ${CHROMIUM}. Install Debian's package (sudo apt-get install chromium) ` +
      'or point SCHOLIA_CHROMIUM at a Chromium or Chrome binary. Playwright never downloads a browser here.',
  );
  return false;
}

/** Runs a step, echoing its output, and returns its exit code and output. */
function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const echo = (stream) => (chunk) => {
      output += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on('data', echo(process.stdout));
    child.stderr.on('data', echo(process.stderr));
    child.on('close', (code) => resolve({ name, code: code ?? 1, output }));
  });
}

const plain = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');
const count = (text, pattern) => Number(pattern.exec(plain(text))?.[1] ?? 0);

function vitestCounts(output) {
  const line = plain(output).split('\n').find((l) => /^\s*Tests\s/.test(l)) ?? '';
  return { passed: count(line, /(\d+) passed/), failed: count(line, /(\d+) failed/), skipped: count(line, /(\d+) skipped/) };
}

function playwrightCounts(output) {
  return { passed: count(output, /^\s*(\d+) passed/m), failed: count(output, /^\s*(\d+) failed/m), skipped: count(output, /^\s*(\d+) skipped/m) };
}

const npx = (bin) => `node_modules/.bin/${bin}`;
const results = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
const add = (c) => {
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
};

results.push(await run('typecheck', npx('tsc'), ['--noEmit', '-p', 'tsconfig.json']));
results.push(await run('svelte-check', npx('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']));
const unit = await run('unit and integration tests', npx('vitest'), ['run']);
results.push(unit);
add(vitestCounts(unit.output));
const build = await run('build', npx('electron-vite'), ['build']);
results.push(build);

if (build.code === 0 && ensureChromium()) {
  const e2e = await run('end-to-end tests (web host, Chromium)', npx('playwright'), ['test'], { SCHOLIA_CHROMIUM: CHROMIUM });
  results.push(e2e);
  add(playwrightCounts(e2e.output));
} else {
  results.push({ name: 'end-to-end tests (web host, Chromium)', code: 1, output: '' });
}

if (build.code === 0 && existsSync('playwright.electron.config.ts')) {
  // Electron needs a display; Xvfb provides one on a headless machine.
  const headless = !process.env.DISPLAY && existsSync('/usr/bin/xvfb-run');
  const [cmd, args] = headless
    ? ['xvfb-run', ['-a', npx('playwright'), 'test', '-c', 'playwright.electron.config.ts']]
    : [npx('playwright'), ['test', '-c', 'playwright.electron.config.ts']];
  const electron = await run('end-to-end tests (Electron)', cmd, args);
  results.push(electron);
  add(playwrightCounts(electron.output));
}

console.log('\n=== summary');
for (const r of results) console.log(`${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.name}`);
const failedSteps = results.filter((r) => r.code !== 0).length;
// A failing step that ran no counted test (a type error, a build failure) still fails the run.
console.log(`tests: ${totals.passed} passed, ${totals.failed + (failedSteps > 0 && totals.failed === 0 ? failedSteps : 0)} failed, ${totals.skipped} skipped`);
process.exit(failedSteps === 0 ? 0 : 1);
