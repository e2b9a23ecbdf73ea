// `npm run bench`: Scholia on long documents with many annotations, side by
// side with a bare contenteditable, a bare ProseMirror view and the peer
// (@recogito/text-annotator), in headless Chromium through the web host.
//
//   npm run bench                 1 MB / 10k, 5 MB / 50k and 15 MB / 150k annotations
//   npm run bench -- --quick      1 MB / 10k only
//   npm run bench -- --json       one JSON object on stdout instead of the table
//   npm run bench -- --store-only  the figures measured in Node only (import, store commits, exports, rules), no browser
//   options: --size 1mb-10k|5mb-50k|15mb-150k (only that one), --runs N (opens per variant, default 3), --keystrokes N (default 200),
//            --annotations N (annotate samples, default 40), --only scholia (skip floors and peer),
//            --scroll-step PX (scroll speed, px per frame, default 1000), --no-scroll, --memory-limit-gb N (default 3),
//            --profile DIR (Chromium .cpuprofile files and the host's --cpu-prof),
//            --css '...' (a what-if: styles added to Scholia's page only)
//   BENCH_API_LOG=1 npm run bench ...  the host also logs each api call: its time in the dispatch, its JSON, its length
//
// Inputs are generated at run time (generate.ts); everything is written to a
// temporary folder that is removed at the end. How each time is taken is
// described in browser.ts; the Node figures in node-figures.ts and
// edit-figures.ts. Every browser variant runs under a time limit and a memory
// limit on the bench's processes (guard.ts): one that exceeds it is stopped
// and reported as not finished, so a run never hangs or fills the machine.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type as osType } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, BrowserContext } from '@playwright/test';
import { listTags } from '../../src/store/tags';
import { Workspace } from '../../src/store/workspace';
import {
  heapMB,
  launch,
  measureAnnotate,
  measureKeystrokes,
  measureScroll,
  newPage,
  openBenchPage,
  openScholia,
  profiler,
  describePhases,
  type ScrollResult,
} from './browser';
import { buildAll } from './build';
import { describeMoments, markProfile, startTrace, stopTrace, type CpuProfile } from './profile-windows';
import { generateAnnotations, generateText } from './generate';
import { bounded, peakMemory, sampleMemory, setPhase } from './guard';
import { insertAnnotations, measureRules, type FormatFigures } from './node-figures';
import { median, round, SLOW_FRAME_MS, timeAsync } from './stats';
import { EDITS_MEASURED, measureEdits } from './edit-figures';
import { printTable, verdicts, type Verdict } from './table';
import { hostUrl } from '../host-url';
import { callApi } from '../e2e/web-host';

const ROOT = resolve(import.meta.dirname, '../..');

interface Size {
  key: '1mb-10k' | '5mb-50k' | '15mb-150k';
  bytes: number;
  annotations: number;
  /** Scroll measured at this size (the whole document is scrolled: 15 MB would take minutes per variant). */
  scroll: boolean;
  /**
   * Time limits (s): Scholia's, all its steps together, is there to stop a hang; the floors' and the
   * peer's (each) keep the run near ten minutes when they cannot handle the size.
   */
  scholiaLimitS: number;
  floorLimitS: number;
  /** At the largest size the floors and the peer open once and type fewer keys, for the same reason. */
  floorRuns?: number;
  floorKeystrokes?: number;
}
const SIZES: readonly Size[] = [
  { key: '1mb-10k', bytes: 1_000_000, annotations: 10_000, scroll: true, scholiaLimitS: 600, floorLimitS: 180 },
  { key: '5mb-50k', bytes: 5_000_000, annotations: 50_000, scroll: true, scholiaLimitS: 900, floorLimitS: 180 },
  { key: '15mb-150k', bytes: 15_000_000, annotations: 150_000, scroll: false, scholiaLimitS: 900, floorLimitS: 90, floorRuns: 1, floorKeystrokes: 50 },
];

/** Scrolling stops here if the bottom is not reached (a page that drops most frames would take minutes). */
const SCROLL_CAP_MS = 60_000;

interface Options {
  quick: boolean;
  json: boolean;
  runs: number;
  keystrokes: number;
  annotateSamples: number;
  only: 'all' | 'scholia';
  profileDir: string | null;
  /** Only this size (--size 5mb-50k). */
  size: Size['key'] | null;
  /** A what-if: CSS added to Scholia's page (--css '...'); the figures are then not the product's. */
  css: string | null;
  /** Only the figures measured in Node (--store-only): the browser is not started. */
  storeOnly: boolean;
  /** Scroll speed: px further per frame; 0 with --no-scroll. */
  scrollStepPx: number;
  /** The bench's processes together (this one, the host, Chromium) are stopped above this. */
  memoryLimitMB: number;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const number = (name: string, fallback: number): number => {
    const v = value(name);
    const n = v === undefined ? fallback : Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} takes a whole number from 1`);
    return n;
  };
  const only = value('--only') ?? 'all';
  if (only !== 'all' && only !== 'scholia') throw new Error('--only takes "scholia"');
  const profile = value('--profile');
  const size = value('--size') ?? null;
  if (size !== null && !SIZES.some((s) => s.key === size)) throw new Error(`--size takes ${SIZES.map((s) => s.key).join(' or ')}`);
  return {
    quick: argv.includes('--quick'),
    json: argv.includes('--json'),
    runs: number('--runs', 3),
    keystrokes: number('--keystrokes', 200),
    annotateSamples: number('--annotations', 40),
    only,
    profileDir: profile ? resolve(profile) : null,
    size: size as Size['key'] | null,
    css: value('--css') ?? null,
    storeOnly: argv.includes('--store-only'),
    scrollStepPx: argv.includes('--no-scroll') ? 0 : number('--scroll-step', 1000),
    memoryLimitMB: number('--memory-limit-gb', 3) * 1024,
  };
}

/** A floor (bare contenteditable, bare ProseMirror): what it measured, NaN for what it did not reach, and why it stopped. */
export interface Floor {
  openMs: number;
  openPaintMs: number;
  keystrokeP50Ms: number;
  keystrokeP95Ms: number;
  keystrokeMaxMs: number;
  keystrokePaintP95Ms: number;
  heapMB: number;
  runs: number;
  keystrokes: number;
  scroll?: ScrollResult;
  /** Set when it did not finish (time or memory limit, or a failure). */
  error?: string;
}

export interface Peer {
  openMs: number;
  openPaintMs: number;
  heapMB: number;
  error?: string;
}

export interface SizeFigures {
  textBytes: number;
  paragraphs: number;
  annotations: number;
  findings: number;
  plantedArtifacts: number;
  importMs: number;
  openMs: number;
  openPaintMs: number;
  openRunsMs: number[];
  highlightsShown: number;
  findingsShown: number;
  keystrokeP50Ms: number;
  keystrokeP95Ms: number;
  keystrokeMaxMs: number;
  keystrokePaintP50Ms: number;
  keystrokePaintP95Ms: number;
  /** Tag key to the new highlight in the page. */
  annotateHighlightP50Ms: number;
  annotateHighlightP95Ms: number;
  /** Tag key to the store's commit answered (and Saved shown again). */
  annotateCommitP50Ms: number;
  annotateCommitP95Ms: number;
  annotateSamples: number;
  recheckMs: number;
  recheckP95Ms: number;
  rulesMBps: number;
  exportNativeMs: number;
  exportW3cMs: number;
  exportStoreReadMs: number;
  exportNativeMB: number;
  importNativeMs: number;
  /** The same once the document has the store measurement's edits (EDITS_MEASURED). */
  exportNativeEditedMs: number;
  importNativeEditedMs: number;
  storeBulkInsertMs: number;
  storeSingleCommitMs: number;
  storeEditCommitMs: number;
  storeEditBatch20Ms: number;
  heapMB: number;
  /** Scrolling the whole document top to bottom (sizes with `scroll`). */
  scroll?: ScrollResult;
  /** Set when Scholia's browser figures did not finish (time or memory limit, or a failure); those left are NaN. */
  scholiaError?: string;
  bare?: { contenteditable: Floor; prosemirror: Floor };
  peer?: Peer;
  /** Each target (issues 7 and 13) with the figure and whether it is met. */
  targets?: Verdict[];
}

/** Progress goes to stderr, so stdout holds only the table or the one JSON object. */
function log(_options: Options, message: string): void {
  setPhase(message);
  process.stderr.write(`bench: ${message}\n`);
}

interface Host {
  url: string;
  origin: string;
  token: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function startHost(workspacePath: string, rendererRoot: string, profileDir: string | null, name: string): Promise<Host> {
  const args = [
    ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', `host-${name}.cpuprofile`] : []),
    // tsx as a loader in this one process (its CLI would run the host in a child the profiler misses).
    '--import',
    'tsx',
    join(ROOT, 'tests/bench/host.ts'),
    workspacePath,
    rendererRoot,
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await hostUrl(child);
  // Keep reading its output so a full pipe never blocks it; show internal errors.
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** measureFormats in a process of its own (formats-child.ts). */
function measureFormatsApart(workspacePath: string, documentId: string, runs: number): Promise<FormatFigures> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/bench/formats-child.ts'), workspacePath, documentId, String(runs)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => {
      err += c.toString();
      if (process.env.BENCH_DEBUG) process.stderr.write(c);
    });
    child.once('exit', (code) => (code === 0 ? done(JSON.parse(out) as FormatFigures) : fail(new Error(`formats-child exited with ${code}:\n${err}`))));
  });
}

/** The figures Scholia measures in the browser; NaN until measured. */
type ScholiaFigures = Pick<
  SizeFigures,
  | 'openMs'
  | 'openPaintMs'
  | 'openRunsMs'
  | 'highlightsShown'
  | 'findingsShown'
  | 'keystrokeP50Ms'
  | 'keystrokeP95Ms'
  | 'keystrokeMaxMs'
  | 'keystrokePaintP50Ms'
  | 'keystrokePaintP95Ms'
  | 'annotateHighlightP50Ms'
  | 'annotateHighlightP95Ms'
  | 'annotateCommitP50Ms'
  | 'annotateCommitP95Ms'
  | 'annotateSamples'
  | 'heapMB'
  | 'scroll'
  | 'scholiaError'
>;

const notMeasured = (): ScholiaFigures => ({
  openMs: Number.NaN,
  openPaintMs: Number.NaN,
  openRunsMs: [],
  highlightsShown: 0,
  findingsShown: 0,
  keystrokeP50Ms: Number.NaN,
  keystrokeP95Ms: Number.NaN,
  keystrokeMaxMs: Number.NaN,
  keystrokePaintP50Ms: Number.NaN,
  keystrokePaintP95Ms: Number.NaN,
  annotateHighlightP50Ms: Number.NaN,
  annotateHighlightP95Ms: Number.NaN,
  annotateCommitP50Ms: Number.NaN,
  annotateCommitP95Ms: Number.NaN,
  annotateSamples: 0,
  heapMB: Number.NaN,
});

const describeScroll = (s: ScrollResult): string =>
  `${s.slowFrames} of ${s.frames} frames over ${SLOW_FRAME_MS} ms (${Number.isNaN(s.longFrames) ? '?' : s.longFrames} over 50 ms, max ${round(s.maxFrameMs)} ms), ${s.reachedEnd ? 'whole document' : `stopped at ${Math.round(s.scrolledFraction * 100)} %`} (${Math.round(s.heightPx / 1000)}k px) in ${round(s.durationMs / 1000)} s`;

/** The context a bounded step runs in, closed when the step is stopped (which ends its page). */
class Contexts {
  private current: BrowserContext | null = null;
  constructor(private readonly browser: Browser) {}
  async open(css: string | null = null) {
    await this.close();
    const made = await newPage(this.browser, css);
    this.current = made.context;
    return made;
  }
  async close(): Promise<void> {
    const c = this.current;
    this.current = null;
    await c?.close().catch(() => {});
  }
}

async function measureSize(size: Size, options: Options, rendererRoot: string, hasFindings: boolean, scratch: string): Promise<SizeFigures> {
  const began = performance.now();
  const say = (m: string) => log(options, `[${size.key} +${Math.round((performance.now() - began) / 1000)}s] ${m}`);
  const generated = generateText(size.bytes);
  const text = generated.text;
  const paragraphs = text.split('\n').length;
  say(`generated ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB, ${paragraphs} lines, ${generated.planted} planted artifacts`);

  const workspacePath = join(scratch, `${size.key}.sqlite`);
  const workspace = await Workspace.open(workspacePath);
  const host = await startHost(workspacePath, rendererRoot, options.profileDir, size.key);
  const browser = options.storeOnly ? null : await launch();
  try {
    // Import through the api, as the renderer's import does (median of 3; the extra copies are deleted).
    const contentBase64 = Buffer.from(text, 'utf8').toString('base64');
    const imports: { ms: number; value: { id: string } }[] = [];
    for (let k = 0; k < 3; k++) imports.push(await timeAsync(() => callApi<{ id: string }>(host, 'documents.importFile', { fileName: `readout-${size.key}.txt`, contentBase64 })));
    for (const extra of imports.slice(1)) await callApi(host, 'documents.delete', { id: extra.value.id });
    const documentId = imports[0]!.value.id;
    say(`import ${round(median(imports.map((i) => i.ms)))} ms`);

    const tagIds = listTags(workspace.db)
      .filter((t) => t.parentId === null)
      .map((t) => t.id);
    const store = insertAnnotations(workspace, documentId, text, generateAnnotations(text, size.annotations, tagIds));
    say(`stored ${size.annotations} annotations in one transaction: ${round(store.bulkInsertMs)} ms; one commit ${round(store.singleCommitMs)} ms`);

    // Exports of the document as imported, with its annotations; then again once it has edits (their replay is checked).
    const formats = await measureFormatsApart(workspacePath, documentId, 5);
    say(`export native ${round(formats.exportNativeMs)} ms, W3C ${round(formats.exportW3cMs)} ms`);
    const edits = measureEdits(workspace, documentId);
    say(`store: one keystroke committed ${round(edits.editCommitMs)} ms, a burst of 20 ${round(edits.editBatch20Ms)} ms`);
    const edited = await measureFormatsApart(workspacePath, documentId, 3);
    say(`with ${EDITS_MEASURED} edits: export native ${round(edited.exportNativeMs)} ms, import native ${round(edited.importNativeMs)} ms`);
    const rules = measureRules(text, size.bytes > 2e6 ? 3 : 5);
    say(`rules ${round(rules.rulesMBps)} MB/s (${rules.findings} findings), re-check ${round(rules.recheckMs)} ms`);

    const nodeFigures = {
      textBytes: Buffer.byteLength(text, 'utf8'),
      paragraphs,
      annotations: size.annotations,
      findings: rules.findings,
      plantedArtifacts: generated.planted,
      importMs: median(imports.map((i) => i.ms)),
      recheckMs: rules.recheckMs,
      recheckP95Ms: rules.recheckP95Ms,
      rulesMBps: rules.rulesMBps,
      exportNativeMs: formats.exportNativeMs,
      exportW3cMs: formats.exportW3cMs,
      exportStoreReadMs: formats.storeReadMs,
      exportNativeMB: formats.exportNativeBytes / 1e6,
      importNativeMs: formats.importNativeMs,
      exportNativeEditedMs: edited.exportNativeMs,
      importNativeEditedMs: edited.importNativeMs,
      storeBulkInsertMs: store.bulkInsertMs,
      storeSingleCommitMs: store.singleCommitMs,
      storeEditCommitMs: edits.editCommitMs,
      storeEditBatch20Ms: edits.editBatch20Ms,
    };
    if (!browser) return { ...nodeFigures, ...notMeasured() };

    const prof = profiler(options.profileDir);
    const docUrl = (page: string) => `${host.origin}/bench/${page}.html?doc=${documentId}#token=${host.token}`;
    const limits = (contexts: Contexts, seconds: number) => ({ timeoutMs: seconds * 1000, memoryLimitMB: options.memoryLimitMB, stop: () => contexts.close() });
    const lines = text.split(/\r\n|\r|\n/, 400);
    const knownIds = [...store.idsByLine.values()].flat();

    // ---- Scholia ----
    const scholia = notMeasured();
    const scholiaContexts = new Contexts(browser);
    const paints: number[] = [];
    const scholiaRun = await bounded(async () => {
      for (let r = 0; r < options.runs; r++) {
        const { page, cdp } = await scholiaContexts.open(options.css);
        page.setDefaultTimeout(size.scholiaLimitS * 1000);
        const last = r === options.runs - 1;
        if (r === 0) await prof.start(cdp);
        const open = await openScholia(page, { url: host.url, hasFindings, idsByLine: store.idsByLine, firstLines: lines });
        if (r === 0) await prof.stop(cdp, `${size.key}-scholia-open`);
        scholia.openRunsMs.push(open.ms);
        scholia.openMs = median(scholia.openRunsMs);
        scholia.highlightsShown = open.highlights;
        scholia.findingsShown = open.findings;
        if (open.visibleMissing > 0) throw new Error(`${open.visibleMissing} of the ${open.visibleExpected} annotations in view are not drawn`);
        say(`scholia open ${round(open.ms)} ms (painted ${round(open.paintMs)} ms; ${open.highlights} highlights drawn, all ${open.visibleExpected} in view; ${open.findings} findings)`);
        paints.push(open.paintMs);
        scholia.openPaintMs = median(paints);
        if (!last) continue;
        scholia.heapMB = await heapMB(cdp);
        if (size.scroll && options.scrollStepPx > 0) {
          scholia.scroll = await measureScroll(page, options.scrollStepPx, SCROLL_CAP_MS);
          say(`scholia scroll: ${describeScroll(scholia.scroll)}`);
        }
        const editor = page.getByTestId('editor');
        let savingMs = 0;
        const saved = async () => {
          const t = performance.now();
          // Checked every frame (a locator's waitFor backs off to half a second).
          await page.waitForFunction(() => document.querySelector('[data-testid=save-status]')?.getAttribute('data-state') === 'saved', undefined, { polling: 'raf' });
          savingMs += performance.now() - t;
        };
        await editor.focus();
        await page.keyboard.press('Control+e');
        await page.locator('[data-testid=editor][data-mode=edit]').waitFor();
        await prof.start(cdp);
        const keys = await measureKeystrokes(page, options.keystrokes, saved);
        await prof.stop(cdp, `${size.key}-scholia-keystrokes`);
        Object.assign(scholia, { keystrokeP50Ms: keys.p50, keystrokeP95Ms: keys.p95, keystrokeMaxMs: keys.max, keystrokePaintP50Ms: keys.paintP50, keystrokePaintP95Ms: keys.paintP95 });
        say(`scholia keystroke p50 ${round(keys.p50)} / p95 ${round(keys.p95)} / max ${round(keys.max)} ms; to next frame p95 ${round(keys.paintP95)} ms; waited ${round(savingMs)} ms for saves`);
        await page.keyboard.press('Control+e');
        await page.locator('[data-testid=editor][data-mode=annotate]').waitFor();
        await saved();
        // BENCH_TRACE=1 (with BENCH_DEBUG and --profile): a Chromium trace of the annotate phase instead of a profile, marked the same way.
        const tracing = !!(process.env.BENCH_TRACE && process.env.BENCH_DEBUG && options.profileDir);
        if (tracing) await startTrace(cdp);
        else await prof.start(cdp);
        const markedAt = !process.env.BENCH_DEBUG || !options.profileDir ? null : tracing ? await page.evaluate(() => performance.mark('scholia-trace-mark').startTime) : await markProfile(page);
        const annotate = await measureAnnotate(page, options.annotateSamples, knownIds, saved);
        if (tracing) {
          await stopTrace(cdp, join(options.profileDir!, `${size.key}-scholia-annotate.trace.json`));
          writeFileSync(join(options.profileDir!, `${size.key}-scholia-annotate.moments.json`), JSON.stringify({ markedAt, moments: annotate.moments }));
        } else await prof.stop(cdp, `${size.key}-scholia-annotate`);
        if (markedAt !== null && options.profileDir && !tracing) {
          // What the page did from each slow sample's key to its later moment.
          const profile = JSON.parse(readFileSync(join(options.profileDir, `${size.key}-scholia-annotate.cpuprofile`), 'utf8')) as CpuProfile;
          writeFileSync(join(options.profileDir, `${size.key}-scholia-annotate.moments.json`), JSON.stringify({ markedAt, moments: annotate.moments }));
          const slow = annotate.moments.filter((m) => m.shown > 16 || m.committed > 50);
          const lines = describeMoments(profile, markedAt, slow.map((m) => [m.key, m.key + Math.max(m.shown || 0, m.committed || 0)] as [number, number]));
          slow.forEach((m, i) => process.stderr.write(`slow annotate (highlight ${m.shown.toFixed(1)}, commit ${m.committed.toFixed(1)}): ${lines[i]}\n`));
        }
        Object.assign(scholia, {
          annotateHighlightP50Ms: annotate.highlightP50,
          annotateHighlightP95Ms: annotate.highlightP95,
          annotateCommitP50Ms: annotate.commitP50,
          annotateCommitP95Ms: annotate.commitP95,
          annotateSamples: annotate.samples,
        });
        say(
          `scholia annotate: key to highlight p50 ${round(annotate.highlightP50)} / p95 ${round(annotate.highlightP95)} ms, key to commit p50 ${round(annotate.commitP50)} / p95 ${round(annotate.commitP95)} ms (${annotate.samples} samples, ${annotate.missed} key presses made none)`,
        );
        say(`scholia annotate, the commit's parts (medians, ms): ${describePhases(annotate.commitPhasesP50)}`);
      }
    }, limits(scholiaContexts, size.scholiaLimitS));
    await scholiaContexts.close();
    if (!scholiaRun.ok) {
      scholia.scholiaError = scholiaRun.reason;
      say(`scholia did not finish: ${scholiaRun.reason}`);
    }
    const figures: SizeFigures = { ...nodeFigures, ...scholia };
    if (options.only === 'scholia') return figures;

    // ---- floors ----
    const runs = Math.min(options.runs, size.floorRuns ?? options.runs);
    const keystrokes = Math.min(options.keystrokes, size.floorKeystrokes ?? options.keystrokes);
    const floor = async (name: 'bare' | 'prosemirror'): Promise<Floor> => {
      const result: Floor = {
        openMs: Number.NaN,
        openPaintMs: Number.NaN,
        keystrokeP50Ms: Number.NaN,
        keystrokeP95Ms: Number.NaN,
        keystrokeMaxMs: Number.NaN,
        keystrokePaintP95Ms: Number.NaN,
        heapMB: Number.NaN,
        runs,
        keystrokes,
      };
      const contexts = new Contexts(browser);
      const opens: { ms: number; paintMs: number }[] = [];
      const outcome = await bounded(async () => {
        for (let r = 0; r < runs; r++) {
          const { page, cdp } = await contexts.open();
          page.setDefaultTimeout(size.floorLimitS * 1000);
          opens.push(await openBenchPage(page, docUrl(name), size.floorLimitS * 1000));
          result.openMs = median(opens.map((x) => x.ms));
          result.openPaintMs = median(opens.map((x) => x.paintMs));
          if (r < runs - 1) continue;
          result.heapMB = await heapMB(cdp);
          // The bare contenteditable scrolls beside Scholia (ProseMirror adds nothing to scrolling).
          if (size.scroll && options.scrollStepPx > 0 && name === 'bare') {
            result.scroll = await measureScroll(page, options.scrollStepPx, SCROLL_CAP_MS);
            say(`${name} scroll: ${describeScroll(result.scroll)}`);
          }
          const k = await measureKeystrokes(page, keystrokes);
          Object.assign(result, { keystrokeP50Ms: k.p50, keystrokeP95Ms: k.p95, keystrokeMaxMs: k.max, keystrokePaintP95Ms: k.paintP95 });
        }
      }, limits(contexts, size.floorLimitS));
      await contexts.close();
      if (!outcome.ok) result.error = outcome.reason;
      say(`${name}: open ${round(result.openMs)} ms, keystroke p95 ${round(result.keystrokeP95Ms)} ms${result.error ? `; did not finish: ${result.error}` : ''}`);
      return result;
    };
    const contenteditable = await floor('bare');
    const prosemirror = await floor('prosemirror');
    figures.bare = { contenteditable, prosemirror };

    // ---- peer ----
    const peer: Peer = { openMs: Number.NaN, openPaintMs: Number.NaN, heapMB: Number.NaN };
    const peerContexts = new Contexts(browser);
    const peerOpens: { ms: number; paintMs: number }[] = [];
    const peerRun = await bounded(async () => {
      for (let r = 0; r < runs; r++) {
        const { page, cdp } = await peerContexts.open();
        if (r === 0) await prof.start(cdp);
        peerOpens.push(await openBenchPage(page, docUrl('peer'), size.floorLimitS * 1000));
        if (r === 0) await prof.stop(cdp, `${size.key}-peer-open`);
        peer.openMs = median(peerOpens.map((x) => x.ms));
        peer.openPaintMs = median(peerOpens.map((x) => x.paintMs));
        if (r === runs - 1) peer.heapMB = await heapMB(cdp);
        say(`peer open ${round(peerOpens.at(-1)!.ms)} ms`);
      }
    }, limits(peerContexts, size.floorLimitS));
    await peerContexts.close();
    if (!peerRun.ok) {
      peer.error = peerRun.reason;
      say(`peer did not finish: ${peer.error}`);
    }
    figures.peer = peer;
    return figures;
  } finally {
    await browser?.close();
    await host.stop();
    workspace.close();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  sampleMemory();
  const scratch = mkdtempSync(join(tmpdir(), 'scholia-bench-'));
  try {
    log(options, 'building the renderer and the bench pages');
    const built = await buildAll(join(scratch, 'build'));
    let chromiumVersion = 'not started (--store-only)';
    if (!options.storeOnly) {
      const browser = await launch();
      chromiumVersion = browser.version();
      await browser.close();
    }
    const machine = {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGB: round(totalmem() / 2 ** 30),
      os: `${osType()} ${release()}`,
      node: process.version,
      chromium: chromiumVersion,
      headless: true,
      /** The load average (1, 5, 15 min) when the run began: figures taken on a busy machine are slower. */
      loadAtStart: loadavg().map(round),
    };
    const result: Record<string, unknown> = { machine };
    const sizes = options.size ? SIZES.filter((s) => s.key === options.size) : options.quick ? SIZES.slice(0, 1) : SIZES;
    for (const size of sizes) {
      result[size.key] = await measureSize(size, options, built.rendererRoot, built.hasFindings, scratch);
    }
    result.durationS = round((performance.now() - started) / 1000);
    result.quick = options.quick;
    result.storeOnly = options.storeOnly;
    result.scrollStepPx = options.scrollStepPx;
    result.loadAtEnd = loadavg().map(round);
    /** The most the bench's processes held together (proportional set size), sampled each second, and the progress line before it. */
    const peak = peakMemory();
    result.peakMemoryMB = round(peak.MB);
    result.peakMemoryAfter = peak.during;
    for (const size of sizes) {
      const figures = result[size.key] as SizeFigures;
      figures.targets = verdicts(size.key, figures, options.storeOnly);
    }
    if (options.json) process.stdout.write(`${JSON.stringify(result, (_k, v: unknown) => (typeof v === 'number' ? round(v) : v), 2)}\n`);
    else printTable(result as Parameters<typeof printTable>[0]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
