// The Source panel with the text: the caret in a translation sentence makes
// its link current (its source highlighted), a link made current in the panel
// marks its translation in the text, Alt+↓ / Alt+↑ go sentence by sentence in
// the text, a translation without source is marked in the text; and the
// alignment corrected from the panel, kept after a reload, undone and redone.

import { expect, test, type Locator, type Page } from '@playwright/test';
import { openDocument, selectText } from './helpers';
import { callApi, startHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => host.stop());

// Written for this test: the translation's second sentence has no source.
const SOURCE = '国家统计局今天发布了数据。\n全年出口增长了5.8%。';
const TRANSLATION = 'The National Bureau of Statistics released data today.\nThe figures were revised.\nExports grew by 5.8% over the year.';
const at = (text: string, part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });
const [s1, s2] = SOURCE.split('\n') as [string, string];
const [t1, t2, t3] = TRANSLATION.split('\n') as [string, string, string];
/** The text marked as the current link's counterpart (other marks, such as suggestions, may cut it into pieces). */
const counterpartText = async (editor: Locator) => (await editor.locator('[data-counterpart]').allTextContents()).join('');

async function openPair(page: Page, alignment: { source: { start: number; end: number } | null; translation: { start: number; end: number } | null }[]) {
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  const { documentIds } = await callApi<{ documentIds: string[] }>(host, 'transfer.import', {
    files: [
      { name: 'pair.zh.txt', contentBase64: b64(SOURCE) },
      { name: 'pair.en.txt', contentBase64: b64(TRANSLATION) },
    ],
  });
  // The alignment is given, so that the view is under test and not the aligner.
  await callApi(host, 'bilingual.updateAlignment', { documentId: documentIds[0], operation: { op: 'replace', alignment } });
  await page.goto(host.url);
  await openDocument(page, 'pair');
  await page.getByTestId('source-tab').click();
  return page.getByTestId('bilingual-pane').getByTestId('bilingual-link');
}

test('the caret in either text makes its sentence current on both sides; Alt+arrows go sentence by sentence in the text', async ({ page }) => {
  const links = await openPair(page, [
    { source: at(SOURCE, s1), translation: at(TRANSLATION, t1) },
    { source: null, translation: at(TRANSLATION, t2) },
    { source: at(SOURCE, s2), translation: at(TRANSLATION, t3) },
  ]);
  await expect(links).toHaveCount(3);
  const editor = page.getByTestId('editor');
  // The translation without source is marked in the text as well as in the panel.
  await expect(editor.locator('.no-counterpart')).toHaveText(t2);
  await expect(links.nth(1).getByTestId('no-counterpart')).toContainText('no source');

  // The caret in the third translation sentence: its link (with its source) is the current one.
  await selectText(page, 'grew');
  await expect(links.nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(links.nth(2).locator('[data-side="source"]')).toContainText(s2);
  await expect.poll(() => counterpartText(editor)).toBe(t3);

  // Alt+↑ / Alt+↓ in the text go to the previous / next sentence, and the panel follows.
  await page.keyboard.press('Alt+ArrowUp');
  await expect(links.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(links.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => counterpartText(editor)).toBe(t1);
  await page.keyboard.press('Alt+ArrowDown');
  await expect(links.nth(1)).toHaveAttribute('aria-selected', 'true');
  // Moving changed no text (the editor's own Alt+arrows would join lines).
  await expect(editor.locator('p')).toHaveCount(3);

  // The caret in a source sentence (a click on it in the panel): its translation is marked in the text.
  await links.nth(2).locator('[data-side="source"] .text').click();
  await expect(links.nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => counterpartText(editor)).toBe(t3);
  await page.keyboard.press('Alt+ArrowUp');
  await expect(links.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => counterpartText(editor)).toBe(t2);
});

test('an alignment corrected from the panel is kept after a reload; Ctrl+Z there undoes it and Ctrl+Shift+Z redoes it', async ({ page }) => {
  // The first pair is cut apart: its source and its translation each alone.
  const links = await openPair(page, [
    { source: at(SOURCE, s1), translation: null },
    { source: null, translation: at(TRANSLATION, t1) },
    { source: null, translation: at(TRANSLATION, t2) },
    { source: at(SOURCE, s2), translation: at(TRANSLATION, t3) },
  ]);
  await expect(links).toHaveCount(4);
  const pane = page.getByTestId('bilingual-pane');
  // By keyboard: the first link current, L links it to the translation after it.
  await links.nth(0).click();
  await page.keyboard.press('l');
  await expect(links).toHaveCount(3);
  await expect(links.nth(0).locator('[data-side="translation"]')).toContainText(t1);

  await page.reload();
  await expect(page.getByTestId('editor')).toBeVisible();
  await page.getByTestId('source-tab').click();
  await expect(links).toHaveCount(3);
  await expect(links.nth(0).locator('[data-side="source"]')).toContainText(s1);
  await expect(links.nth(0).locator('[data-side="translation"]')).toContainText(t1);

  // Undo after the reload gives the cut pair back; redo links it again.
  await links.nth(0).click();
  await page.keyboard.press('Control+z');
  await expect(links).toHaveCount(4);
  await expect(links.nth(0).getByTestId('no-counterpart')).toContainText('no translation');
  await page.keyboard.press('Control+Shift+z');
  await expect(links).toHaveCount(3);

  // By mouse: merge the added sentence into the first link, then split it again after its first sentence.
  await links.nth(0).click();
  await pane.getByTestId('alignment-merge').click();
  await expect(links).toHaveCount(2);
  await expect(links.nth(0).locator('[data-side="translation"]')).toContainText(t2);
  await pane.getByTestId('alignment-split').click();
  await expect(links).toHaveCount(3);
  await expect(links.nth(1).locator('[data-side="translation"] .text')).toHaveText(t2);
  await expect(links.nth(1).getByTestId('no-counterpart')).toContainText('no source');
  await pane.getByTestId('alignment-undo').click();
  await expect(links).toHaveCount(2);

  // What the store holds is what the panel shows.
  const stored = await callApi<{ alignment: unknown[] } | null>(host, 'bilingual.get', { documentId: await documentId(page) });
  expect(stored?.alignment).toHaveLength(2);
});

async function documentId(page: Page): Promise<string> {
  const documents = await callApi<{ id: string; title: string }[]>(host, 'documents.list', {});
  const found = documents.find((d) => d.title.startsWith('pair'));
  if (!found) throw new Error(`no pair document (page at ${page.url()})`);
  return found.id;
}

test('annotations show on both sides: one of the source, one of the text pointing to the source, and one made on the source here', async ({ page }) => {
  const links = await openPair(page, [
    { source: at(SOURCE, s1), translation: at(TRANSLATION, t1) },
    { source: null, translation: at(TRANSLATION, t2) },
    { source: at(SOURCE, s2), translation: at(TRANSLATION, t3) },
  ]);
  const documentIdNow = await documentId(page);
  const tag = await callApi<{ id: string }>(host, 'tags.create', { name: 'Accuracy', color: '#7c3aed', parentId: null });
  await callApi(host, 'annotations.create', { documentId: documentIdNow, baseEditCount: 0, ...at(TRANSLATION, 'National Bureau'), sourceRange: at(SOURCE, '国家统计局'), tagIds: [tag.id] });
  await page.reload();
  await expect(page.getByTestId('editor')).toBeVisible();
  await page.getByTestId('source-tab').click();
  // The text's annotation is drawn on its own side and, by its source range, on the source.
  await expect(links.nth(0).locator('[data-side="source"] mark[data-mark="annotation"]')).toHaveText('国家统计局');
  await expect(links.nth(0).locator('[data-side="translation"] mark[data-mark="annotation"]')).toHaveText('National Bureau');

  // Select 出口 on the source side of the third link and annotate it there.
  await links.nth(2).locator('[data-side="source"] .text').evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode() as Text | null;
    while (node && !node.data.includes('出口')) node = walker.nextNode() as Text | null;
    if (!node) throw new Error('出口 is not in one text node');
    const start = node.data.indexOf('出口');
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + 2);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await page.getByTestId('source-tag').selectOption({ label: 'Accuracy' });
  await page.getByTestId('annotate-source').click();
  await expect(links.nth(2).locator('[data-side="source"] mark[data-mark="annotation"]')).toHaveText('出口');
  await expect(links.nth(2).locator('[data-side="source"] mark[data-mark="annotation"]')).toHaveAttribute('title', /Accuracy/);

  const stored = await callApi<{ annotations: { quote: string; side: string }[] }>(host, 'bilingual.get', { documentId: documentIdNow });
  expect(stored.annotations).toEqual([expect.objectContaining({ quote: '出口', side: 'source' })]);
  // The text itself is unchanged by an annotation of the source.
  expect(await page.getByTestId('editor').locator('p').allTextContents()).toEqual(TRANSLATION.split('\n'));
});

test('a long bilingual document: the panel draws the links in view, follows the caret to the end, and keeps up with typing', async ({ page }) => {
  const count = 3000;
  const source = Array.from({ length: count }, (_, i) => `第${i + 1}句：国家统计局发布了数据。`).join('\n');
  const translation = Array.from({ length: count }, (_, i) => `Sentence ${i + 1}: the bureau released data.`).join('\n');
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  await callApi(host, 'transfer.import', {
    files: [
      { name: 'long.zh.txt', contentBase64: b64(source) },
      { name: 'long.en.txt', contentBase64: b64(translation) },
    ],
  });
  await page.goto(host.url);
  await openDocument(page, 'long');
  await page.getByTestId('source-tab').click();
  const pane = page.getByTestId('bilingual-pane');
  const links = pane.getByTestId('bilingual-link');
  await expect(pane).toContainText(`${count} links`);
  await expect(links.first()).toContainText('第1句');
  // Every link is in the list (for assistive technology too), but only those near the view are drawn.
  await expect(links.first()).toHaveAttribute('aria-setsize', String(count));
  expect(await links.count()).toBeLessThan(200);

  // The caret at the end of the text: the last link is current, drawn and in view in the panel.
  const editor = page.getByTestId('editor');
  await editor.locator('p').first().click();
  await page.keyboard.press('Control+End');
  const last = pane.locator(`[data-testid="bilingual-link"][aria-posinset="${count}"]`);
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last.locator('[data-side="source"]')).toContainText(`第${count}句`);
  await expect(last).toBeInViewport();
  expect(await links.count()).toBeLessThan(200);

  // Typing in the last sentence: once saved, the panel shows the new text in its link.
  await page.keyboard.press('Control+e');
  await expect(editor).toHaveAttribute('data-mode', 'edit');
  await page.keyboard.press('Home');
  for (let i = 0; i < 'Sentence'.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.type(' (revised)');
  await expect(last.locator('[data-side="translation"]')).toContainText(`Sentence (revised) ${count}: the bureau`);

  // Scrolling the panel back to the top draws the first links again.
  await page.getByTestId('sidebar').evaluate((side) => (side.scrollTop = 0));
  await expect(pane.locator('[data-testid="bilingual-link"][aria-posinset="1"]')).toContainText('Sentence 1:');
});
