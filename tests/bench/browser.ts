// The figures measured in Chromium: open, keystroke, annotate, scroll and heap, for
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
// - annotate, two moments taken independently of how the app orders them:
//   from the keydown of a tag key on a selection to the new highlight in the
//   page (a MutationObserver on the editor sees an element with an annotation
//   id not stored before, layout forced), and to the store's commit answered
//   (the response of the annotation's api call, recorded by a wrapper around
//   fetch, and the header's save status back to Saved if it left it).
// - scroll: the editor's scroller moved from the top to the bottom by a fixed
//   step each frame (rAF); a frame whose rAF timestamp is more than 20 ms after
//   the last one missed at least one 60 Hz frame ("slow"); long animation
//   frames (over 50 ms) are counted too where Chromium reports them.
//
// Places to type and annotate are spread through the whole document by
// scrolling to a fraction of its height and taking the paragraph nearest the
// middle of the view, so an editor that keeps only a window of the text in
// the page (placeholders for the rest) is measured all through its text.

import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, percentile, SLOW_FRAME_MS } from './stats';
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

/**
 * Installed before any page script: long tasks, api responses by method, and
 * the helpers that find the editor's scroller and the paragraphs in view
 * (the same for Scholia, whose page may hold only a window of the text with
 * placeholders for the rest, and for the bench pages, which hold all of it).
 */
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
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  window.__bench = {
    frame,
    editor: () => document.querySelector('[data-testid=editor]'),
    /** The nearest ancestor that scrolls, else the document. */
    scroller(el) {
      for (let n = el; n; n = n.parentElement) {
        const overflow = getComputedStyle(n).overflowY;
        if ((overflow === 'auto' || overflow === 'scroll') && n.scrollHeight > n.clientHeight) return n;
      }
      return document.scrollingElement;
    },
    /** The part of the window the scroller shows. */
    view(scroller) {
      if (scroller === document.scrollingElement) return { top: 0, bottom: innerHeight };
      const r = scroller.getBoundingClientRect();
      return { top: Math.max(0, r.top), bottom: Math.min(innerHeight, r.bottom) };
    },
    /** The text a reader sees in a paragraph: its text nodes, without non-editable widgets. */
    text(p) {
      let out = '';
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
        acceptNode: (t) => {
          const widget = t.parentElement && t.parentElement.closest('[contenteditable=false]');
          return widget && p.contains(widget) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
        },
      });
      for (let t = walker.nextNode(); t; t = walker.nextNode()) out += t.data;
      return out;
    },
    /** The editor's paragraphs in view, in order (binary search: children are laid out top to bottom); Scholia's blocks of paragraphs are looked into. */
    inView(editor, scroller) {
      const view = window.__bench.view(scroller);
      const within = (kids, out) => {
        let lo = 0;
        let hi = kids.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (kids[mid].getBoundingClientRect().bottom < view.top) lo = mid + 1;
          else hi = mid;
        }
        for (let i = lo; i < kids.length; i++) {
          const r = kids[i].getBoundingClientRect();
          if (r.top > view.bottom) break;
          if (kids[i].classList.contains('text-block')) within(kids[i].children, out);
          else out.push(kids[i]);
        }
        return out;
      };
      return within(editor.children, []);
    },
  };
})();`;

/** The page-side helpers of INIT_SCRIPT, for typing page.evaluate bodies. */
export interface BenchHelpers {
  frame(): Promise<void>;
  editor(): HTMLElement;
  scroller(el: Element): Element;
  view(scroller: Element): { top: number; bottom: number };
  text(p: Element): string;
  inView(editor: Element, scroller: Element): Element[];
}

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
  /** The text's first lines (the document opens at its top), to tell which lines are in view. */
  firstLines: readonly string[];
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
  // The paragraphs in view, told apart by their text: the page may hold only a window of the
  // paragraphs (placeholders for the rest), so a child's index is not its line.
  const shown = await page.evaluate((firstLines) => {
    const B = (window as unknown as { __bench: BenchHelpers }).__bench;
    const editor = B.editor();
    const ids = new Set<string>();
    for (const el of editor.querySelectorAll('[data-annotation-id]')) ids.add(el.getAttribute('data-annotation-id')!);
    const visible: [number, string[]][] = [];
    let unmatched = 0;
    let next = 0;
    for (const p of B.inView(editor, B.scroller(editor))) {
      const text = B.text(p);
      if (!text) continue;
      const line = firstLines.indexOf(text, next);
      if (line < 0) {
        unmatched++;
        continue;
      }
      next = line + 1;
      visible.push([line, [...new Set([...p.querySelectorAll('[data-annotation-id]')].map((e) => e.getAttribute('data-annotation-id')!))]]);
    }
    return { highlights: ids.size, findings: editor.querySelectorAll('[data-finding-rule]').length, visible, unmatched };
  }, setup.firstLines);
  if (shown.visible.length === 0) throw new Error(`none of the ${shown.unmatched} paragraphs in view is one of the text's first ${setup.firstLines.length} lines`);
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

/**
 * Scrolls to `fraction` of the document, then puts the caret (or a selection
 * of `length` characters) near the middle of the paragraph with enough text
 * nearest the middle of the view, after a space. Waits for the page to show
 * real paragraphs there (a windowed editor fills its window after the
 * scroll). Two frames later the selection must still be there, in view: a
 * redraw the scroll set off may have put the editor's old selection back,
 * and then it is placed again (up to three times, a quarter second apart).
 * False when that never held: the place is skipped.
 */
export async function placeSelection(page: Page, fraction: number, length: number): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const placed = await page.evaluate(
      async ([at, len, again]) => {
        const B = (window as unknown as { __bench: BenchHelpers }).__bench;
        const editor = B.editor();
        const scroller = B.scroller(editor);
        if (document.activeElement !== editor) editor.focus({ preventScroll: true });
        if (again) await new Promise((r) => setTimeout(r, 250));
        else scroller.scrollTop = Math.round(at * (scroller.scrollHeight - scroller.clientHeight));
        let target: Element | null = null;
        for (let tries = 0; tries < 30 && !target; tries++) {
          await B.frame();
          const view = B.view(scroller);
          const middle = (view.top + view.bottom) / 2;
          let best = Infinity;
          for (const p of B.inView(editor, scroller)) {
            if (B.text(p).length < Math.max(60, len + 1)) continue;
            const r = p.getBoundingClientRect();
            const distance = Math.abs((r.top + r.bottom) / 2 - middle);
            if (distance < best) {
              best = distance;
              target = p;
            }
          }
        }
        if (!target) return false;
        const walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let t = walker.nextNode(); t; t = walker.nextNode()) nodes.push(t as Text);
        const full = nodes.map((t) => t.data).join('');
        let offset = full.indexOf(' ', full.length >> 1) + 1;
        if (offset <= 0 || offset + len > full.length) offset = 0;
        const locate = (o: number): [Text, number] => {
          let rest = o;
          for (const t of nodes) {
            if (rest <= t.data.length) return [t, rest];
            rest -= t.data.length;
          }
          const last = nodes[nodes.length - 1]!;
          return [last, last.data.length];
        };
        const range = document.createRange();
        range.setStart(...locate(offset));
        range.setEnd(...locate(offset + len));
        const selection = getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        // selectionchange is delivered asynchronously; two frames later the editor has read it.
        await B.frame();
        await B.frame();
        const now = getSelection();
        const anchor = now && now.rangeCount > 0 ? now.anchorNode : null;
        if (!anchor || !anchor.isConnected || now!.toString().length !== len) return false;
        let paragraph: Node | null = anchor;
        // The paragraph: the editor's child, or a child of one of Scholia's blocks.
        const isParagraph = (n: Node) => n.parentNode === editor || (n.parentNode instanceof Element && n.parentNode.classList.contains('text-block'));
        while (paragraph && !isParagraph(paragraph)) paragraph = paragraph.parentNode;
        return !!paragraph && B.inView(editor, scroller).includes(paragraph as Element);
      },
      [fraction, length, attempt > 0] as const,
    );
    if (placed) return true;
  }
  return false;
}

/** `count` places spread evenly through the document, as fractions of its height. */
/** `count` fractions of the document, evenly spread, for placeSelection. */
export const spread = (count: number): number[] => Array.from({ length: count }, (_, j) => (j + 0.5) / count);

/**
 * Types one character at each of `count` places spread through the document.
 * Every 20 keystrokes it waits for `settle` (Scholia: the save to finish), as
 * a typist's pauses let the batched saves go out between bursts.
 */
export async function measureKeystrokes(page: Page, count: number, settle: () => Promise<void> = async () => {}): Promise<KeystrokeResult> {
  await installKeyProbe(page);
  const samples: KeySample[] = [];
  for (const [k, at] of spread(count).entries()) {
    if (!(await placeSelection(page, at, 0))) continue;
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
  if (samples.length === 0) throw new Error('no paragraph with text could be found to type in');
  const updated = samples.map((x) => x.updated);
  const painted = samples.map((x) => x.painted);
  return { samples: updated, p50: percentile(updated, 50), p95: percentile(updated, 95), max: Math.max(...updated), paintP50: percentile(painted, 50), paintP95: percentile(painted, 95) };
}

// ---------------- annotate ----------------

export interface AnnotateResult {
  /** Key to the new highlight in the page (layout included), however the app draws it. */
  highlightP50: number;
  highlightP95: number;
  /** Key to the store's commit answered: the annotation's api call answered and, if the header left Saved, Saved again. */
  commitP50: number;
  commitP95: number;
  /** Where the commit's time went, medians (ms; NaN where not known): see CommitPhases. */
  commitPhasesP50: CommitPhases;
  samples: number;
  /** Key presses that made no annotation (not counted). */
  missed: number;
  /** Each sample's key, in the page's performance.now() ms, and its two moments (for BENCH_DEBUG's profile slices). */
  moments: { key: number; shown: number; committed: number }[];
}

/** One tag key on a selection: the two moments, each NaN if it did not come within 10 s (3 s when neither came). */
interface AnnotateSample {
  /** The key's event time (page ms); NaN if no key came. */
  key: number;
  shown: number;
  committed: number;
  phases: CommitPhases;
}

/**
 * The commit's time in parts, from the api call's resource timing and the
 * host's Server-Timing: key to the call made (the page's work before it),
 * to the request sent, to the answer's first byte (of which `host` in the
 * service), to the page handling it (its main thread busy meanwhile), to Saved.
 */
export interface CommitPhases {
  keyToCall: number;
  callToRequest: number;
  requestToResponse: number;
  host: number;
  responseToHandled: number;
  handledToSaved: number;
}

/**
 * Arms the page for one annotate key: from its keydown, a MutationObserver
 * on the editor takes the first moment a highlight with an id not in the
 * page before appears (added, or given its id), with layout forced; the
 * commit is the response of an annotation-writing api call (any
 * `annotations.*` but reads) and, when the header's save status left Saved
 * after the key, its return to Saved. The two are independent of each
 * other and of the order in which the app does them.
 */
async function armAnnotate(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as {
      __bench: BenchHelpers;
      __onApi: ((entry: [string, number, boolean]) => void) | null;
      __annotateDone: Promise<AnnotateSample>;
      __knownIds: Set<string>;
    };
    const editor = w.__bench.editor();
    // Every annotation stored before the key, and any drawn now: a highlight of none of them is the new one.
    const before = w.__knownIds;
    for (const el of editor.querySelectorAll('[data-annotation-id]')) before.add(el.getAttribute('data-annotation-id')!);
    const statusOf = () => document.querySelector('[data-testid=save-status]')?.getAttribute('data-state') ?? null;
    let start: number | null = null;
    let shownAt = Number.NaN;
    let apiAt = Number.NaN;
    let leftSaved = false;
    let savedAt = Number.NaN;
    const reads = /^annotations\.(list|get|search|count)/;
    w.__annotateDone = new Promise<AnnotateSample>((resolve) => {
      const observers: MutationObserver[] = [];
      let timer = 0;
      // The first annotation-writing call made after the key (its entry comes once its answer has been read).
      let call: PerformanceResourceTiming | null = null;
      const calls = new PerformanceObserver((list) => takeCall(list.getEntries()));
      const takeCall = (entries: PerformanceEntryList) => {
        for (const e of entries) {
          const method = /\/api\/([\w.]+)/.exec(e.name)?.[1];
          if (!call && start !== null && e.startTime >= start && method?.startsWith('annotations.') && !reads.test(method)) call = e as PerformanceResourceTiming;
        }
      };
      calls.observe({ type: 'resource' });
      const phasesOf = (committed: number): CommitPhases => {
        const c = call;
        if (!c || start === null) return { keyToCall: NaN, callToRequest: NaN, requestToResponse: NaN, host: NaN, responseToHandled: NaN, handledToSaved: NaN };
        return {
          keyToCall: c.startTime - start,
          callToRequest: c.requestStart - c.startTime,
          requestToResponse: c.responseStart - c.requestStart,
          host: c.serverTiming.find((t) => t.name === 'dispatch')?.duration ?? NaN,
          responseToHandled: apiAt - c.responseStart,
          handledToSaved: committed - apiAt,
        };
      };
      const finish = () => {
        for (const o of observers) o.disconnect();
        takeCall(calls.takeRecords());
        calls.disconnect();
        removeEventListener('keydown', onKey, true);
        w.__onApi = null;
        clearTimeout(timer);
        const committed = Number.isNaN(apiAt) || (leftSaved && Number.isNaN(savedAt)) ? Number.NaN : Math.max(apiAt, leftSaved ? savedAt : apiAt);
        resolve({ key: start ?? Number.NaN, shown: start === null ? Number.NaN : shownAt - start, committed: start === null ? Number.NaN : committed - start, phases: phasesOf(committed) });
      };
      const check = () => {
        const committed = !Number.isNaN(apiAt) && (!leftSaved || !Number.isNaN(savedAt));
        if (!Number.isNaN(shownAt) && committed) finish();
      };
      const isNew = (el: Element) => {
        const id = el.getAttribute('data-annotation-id');
        return id !== null && !before.has(id);
      };
      const highlights = new MutationObserver((records) => {
        if (start === null || !Number.isNaN(shownAt)) return;
        let found = false;
        for (const r of records) {
          if (r.type === 'attributes') found ||= r.target instanceof Element && isNew(r.target);
          else
            for (const n of r.addedNodes) {
              if (!(n instanceof Element)) continue;
              found ||= isNew(n) || [...n.querySelectorAll('[data-annotation-id]')].some(isNew);
            }
          if (found) break;
        }
        if (!found) return;
        editor.getBoundingClientRect();
        shownAt = performance.now();
        check();
      });
      highlights.observe(editor, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-annotation-id'] });
      observers.push(highlights);
      const status = new MutationObserver(() => {
        if (start === null) return;
        const state = statusOf();
        if (state !== 'saved') leftSaved = true;
        else if (leftSaved && Number.isNaN(savedAt)) {
          savedAt = performance.now();
          check();
        }
      });
      status.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
      observers.push(status);
      w.__onApi = ([method, at]) => {
        if (start === null || !Number.isNaN(apiAt) || !method.startsWith('annotations.') || reads.test(method)) return;
        apiAt = at;
        check();
      };
      const onKey = (e: KeyboardEvent) => {
        removeEventListener('keydown', onKey, true);
        start = e.timeStamp;
        // Nothing at all after 3 s: the key made no annotation. Else up to 10 s for the slower moment.
        timer = window.setTimeout(() => {
          if (Number.isNaN(shownAt) && Number.isNaN(apiAt)) finish();
          else timer = window.setTimeout(finish, 7_000);
        }, 3_000);
      };
      addEventListener('keydown', onKey, true);
    });
  });
}

/**
 * Selects a few words in `count` paragraphs spread through the document and
 * presses tag key 1 on each; `knownIds` are the annotations already stored.
 * After each it waits for `settle` (the save finished), so no answer to an
 * earlier key is taken for the next one's.
 */
export async function measureAnnotate(page: Page, count: number, knownIds: readonly string[], settle: () => Promise<void>): Promise<AnnotateResult> {
  await page.evaluate((ids) => ((window as unknown as { __knownIds: Set<string> }).__knownIds = new Set(ids)), knownIds);
  const shown: number[] = [];
  const committed: number[] = [];
  const phases: CommitPhases[] = [];
  const moments: AnnotateResult['moments'] = [];
  let missed = 0;
  for (const at of spread(count)) {
    if (!(await placeSelection(page, at, 12))) continue;
    await armAnnotate(page);
    await page.keyboard.press('1');
    const r = await page.evaluate(() => (window as unknown as { __annotateDone: Promise<AnnotateSample> }).__annotateDone);
    if (process.env.BENCH_DEBUG) process.stderr.write(`annotate at ${at.toFixed(3)}: highlight ${r.shown.toFixed(1)} ms, commit ${r.committed.toFixed(1)} ms (${describePhases(r.phases)})\n`);
    // Neither moment came: the key made no annotation (the editor had not taken the selection).
    if (Number.isNaN(r.shown) && Number.isNaN(r.committed)) missed++;
    if (!Number.isNaN(r.key)) moments.push({ key: r.key, shown: r.shown, committed: r.committed });
    if (!Number.isNaN(r.shown)) shown.push(r.shown);
    if (!Number.isNaN(r.committed)) {
      committed.push(r.committed);
      phases.push(r.phases);
    }
    await settle();
  }
  if (shown.length === 0 && committed.length === 0) throw new Error(`none of the ${count} tag keys made an annotation`);
  return {
    highlightP50: median(shown),
    highlightP95: percentile(shown, 95),
    commitP50: median(committed),
    commitP95: percentile(committed, 95),
    commitPhasesP50: medianPhases(phases),
    samples: Math.max(shown.length, committed.length),
    missed,
    moments,
  };
}

/** The phases of a commit in a line. */
export function describePhases(p: CommitPhases): string {
  const ms = (v: number) => (Number.isNaN(v) ? '?' : v.toFixed(1));
  return `key to call ${ms(p.keyToCall)}, to request sent ${ms(p.callToRequest)}, to answer ${ms(p.requestToResponse)} (host ${ms(p.host)}), to handled ${ms(p.responseToHandled)}, to Saved ${ms(p.handledToSaved)}`;
}

/** Each phase's median over the samples that have it. */
function medianPhases(samples: readonly CommitPhases[]): CommitPhases {
  const of = (key: keyof CommitPhases) => {
    const known = samples.map((s) => s[key]).filter((v) => !Number.isNaN(v));
    return known.length > 0 ? median(known) : Number.NaN;
  };
  return {
    keyToCall: of('keyToCall'),
    callToRequest: of('callToRequest'),
    requestToResponse: of('requestToResponse'),
    host: of('host'),
    responseToHandled: of('responseToHandled'),
    handledToSaved: of('handledToSaved'),
  };
}

// ---------------- scroll ----------------

export interface ScrollResult {
  /** Frames while scrolling (rAF callbacks). */
  frames: number;
  /** Frames longer than one 60 Hz frame (rAF to rAF over SLOW_FRAME_MS): at least one frame dropped. */
  slowFrames: number;
  /** Long animation frames (over 50 ms, the Long Animation Frames API), where supported; else NaN. */
  longFrames: number;
  maxFrameMs: number;
  p95FrameMs: number;
  durationMs: number;
  /** Whether the bottom was reached (else the time cap stopped it); the fraction of the height scrolled. */
  reachedEnd: boolean;
  scrolledFraction: number;
  /** The document's scroll height at the end (px). */
  heightPx: number;
}


/**
 * Scrolls the editor's scroller from the top to the bottom at a steady
 * speed: `stepPx` further each frame (rAF), until the bottom or `capMs`.
 */
export async function measureScroll(page: Page, stepPx: number, capMs: number): Promise<ScrollResult> {
  const r = await page.evaluate(
    async ([step, cap]) => {
      const B = (window as unknown as { __bench: BenchHelpers }).__bench;
      const editor = B.editor();
      const scroller = B.scroller(editor);
      scroller.scrollTop = 0;
      for (let k = 0; k < 3; k++) await B.frame();
      const long: number[] = [];
      let observer: PerformanceObserver | null = null;
      if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
        observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) long.push(e.duration);
        });
        observer.observe({ type: 'long-animation-frame' });
      }
      const stamps: number[] = [];
      const began = performance.now();
      let reachedEnd = false;
      await new Promise<void>((resolve) => {
        const tick = (ts: number) => {
          stamps.push(ts);
          const max = scroller.scrollHeight - scroller.clientHeight;
          if (scroller.scrollTop >= max - 1) reachedEnd = true;
          if (reachedEnd || performance.now() - began > cap) return resolve();
          scroller.scrollTop = Math.min(max, scroller.scrollTop + step);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      // Entries are delivered after the frame: one more lets the last ones in.
      await B.frame();
      await B.frame();
      observer?.disconnect();
      const durations = stamps.slice(1).map((t, i) => t - stamps[i]!);
      const height = scroller.scrollHeight - scroller.clientHeight;
      return {
        durations,
        long: observer ? long.length : Number.NaN,
        durationMs: performance.now() - began,
        reachedEnd,
        scrolledFraction: height > 0 ? scroller.scrollTop / height : 1,
        heightPx: scroller.scrollHeight,
      };
    },
    [stepPx, capMs] as const,
  );
  return {
    frames: r.durations.length,
    slowFrames: r.durations.filter((d) => d > SLOW_FRAME_MS).length,
    longFrames: r.long,
    maxFrameMs: r.durations.length ? Math.max(...r.durations) : Number.NaN,
    p95FrameMs: percentile(r.durations, 95),
    durationMs: r.durationMs,
    reachedEnd: r.reachedEnd,
    scrolledFraction: r.scrolledFraction,
    heightPx: r.heightPx,
  };
}
