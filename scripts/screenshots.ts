// `npm run screenshots [-- OUT_DIR]`: starts the web host on a fresh workspace
// with the sample document and the MQM tags, drives it in Chromium, and saves
// the library, the settings and export dialogs, a document (annotations
// panel, a finding's popover, the keyboard sheet, the tags panel), a long document scrolled to its middle, a long
// bilingual document's Source panel scrolled to its middle, and the reports (a document's
// scorecard, the insights) at 1024×768, 1280×800 and 1920×1080, light and dark, as PNGs
// (default folder: screenshots/, git-ignored; docs/screenshots/ for the README).

import { chromium } from '@playwright/test';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/chromium';
import { VIEWPORTS, SCHEMES } from '../tests/e2e/layout';
import { callApi, startHost } from '../tests/e2e/web-host';

// `-- --readme`: only the pictures of the README (a document, a scorecard and the insights, light and dark, at 1280×800) into docs/screenshots/.
const readme = process.argv.includes('--readme');
const out = resolve(readme ? 'docs/screenshots' : (process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'screenshots'));
mkdirSync(out, { recursive: true });
// The default workspace of a fresh data folder holds the sample document.
const host = await startHost({ dataHome: mkdtempSync(join(tmpdir(), 'scholia-screens-')) });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
try {
  await callApi(host, 'tags.addTaxonomy', { name: 'mqm' });
  await annotateSample();
  await reportSamples();
  if (!readme) await longSample();
  if (!readme) await longPairSample();
  for (const scheme of SCHEMES) {
    for (const size of readme ? [{ width: 1280, height: 800 }] : VIEWPORTS) {
      if (readme) {
        await documentPicture(scheme, size);
        await reportPictures(scheme, size, (name) => join(out, `${name}-${scheme}.png`));
        continue;
      }
      const page = await browser.newPage({ viewport: size, colorScheme: scheme });
      const shot = (name: string) => page.screenshot({ path: join(out, `${name}-${size.width}x${size.height}-${scheme}.png`) });
      await page.goto(host.url);
      await page.getByTestId('document-item').first().waitFor();
      await shot('library');
      await page.getByTestId('settings-button').click();
      await page.getByTestId('settings-dialog').waitFor();
      await shot('settings');
      await page.keyboard.press('Escape');
      await page.getByTestId('export-button').click();
      await page.getByTestId('export-dialog').waitFor();
      await shot('export');
      await page.keyboard.press('Escape');
      await page.getByTestId('document-item').filter({ hasText: 'Riverside' }).getByRole('button').first().click();
      await page.getByTestId('editor').waitFor();
      await page.getByTestId('annotations-tab').click();
      await shot('document');
      // A finding's popover, opened as a person would: a click on its underline.
      await page.locator('[data-finding-rule=glued-modal]').first().click();
      await page.getByTestId('finding-popover').waitFor();
      await shot('document-finding');
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      await page.getByTestId('keyboard-sheet').waitFor();
      await shot('keyboard');
      await page.keyboard.press('Escape');
      await page.getByTestId('tags-tab').click();
      await page.getByTestId('tags-panel').waitFor();
      await shot('document-tags');
      // A long document scrolled to its middle: the paragraph window must leave no gap and no jump.
      await page.goto(host.url);
      await page.getByTestId('document-item').filter({ hasText: 'Long readout' }).getByRole('button').first().click();
      await page.getByTestId('editor').filter({ hasText: 'Riverside' }).waitFor();
      await page.getByTestId('editor').evaluate((editor) => {
        let scroller = editor.parentElement;
        while (scroller && !(scroller.scrollHeight > scroller.clientHeight && getComputedStyle(scroller).overflowY !== 'visible')) scroller = scroller.parentElement;
        scroller!.scrollTop = scroller!.scrollHeight / 2;
      });
      await page.waitForFunction(() => {
        const editor = document.querySelector('[data-testid=editor]')!;
        // Real paragraphs with text across the middle of the view, not placeholders.
        const middle = innerHeight / 2;
        return [...editor.querySelectorAll('p')].some((p) => {
          const r = p.getBoundingClientRect();
          return r.top <= middle + 100 && r.bottom >= middle - 100 && (p.textContent ?? '').length > 0;
        });
      });
      // Its findings there too: a long text's lines past its first ones are checked once it is painted.
      await page.locator('[data-testid=editor] [data-finding-rule]').first().waitFor();
      // The side panels follow the findings 150 ms later (debounced).
      await page.waitForTimeout(500);
      await shot('long-document');
      // A long bilingual document, its Source panel scrolled to the middle: only the links in view are drawn.
      await page.goto(host.url);
      await page.getByTestId('document-item').filter({ hasText: 'Long pair' }).getByRole('button').first().click();
      await page.getByTestId('editor').waitFor();
      await page.getByTestId('source-tab').click();
      await page.getByTestId('bilingual-link').first().waitFor();
      await page.getByTestId('sidebar').evaluate((side) => (side.scrollTop = side.scrollHeight / 2));
      await page.waitForTimeout(300);
      await shot('source-panel');
      await page.close();
      await reportPictures(scheme, size, (name) => join(out, `${name}-${size.width}x${size.height}-${scheme}.png`));
    }
  }
  process.stdout.write(`screenshots in ${out}\n`);

  /** A few annotations on the sample, one of them with two tags and a severity, so highlights show. */
  async function annotateSample(): Promise<void> {
    const [doc] = await callApi<{ id: string }[]>(host, 'documents.list', {});
    const { text } = await callApi<{ text: string }>(host, 'documents.get', { id: doc!.id });
    const tags = await callApi<{ id: string; name: string }[]>(host, 'tags.list', {});
    const tag = (name: string) => tags.find((t) => t.name === name)!.id;
    const at = (quote: string) => [...text.slice(0, text.indexOf(quote))].length;
    const annotate = (quote: string, tagIds: string[], extra: Record<string, unknown> = {}) =>
      callApi(host, 'annotations.create', { documentId: doc!.id, baseEditCount: 0, start: at(quote), end: at(quote) + [...quote].length, tagIds, ...extra });
    await annotate('Riverside Port Authority', [tag('Organisation')]);
    await annotate('Director Zhang Wei', [tag('Person')], { note: 'Director of the port authority' });
    await annotate('Green Port Action Plan (2024-2027)', [tag('Policy'), tag('Mistranslation')], { attributes: { severity: 'minor' } });
    await annotate('2024-2027', [tag('Date')]);
  }

  /** The sample's text 400 times over (about 1 MB), to see the paragraph window mid-document. */
  async function longSample(): Promise<void> {
    const sample = (await callApi<{ id: string; title: string }[]>(host, 'documents.list', {})).find((d) => d.title.includes('Riverside'));
    const { text } = await callApi<{ text: string }>(host, 'documents.get', { id: sample!.id });
    await callApi(host, 'documents.create', { title: 'Long readout', text: Array.from({ length: 400 }, () => text).join('\n') });
  }

  /** A source and its translation of 2,000 sentences each, aligned on import. */
  async function longPairSample(): Promise<void> {
    const source = Array.from({ length: 2000 }, (_, i) => `第${i + 1}句：国家统计局今天发布了全年出口数据，出口增长了5.8%。`).join('\n');
    const translation = Array.from({ length: 2000 }, (_, i) => `Sentence ${i + 1}: the National Bureau of Statistics released the year's export data today; exports grew by 5.8%.`).join('\n');
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    await callApi(host, 'transfer.import', {
      files: [
        { name: 'Long pair.zh.txt', contentBase64: b64(source) },
        { name: 'Long pair.en.txt', contentBase64: b64(translation) },
      ],
    });
  }

  /** Two more readouts with MQM errors of every severity, one post-edited and done, so every report chart has figures. */
  async function reportSamples(): Promise<void> {
    const texts = [
      'The foreign minister met the delegation in Beijing on Monday, and the two sides signed three agreements on trade and energy cooperation.',
      'Officials said the the plan would cut emissions by half by 2030 , and that new port charges take effect in the spring.',
    ];
    const ids: string[] = [];
    for (const [n, text] of texts.entries()) {
      const { id } = await callApi<{ id: string }>(host, 'documents.create', { title: `Readout ${n + 1}`, text });
      ids.push(id);
      const mark = (quote: string, tagId: string, severity: string, note = '') => {
        const start = text.indexOf(quote);
        return callApi(host, 'annotations.create', { documentId: id, baseEditCount: 0, start, end: start + quote.length, tagIds: [tagId], attributes: { severity }, note });
      };
      if (n === 0) {
        await mark('foreign minister', 'mqm-accuracy-mistranslation', 'major', 'The source says vice minister');
        await mark('Monday', 'mqm-accuracy-mistranslation', 'minor');
        await mark('three agreements', 'mqm-accuracy-omission', 'critical', 'The fourth agreement is missing');
        await mark('energy cooperation', 'mqm-terminology-wrong-term', 'minor');
        await mark('signed', 'mqm-style-awkward-style', 'neutral');
      } else {
        await mark('plan', 'mqm-terminology-inconsistent-use-of-terminology', 'minor');
        await mark('port charges', 'mqm-accuracy-mistranslation', 'major');
        await mark('2030 ,', 'mqm-linguistic-conventions-punctuation', 'minor');
      }
    }
    // The second readout post-edited: the repeated word and the space before the comma fixed.
    const second = texts[1]!;
    const comma = second.indexOf(' ,');
    await callApi(host, 'edits.apply', { documentId: ids[1], baseEditCount: 0, changes: [{ start: comma, end: comma + 1, inserted: '' }] });
    const repeated = second.indexOf('the the');
    await callApi(host, 'edits.apply', { documentId: ids[1], baseEditCount: 1, changes: [{ start: repeated, end: repeated + 4, inserted: '' }] });
    await callApi(host, 'documents.setStatus', { id: ids[1], status: 'done' });
  }

  /** The reports view: the first readout's scorecard, and the insights. */
  async function reportPictures(scheme: (typeof SCHEMES)[number], size: { width: number; height: number }, path: (name: string) => string): Promise<void> {
    const page = await browser.newPage({ viewport: size, colorScheme: scheme });
    await page.goto(host.url);
    await page.getByTestId('reports-button').click();
    await page.getByRole('row', { name: /Readout 1/ }).getByRole('button', { name: 'Scorecard' }).click();
    const heading = page.getByRole('heading', { name: 'Scorecard: Readout 1' });
    await heading.waitFor();
    await page.getByRole('img', { name: 'Errors by category and severity: Readout 1' }).waitFor();
    await heading.evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path('scorecard') });
    // From the findings per rule: the charts the annotations per tag would push out of the picture.
    const findings = page.getByRole('heading', { name: 'Findings per rule before and after fixes' });
    await page.getByRole('img', { name: 'Findings per rule in the original and the current texts' }).waitFor();
    await findings.evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path('insights') });
    await page.close();
  }

  /** The README's picture: the document with its annotations listed and a finding's popover open. */
  async function documentPicture(scheme: (typeof SCHEMES)[number], size: { width: number; height: number }): Promise<void> {
    const page = await browser.newPage({ viewport: size, colorScheme: scheme });
    await page.goto(host.url);
    await page.getByTestId('document-item').filter({ hasText: 'Riverside' }).getByRole('button').first().click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('annotations-tab').click();
    await page.locator('[data-finding-rule=glued-modal]').first().click();
    await page.getByTestId('finding-popover').waitFor();
    await page.screenshot({ path: join(out, `document-${scheme}.png`) });
    await page.close();
  }
} finally {
  await browser.close();
  await host.stop();
}
