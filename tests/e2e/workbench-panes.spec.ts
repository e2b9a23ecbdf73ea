// Issue 11, the rest of the workbench: the library as a pane beside the
// document (switch documents without leaving the view; hidden by a key or a
// button; sizes kept), the open side panel in the address, a workspace export
// of several files as one .zip, and the comma rule's lower-case alternative.

import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { unzipFiles } from '../../src/core/formats/zip-archive';
import { editorText, openDocument } from './helpers';
import { callApi, startHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

const PORT = 'The port will expand to ensure food security,Provide employment and trade.';
const OTHER = 'Premier Li Qiang met the press in Beijing.';

async function seed(): Promise<{ port: string; other: string }> {
  const port = await callApi<{ id: string }>(host, 'documents.create', { title: 'Port readout', text: PORT });
  const other = await callApi<{ id: string }>(host, 'documents.create', { title: 'Premier readout', text: OTHER });
  return { port: port.id, other: other.id };
}

/** The pane sizes (library, text, side, in percent) paneforge keeps for the document view. */
async function storedLayout(page: Page): Promise<number[] | null> {
  const stored = await page.evaluate(() => localStorage.getItem('paneforge:scholia-document-panes'));
  if (stored === null) return null;
  const layouts = Object.values(JSON.parse(stored) as Record<string, { layout: number[] }>);
  return layouts.find((l) => l.layout.length === 3)?.layout ?? null;
}

const paneItem = (page: Page, title: string) => page.getByTestId('library-pane-item').filter({ hasText: title });

test('the library pane beside the document opens another document in place; Ctrl+B and its button hide and show it, and it stays as left', async ({ page }) => {
  const { port, other } = await seed();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await openDocument(page, 'Port readout');
  const pane = page.getByTestId('library-pane');
  await expect(pane).toBeVisible();
  await expect(paneItem(page, 'Port readout')).toHaveAttribute('aria-current', 'page');
  await expect(paneItem(page, 'Premier readout')).not.toHaveAttribute('aria-current', 'page');

  // Another document, without going back to the library: the text, the header and the address follow.
  await paneItem(page, 'Premier readout').click();
  await expect(page.getByTestId('editor')).toHaveText(OTHER);
  await expect(page.getByTestId('document-title')).toHaveText('Premier readout');
  await expect(paneItem(page, 'Premier readout')).toHaveAttribute('aria-current', 'page');
  expect(decodeURIComponent(new URL(page.url()).hash)).toContain(`#/document/${other}`);
  // Back still returns to the library, not to the document before.
  await page.goBack();
  await expect(page.getByTestId('library')).toBeVisible();
  await page.goForward();
  await expect(page.getByTestId('editor')).toHaveText(OTHER);

  // The key hides it and the text takes the room; the button brings it back.
  const text = page.locator('.text-pane');
  const narrow = (await text.boundingBox())!.width;
  await page.getByTestId('editor').click();
  await page.keyboard.press('Control+b');
  await expect(pane).toBeHidden();
  await expect(page.getByTestId('library-pane-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(async () => (await text.boundingBox())!.width).toBeGreaterThan(narrow + 100);
  // Hidden it stays, after a reload and in another document.
  await expect.poll(async () => ((await storedLayout(page)) ?? [])[0]).toBe(0);
  await page.reload();
  await expect(page.getByTestId('editor')).toHaveText(OTHER);
  await expect(pane).toBeHidden();
  await page.getByTestId('library-pane-toggle').click();
  await expect(pane).toBeVisible();
  await expect(page.getByTestId('library-pane-toggle')).toHaveAttribute('aria-expanded', 'true');
  await paneItem(page, 'Port readout').click();
  await expect(page.getByTestId('editor')).toHaveText(PORT);
  expect(decodeURIComponent(new URL(page.url()).hash)).toContain(`#/document/${port}`);
});

test('the library pane is resized by its handle and keeps its width after a reload', async ({ page }) => {
  await seed();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await openDocument(page, 'Port readout');
  const pane = page.getByTestId('library-pane');
  const before = (await pane.boundingBox())!.width;
  const handle = page.getByTestId('library-resizer');
  const h = (await handle.boundingBox())!;
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x + 120, h.y + h.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await pane.boundingBox())!.width).toBeGreaterThan(before + 80);
  const wider = Math.round((await pane.boundingBox())!.width);
  await expect.poll(async () => ((await storedLayout(page)) ?? [])[0] ?? 0).toBeGreaterThan(20);
  await page.reload();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect.poll(async () => Math.round((await pane.boundingBox())!.width)).toBe(wider);
});

test('the open side panel is in the address: a reload comes back to it, Back returns to the library, Forward to the panel', async ({ page }) => {
  const { port } = await seed();
  await page.goto(host.url);
  await openDocument(page, 'Port readout');
  await page.getByTestId('changes-tab').click();
  await expect(page).toHaveURL(new RegExp(`#/document/${port}/changes$`));
  await page.reload();
  await expect(page.getByTestId('editor')).toHaveText(PORT);
  await expect(page.getByTestId('changes-tab')).toHaveAttribute('aria-selected', 'true');
  // Alt+6 opens the Source panel; the address follows.
  await page.getByTestId('editor').click();
  await page.keyboard.press('Alt+6');
  await expect(page.getByTestId('source-tab')).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(new RegExp(`#/document/${port}/source$`));

  await page.goBack();
  await expect(page.getByTestId('library')).toBeVisible();
  await page.goForward();
  await expect(page.getByTestId('editor')).toHaveText(PORT);
  await expect(page.getByTestId('source-tab')).toHaveAttribute('aria-selected', 'true');

  // An address typed by hand opens the panel it names.
  await page.goto(`${host.origin}/#/document/${port}/tags`);
  await expect(page.getByTestId('tags-panel')).toBeVisible();
  await expect(page.getByTestId('tags-tab')).toHaveAttribute('aria-selected', 'true');
});

test('a workspace export in brat or as text downloads one .zip holding each document’s files, named by format', async ({ page }) => {
  await seed();
  const tags = await callApi<{ id: string; name: string }[]>(host, 'tags.list', {});
  const { port } = { port: (await callApi<{ id: string; title: string }[]>(host, 'documents.list', {})).find((d) => d.title === 'Port readout')!.id };
  await callApi(host, 'annotations.create', { documentId: port, baseEditCount: 0, start: 4, end: 8, tagIds: [tags[0]!.id] });
  await page.goto(host.url);
  for (const [format, names] of [
    ['brat', ['Port readout.brat.ann', 'Port readout.brat.txt', 'Premier readout.brat.ann', 'Premier readout.brat.txt']],
    ['text', ['Port readout.txt', 'Premier readout.txt']],
  ] as const) {
    await page.getByTestId('export-button').click();
    await expect(page.getByTestId('export-scope-workspace')).toBeChecked();
    await page.getByTestId(`export-format-${format}`).check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-run').click()]);
    expect(download.suggestedFilename()).toBe(`scholia-workspace.${format}.zip`);
    const files = unzipFiles(readFileSync((await download.path())!));
    expect(files.map((f) => f.name).sort()).toEqual([...names].sort());
    // Each file inside is what the api exports, byte for byte.
    const expected = await callApi<{ files: { name: string; content: string }[] }>(host, 'transfer.export', { all: true, format });
    expect(files.sort((a, b) => a.name.localeCompare(b.name))).toEqual(expected.files.sort((a, b) => a.name.localeCompare(b.name)));
    if (format === 'brat') expect(files.find((f) => f.name === 'Port readout.brat.ann')!.content).toMatch(/^T1\t\S+ 4 8\tport$/m);
    await expect(page.getByTestId('export-dialog')).toBeHidden();
  }
});

test('bug 14: the comma fix offers the lower-case reading beside it, not as a safe fix, and applies the one chosen', async ({ page }) => {
  await seed();
  await page.goto(host.url);
  await openDocument(page, 'Port readout');
  await page.locator('[data-finding-rule=missing-space-after-comma]').click();
  const popover = page.getByTestId('finding-popover');
  await expect(popover).toBeVisible();
  await expect(popover.locator('.suggestion')).toContainText('security, Provide employment');
  const alternative = page.getByTestId('finding-alternative');
  await expect(alternative).toHaveCount(1);
  await expect(alternative).toContainText('security, provide employment');
  await expect(alternative).toContainText('check before applying');
  // The chosen reading is applied, not the safe fix.
  await page.getByTestId('apply-alternative').click();
  await expect.poll(() => editorText(page)).toBe(PORT.replace(',Provide', ', provide'));
  await expect(popover).toBeHidden();
  await expect(page.locator('[data-finding-rule=missing-space-after-comma]')).toHaveCount(0);
  // One undo takes it back, and the safe fix is still there to choose.
  await page.keyboard.press('Control+z');
  await expect.poll(() => editorText(page)).toBe(PORT);
  await page.keyboard.press('Home');
  await page.locator('[data-finding-rule=missing-space-after-comma]').click();
  await page.getByTestId('apply-fix').click();
  await expect.poll(() => editorText(page)).toBe(PORT.replace(',Provide', ', Provide'));
});
