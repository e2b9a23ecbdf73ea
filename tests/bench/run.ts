// `npm run bench`: Scholia on long documents with many annotations, side by
// side with a bare contenteditable, a bare ProseMirror view and the peer
// (@recogito/text-annotator), in headless Chromium through the web host.
//
//   npm run bench                 1 MB / 10k, 5 MB / 50k and 15 MB / 150k annotations
//   npm run bench -- --quick      1 MB / 10k only (under two minutes)
//   npm run bench -- --json       one JSON object on stdout instead of the table
//   npm run bench -- --store-only  the figures measured in Node only (import, store commits, exports, rules), no browser
//   options: --size 1mb-10k|5mb-50k|15mb-150k (only that one), --runs N (opens per variant, default 3), --keystrokes N (default 200),
//            --annotations N (annotate samples, default 40), --only scholia (skip floors and peer),
//            --profile DIR (Chromium .cpuprofile files and the host's --cpu-prof),
//            --css '...' (a what-if: styles added to Scholia's page only)
//
// Inputs are generated at run time (generate.ts); everything is written to a
// temporary folder that is removed at the end. How each time is taken is
// described in browser.ts; the Node figures in node-figures.ts.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem, type as osType } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { listTags } from '../../src/store/tags';
import { Workspace } from '../../src/store/workspace';
import {
  heapMB,
  launch,
  measureAnnotate,
  measureKeystrokes,
  newPage,
  openBenchPage,
  openScholia,
  profiler,
  type AnnotateResult,
  type KeystrokeResult,
} from './browser';
import { buildAll } from './build';
import { generateAnnotations, generateText } from './generate';
import { EDITS_MEASURED, insertAnnotations, measureEdits, measureRules, type FormatFigures } from './node-figures';
import { median, round, timeAsync } from './stats';
import { printTable, verdicts, type Verdict } from './table';
import { hostUrl } from '../host-url';
import { callApi } from '../e2e/web-host';

const ROOT = resolve(import.meta.dirname, '../..');

interface Size {
  key: '1mb-10k' | '5mb-50k' | '15mb-150k';
  bytes: number;
  annotations: number;
}
const SIZES: readonly Size[] = [
  { key: '1mb-10k', bytes: 1_000_000, annotations: 10_000 },
  { key: '5mb-50k', bytes: 5_000_000, annotations: 50_000 },
  { key: '15mb-150k', bytes: 15_000_000, annotations: 150_000 },
];

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
  };
}

export interface Floor {
  openMs: number;
  openPaintMs: number;
  keystrokeP50Ms?: number;
  keystrokeP95Ms?: number;
  keystrokeMaxMs?: number;
  keystrokePaintP95Ms?: number;
  heapMB: number;
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
  annotateP50Ms: number;
  annotateP95Ms: number;
  annotateHighlightP95Ms: number;
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
  bare?: Floor & { prosemirror: Floor };
  peer?: { openMs: number; openPaintMs: number; heapMB: number } | { error: string };
  /** Each target (issues 7 and 13) with the figure and whether it is met. */
  targets?: Verdict[];
}

/** Progress goes to stderr, so stdout holds only the table or the one JSON object. */
function log(_options: Options, message: string): void {
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
    if (!browser) {
      const none = Number.NaN;
      return {
        ...nodeFigures,
        openMs: none,
        openPaintMs: none,
        openRunsMs: [],
        highlightsShown: 0,
        findingsShown: 0,
        keystrokeP50Ms: none,
        keystrokeP95Ms: none,
        keystrokeMaxMs: none,
        keystrokePaintP50Ms: none,
        keystrokePaintP95Ms: none,
        annotateP50Ms: none,
        annotateP95Ms: none,
        annotateHighlightP95Ms: none,
        heapMB: none,
      };
    }

    const prof = profiler(options.profileDir);

    const docUrl = (page: string) => `${host.origin}/bench/${page}.html?doc=${documentId}#token=${host.token}`;
    const timeoutMs = size.bytes > 2e6 ? 300_000 : 120_000;

    // ---- Scholia ----
    const opens: number[] = [];
    const paints: number[] = [];
    let shown = { highlights: 0, findings: 0 };
    let heap = 0;
    let keys: KeystrokeResult = { samples: [], p50: Number.NaN, p95: Number.NaN, max: Number.NaN, paintP50: Number.NaN, paintP95: Number.NaN };
    let annotate: AnnotateResult = { p50: Number.NaN, p95: Number.NaN, highlightP50: Number.NaN, highlightP95: Number.NaN, samples: 0, missed: 0 };
    for (let r = 0; r < options.runs; r++) {
      const { context, page, cdp } = await newPage(browser, options.css);
      page.setDefaultTimeout(timeoutMs);
      const last = r === options.runs - 1;
      if (r === 0) await prof.start(cdp);
      const open = await openScholia(page, { url: host.url, hasFindings, idsByLine: store.idsByLine });
      if (r === 0) await prof.stop(cdp, `${size.key}-scholia-open`);
      opens.push(open.ms);
      paints.push(open.paintMs);
      shown = { highlights: open.highlights, findings: open.findings };
      if (open.visibleMissing > 0) throw new Error(`${open.visibleMissing} of the ${open.visibleExpected} annotations in view are not drawn`);
      say(`scholia open ${round(open.ms)} ms (painted ${round(open.paintMs)} ms; ${open.highlights} highlights drawn, all ${open.visibleExpected} in view; ${open.findings} findings)`);
      if (last) {
        heap = await heapMB(cdp);
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
        keys = await measureKeystrokes(page, options.keystrokes, saved);
        await prof.stop(cdp, `${size.key}-scholia-keystrokes`);
        say(`scholia keystroke p50 ${round(keys.p50)} / p95 ${round(keys.p95)} / max ${round(keys.max)} ms; to next frame p95 ${round(keys.paintP95)} ms; waited ${round(savingMs)} ms for saves`);
        await page.keyboard.press('Control+e');
        await page.locator('[data-testid=editor][data-mode=annotate]').waitFor();
        await saved();
        await prof.start(cdp);
        annotate = await measureAnnotate(page, options.annotateSamples);
        await prof.stop(cdp, `${size.key}-scholia-annotate`);
        say(`scholia annotate p50 ${round(annotate.p50)} / p95 ${round(annotate.p95)} ms (highlight alone p95 ${round(annotate.highlightP95)} ms; ${annotate.samples} samples, ${annotate.missed} key presses made none)`);
      }
      await context.close();
    }

    const figures: SizeFigures = {
      ...nodeFigures,
      openMs: median(opens),
      openPaintMs: median(paints),
      openRunsMs: opens,
      highlightsShown: shown.highlights,
      findingsShown: shown.findings,
      keystrokeP50Ms: keys.p50,
      keystrokeP95Ms: keys.p95,
      keystrokeMaxMs: keys.max,
      keystrokePaintP50Ms: keys.paintP50,
      keystrokePaintP95Ms: keys.paintP95,
      annotateP50Ms: annotate.p50,
      annotateP95Ms: annotate.p95,
      annotateHighlightP95Ms: annotate.highlightP95,
      heapMB: heap,
    };
    if (options.only === 'scholia') return figures;

    // ---- floors ----
    const floor = async (name: 'bare' | 'prosemirror'): Promise<Floor> => {
      const runs: { ms: number; paintMs: number }[] = [];
      let result: Floor = { openMs: 0, openPaintMs: 0, heapMB: 0 };
      for (let r = 0; r < options.runs; r++) {
        const { context, page, cdp } = await newPage(browser);
        page.setDefaultTimeout(timeoutMs);
        runs.push(await openBenchPage(page, docUrl(name), timeoutMs));
        if (r === options.runs - 1) {
          const heapNow = await heapMB(cdp);
          const k = await measureKeystrokes(page, options.keystrokes);
          result = {
            openMs: median(runs.map((x) => x.ms)),
            openPaintMs: median(runs.map((x) => x.paintMs)),
            keystrokeP50Ms: k.p50,
            keystrokeP95Ms: k.p95,
            keystrokeMaxMs: k.max,
            keystrokePaintP95Ms: k.paintP95,
            heapMB: heapNow,
          };
        }
        await context.close();
      }
      say(`${name}: open ${round(result.openMs)} ms, keystroke p95 ${round(result.keystrokeP95Ms ?? Number.NaN)} ms`);
      return result;
    };
    const bare = await floor('bare');
    const prosemirror = await floor('prosemirror');
    figures.bare = { ...bare, prosemirror };

    // ---- peer ----
    try {
      const runs: { ms: number; paintMs: number }[] = [];
      let peerHeap = 0;
      for (let r = 0; r < options.runs; r++) {
        const { context, page, cdp } = await newPage(browser);
        if (r === 0) await prof.start(cdp);
        runs.push(await openBenchPage(page, docUrl('peer'), timeoutMs));
        if (r === 0) await prof.stop(cdp, `${size.key}-peer-open`);
        if (r === options.runs - 1) peerHeap = await heapMB(cdp);
        await context.close();
        say(`peer open ${round(runs.at(-1)!.ms)} ms`);
      }
      figures.peer = { openMs: median(runs.map((x) => x.ms)), openPaintMs: median(runs.map((x) => x.paintMs)), heapMB: peerHeap };
    } catch (error) {
      figures.peer = { error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
      say(`peer failed: ${figures.peer.error}`);
    }
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
    };
    const result: Record<string, unknown> = { machine };
    const sizes = options.size ? SIZES.filter((s) => s.key === options.size) : options.quick ? SIZES.slice(0, 1) : SIZES;
    for (const size of sizes) {
      result[size.key] = await measureSize(size, options, built.rendererRoot, built.hasFindings, scratch);
    }
    result.durationS = round((performance.now() - started) / 1000);
    result.quick = options.quick;
    for (const size of sizes) {
      const figures = result[size.key] as SizeFigures;
      figures.targets = verdicts(size.key, figures);
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
