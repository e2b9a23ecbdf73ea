// The figures measured in Chromium: open, keystroke, annotate and heap, for
// Scholia through the web host and for the floors and the peer beside it.
//
// Every time is taken inside the page with performance.now() and event
// timestamps, so Playwright's own round trips are not counted:
//
// - open: from the click on the document in the library (Scholia) or from
//   navigation (the bench pages, whose load is tiny) until the first frame
//   painted with highlights (and findings, when the build has them) in the DOM,
//   then pushed to when the main thread is interactive: the end of the last
//   long task (> 50 ms, Long Tasks API) before a 500 ms quiet window.
// - keystroke: from the keydown event's timestamp (when the browser received
//   the key) to the end of the `input` event's dispatch and the microtasks
//   after it, i.e. after the editor handled the change (ProseMirror reads it in
//   a MutationObserver microtask, dispatches, maps decorations, re-checks
//   findings, updates the DOM; Svelte flushes), with style and layout forced
//   there so they are counted. The browser's own editing work (inserting the
//   character, syncing the selection) is counted too. Also recorded: to the
//   next frame after that (rAF, then a task), which adds the wait for vsync.
// - annotate: from the keydown of a tag key on a selection to both the
//   highlight in the DOM (with layout) and the response of the store's commit
//   (the api call's response, recorded by a wrapper around fetch).

import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, percentile } from './stats';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium';

/** The tests' Chromium and flags (tests/chromium.ts). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // performance.memory with exact figures (heap is read through CDP too).
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
}

/** Installed before any page script: long tasks, and api responses by method. */
const INIT_SCRIPT = `(() => {
  // tsx (esbuild keepNames) wraps functions passed to page.evaluate in __name().
  window.__name = (f) => f;
  window.__longtasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push([e.startTime, e.startTime + e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  window.__apiDone = [];
  const originalFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await originalFetch(input, init);
    const url = typeof input === 'string' ? input : input.url;
    const m = /\\/api\\/([\\w.]+)/.exec(url);
    if (m) {
      const entry = [m[1], performance.now(), response.ok];
      window.__apiDone.push(entry);
      if (window.__onApi) window.__onApi(entry);
    }
    return response;
  };
})();`;

/**
 * A fresh page. `css`, when given, is added to the page's styles: a what-if
 * for a proposed style change, measured without changing the source.
 */
export async function newPage(browser: Browser, css: string | null = null): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ content: INIT_SCRIPT });
  if (css) {
    await context.addInitScript({
      content: `document.addEventListener('DOMContentLoaded', () => { const s = document.createElement('style'); s.textContent = ${JSON.stringify(css)}; document.head.append(s); });`,
    });
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp };
}

export interface Profiler {
  start(cdp: CDPSession): Promise<void>;
  stop(cdp: CDPSession, name: string): Promise<void>;
}

/** Writes Chromium CPU profiles (.cpuprofile, open in DevTools) to `dir`, or does nothing. */
export function profiler(dir: string | null): Profiler {
  if (!dir) return { start: async () => {}, stop: async () => {} };
  mkdirSync(dir, { recursive: true });
  return {
    async start(cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    },
    async stop(cdp, name) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    },
  };
}

/** Waits in the page until no long task ran for `quietMs` after `from`; returns when the last one ended (or `from`). */
async function interactiveAfter(page: Page, from: number, quietMs = 500): Promise<number> {
  return page.evaluate(
    async ([start, quiet]) => {
      const tasks = (window as unknown as { __longtasks: [number, number][] }).__longtasks;
      for (;;) {
        let t = start;
        for (const [s, e] of [...tasks].sort((a, b) => a[0] - b[0])) if (s < t + quiet && e > t) t = e;
        const wait = t + quiet - performance.now();
        if (wait <= 0) return t;
        await new Promise((r) => setTimeout(r, wait + 20));
      }
    },
    [from, quietMs] as const,
  );
}

/** JS heap in use after a full garbage collection, in MB (2^20 bytes). */
export async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

export interface OpenResult {
  /** Click (or navigation) to interactive with everything shown. */
  ms: number;
  /** Click (or navigation) to the first frame with highlights painted. */
  paintMs: number;
}

// ---------------- Scholia ----------------

export interface ScholiaSetup {
  url: string;
  hasFindings: boolean;
  /** The annotations' ids by line, to check that every one in view is drawn. */
  idsByLine: ReadonlyMap<number, readonly string[]>;
}

/** Loads the library, clicks the document, and waits until highlights (and findings) are painted. */
export async function openScholia(
  page: Page,
  setup: ScholiaSetup,
): Promise<OpenResult & { highlights: number; findings: number; visibleExpected: number; visibleMissing: number }> {
  await page.goto(setup.url);
  await page.getByTestId('document-item').first().waitFor();
  // Let the library settle (its own long tasks are not part of opening the document).
  await interactiveAfter(page, await page.evaluate(() => performance.now()), 300);
  const { t0, tPaint } = await page.evaluate(async (findings) => {
    const button = document.querySelector<HTMLButtonElement>('[data-testid=document-item] button')!;
    const start = performance.now();
    button.click();
    await new Promise<void>((resolve) => {
      const tick = () => {
        const editor = document.querySelector('[data-testid=editor]');
        if (editor?.querySelector('[data-annotation-id]') && (!findings || editor.querySelector('[data-finding-rule]'))) resolve();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const painted = await new Promise<number>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }),
    );
    return { t0: start, tPaint: painted };
  }, setup.hasFindings);
  const tInteractive = await interactiveAfter(page, tPaint);
  const shown = await page.evaluate(() => {
    const editor = document.querySelector('[data-testid=editor]')!;
    const ids = new Set<string>();
    for (const el of editor.querySelectorAll('[data-annotation-id]')) ids.add(el.getAttribute('data-annotation-id')!);
    // The lines in view and the highlights drawn on them.
    const visible: [number, string[]][] = [];
    const scroller = editor.closest('.text-column') ?? document.documentElement;
    const view = scroller.getBoundingClientRect();
    for (let i = 0; i < editor.children.length; i++) {
      const rect = editor.children[i]!.getBoundingClientRect();
      if (rect.bottom < Math.max(0, view.top) || rect.top > Math.min(innerHeight, view.bottom)) continue;
      visible.push([i, [...new Set([...editor.children[i]!.querySelectorAll('[data-annotation-id]')].map((e) => e.getAttribute('data-annotation-id')!))]]);
    }
    return { highlights: ids.size, findings: editor.querySelectorAll('[data-finding-rule]').length, visible };
  });
  // Every annotation on a line in view must be drawn.
  let missing = 0;
  let expected = 0;
  for (const [line, drawn] of shown.visible) {
    const wanted = setup.idsByLine.get(line) ?? [];
    expected += wanted.length;
    missing += wanted.filter((id) => !drawn.includes(id)).length;
  }
  return { ms: Math.max(tInteractive, tPaint) - t0, paintMs: tPaint - t0, highlights: shown.highlights, findings: shown.findings, visibleExpected: expected, visibleMissing: missing };
}

// ---------------- floors and peer ----------------

/** Opens a bench page (bare.html, prosemirror.html, peer.html) and waits until it reports its content painted. */
export async function openBenchPage(page: Page, url: string, timeoutMs: number): Promise<OpenResult> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => {
      const w = window as unknown as { __benchReady?: number; __benchError?: string };
      return w.__benchError !== undefined || w.__benchReady !== undefined ? { ready: w.__benchReady, error: w.__benchError } : null;
    },
    undefined,
    { timeout: timeoutMs, polling: 200 },
  );
  const state = (await handle.jsonValue()) as { ready?: number; error?: string };
  if (state.error !== undefined || state.ready === undefined) throw new Error(`bench page ${url}: ${state.error ?? 'no result'}`);
  const tInteractive = await interactiveAfter(page, state.ready);
  return { ms: Math.max(state.ready, tInteractive), paintMs: state.ready };
}

// ---------------- keystrokes ----------------

export interface KeystrokeResult {
  /** Key to the editor's update (layout included). */
  samples: number[];
  p50: number;
  p95: number;
  max: number;
  /** Key to the next frame after the update (includes waiting for vsync: up to 16.7 ms). */
  paintP50: number;
  paintP95: number;
}

/** One keystroke: to the editor's update (with layout), and to the next frame after it. */
export interface KeySample {
  updated: number;
  painted: number;
}

/** Installs the keystroke probe (see the top of this file). */
export async function installKeyProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __keyStart: number | null; __keyResolve: ((s: { updated: number; painted: number; start: number }) => void) | null; __keyProbe?: true };
    if (w.__keyProbe) return;
    w.__keyProbe = true;
    w.__keyStart = null;
    w.__keyResolve = null;
    addEventListener('keydown', (e) => (w.__keyStart = e.timeStamp), true);
    const finish = () => {
      const start = w.__keyStart;
      if (start === null) return;
      w.__keyStart = null;
      // Registered on window in the bubble phase, this runs after every other listener of the
      // event; the microtasks after it come after the editor's MutationObserver and Svelte's flush.
      queueMicrotask(() =>
        queueMicrotask(() => {
          document.querySelector('[data-testid=editor]')!.getBoundingClientRect();
          const updated = performance.now() - start;
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => w.__keyResolve?.({ updated, painted: performance.now() - start, start });
            channel.port2.postMessage(null);
          });
        }),
      );
    };
    // input: after the change; keyup: a key that changed nothing still ends its sample.
    addEventListener('input', finish);
    addEventListener('keyup', finish);
  });
}

/** Puts the caret (or a selection of `length` characters) in paragraph `n`, near its middle, after a space; scrolls it into view. */
export async function placeSelection(page: Page, n: number, length: number): Promise<boolean> {
  const placed = await page.evaluate(
    ([index, len]) => {
      const editor = document.querySelector<HTMLElement>('[data-testid=editor]')!;
      const p = editor.children[index];
      if (!p) return false;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let t = walker.nextNode(); t; t = walker.nextNode()) nodes.push(t as Text);
      const full = nodes.map((t) => t.data).join('');
      let at = full.indexOf(' ', full.length >> 1) + 1;
      if (at <= 0 || at + len > full.length) at = 0;
      if (full.length < len + 1) return false;
      const locate = (offset: number): [Text, number] => {
        let rest = offset;
        for (const t of nodes) {
          if (rest <= t.data.length) return [t, rest];
          rest -= t.data.length;
        }
        const last = nodes[nodes.length - 1]!;
        return [last, last.data.length];
      };
      if (document.activeElement !== editor) editor.focus();
      const range = document.createRange();
      range.setStart(...locate(at));
      range.setEnd(...locate(at + len));
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      (p as HTMLElement).scrollIntoView({ block: 'center' });
      return true;
    },
    [n, length] as const,
  );
  // selectionchange is delivered asynchronously; two frames later the editor has read it.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return placed;
}

/** Paragraph indices (children of the editor) spread evenly through the document, skipping short lines. */
export async function spreadParagraphs(page: Page, count: number): Promise<number[]> {
  return page.evaluate((k) => {
    const editor = document.querySelector('[data-testid=editor]')!;
    const long: number[] = [];
    for (let i = 0; i < editor.children.length; i++) if ((editor.children[i]!.textContent ?? '').length > 60) long.push(i);
    return Array.from({ length: k }, (_, j) => long[Math.floor(((j + 0.5) * long.length) / k)]!);
  }, count);
}

/**
 * Types one character at each of `count` places spread through the document.
 * Every 20 keystrokes it waits for `settle` (Scholia: the save to finish), as
 * a typist's pauses let the batched saves go out between bursts.
 */
export async function measureKeystrokes(page: Page, count: number, settle: () => Promise<void> = async () => {}): Promise<KeystrokeResult> {
  await installKeyProbe(page);
  const places = await spreadParagraphs(page, count);
  const samples: KeySample[] = [];
  for (const [k, n] of places.entries()) {
    if (!(await placeSelection(page, n, 0))) continue;
    // Armed before the key goes out (evaluate and input travel by different routes), read after.
    await page.evaluate(() => {
      const w = window as unknown as { __keyResolve: ((s: { updated: number; painted: number }) => void) | null; __keyDone: Promise<{ updated: number; painted: number }> };
      w.__keyDone = new Promise((resolve) => (w.__keyResolve = resolve));
    });
    await page.keyboard.press('e');
    const done = page.evaluate(() => (window as unknown as { __keyDone: Promise<{ updated: number; painted: number }> }).__keyDone);
    samples.push(await done);
    if (k % 20 === 19) await settle();
  }
  await settle();
  const updated = samples.map((x) => x.updated);
  const painted = samples.map((x) => x.painted);
  return { samples: updated, p50: percentile(updated, 50), p95: percentile(updated, 95), max: Math.max(...updated), paintP50: percentile(painted, 50), paintP95: percentile(painted, 95) };
}

// ---------------- annotate ----------------

export interface AnnotateResult {
  /** Key to highlight shown and store committed. */
  p50: number;
  p95: number;
  /** Key to highlight shown (layout included), without the commit. */
  highlightP50: number;
  highlightP95: number;
  samples: number;
  /** Key presses that made no annotation (not counted). */
  missed: number;
}

/** Selects two words in `count` paragraphs spread through the document and presses tag key 1 on each. */
export async function measureAnnotate(page: Page, count: number): Promise<AnnotateResult> {
  const places = await spreadParagraphs(page, count);
  const total: number[] = [];
  const shown: number[] = [];
  let missed = 0;
  for (const n of places) {
    if (!(await placeSelection(page, n, 12))) continue;
    await page.evaluate((index) => {
      const armed = window as unknown as { __annotateDone: Promise<{ total: number; shown: number } | null> };
      armed.__annotateDone = new Promise<{ total: number; shown: number } | null>((resolve) => {
        const editor = document.querySelector('[data-testid=editor]')!;
        const p = editor.children[index]!;
        const before = p.querySelectorAll('[data-annotation-id]').length;
        const w = window as unknown as { __apiDone: [string, number, boolean][]; __onApi: ((entry: [string, number, boolean]) => void) | null };
        const seen = w.__apiDone.length;
        let start = 0;
        let shownAt = 0;
        const onKey = (e: KeyboardEvent) => {
          removeEventListener('keydown', onKey, true);
          start = e.timeStamp;
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            editor.getBoundingClientRect();
            shownAt = p.querySelectorAll('[data-annotation-id]').length > before ? performance.now() : Number.NaN;
            // No highlight: the key made no annotation (the editor had not taken the selection).
            if (Number.isNaN(shownAt)) return resolve(null);
            const finish = (done: [string, number, boolean]) => resolve({ total: Math.max(done[1], shownAt) - start, shown: shownAt - start });
            const already = w.__apiDone.slice(seen).find(([method]) => method === 'annotations.create');
            if (already) finish(already);
            else
              w.__onApi = (entry) => {
                if (entry[0] !== 'annotations.create') return;
                w.__onApi = null;
                finish(entry);
              };
            setTimeout(() => resolve(null), 10_000);
          };
          channel.port2.postMessage(null);
        };
        addEventListener('keydown', onKey, true);
      });
    }, n);
    await page.keyboard.press('1');
    const r = await page.evaluate(() => (window as unknown as { __annotateDone: Promise<{ total: number; shown: number } | null> }).__annotateDone);
    if (r && Number.isFinite(r.shown)) {
      total.push(r.total);
      shown.push(r.shown);
    } else {
      missed++;
    }
  }
  return {
    p50: median(total),
    p95: percentile(total, 95),
    highlightP50: median(shown),
    highlightP95: percentile(shown, 95),
    samples: total.length,
    missed,
  };
}
