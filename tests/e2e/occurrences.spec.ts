import { expect, test, type Page } from '@playwright/test';
import { highlights, openDocument, selectText } from './helpers';
import { callApi, startHost, type RunningHost } from './web-host';

interface StoredAnnotation {
  quote: string;
  tagIds: string[];
}

const READOUT = 'Premier Li Qiang visited Shanghai.\nIn Shanghai he met officials; shanghai noodles were served.';
const OTHER = 'The Shanghai office and the Shanghai port.';

let host: RunningHost;
let readoutId: string;
let otherId: string;
let placeId: string;

test.beforeEach(async ({ page }) => {
  host = await startHost();
  readoutId = (await callApi<{ id: string }>(host, 'documents.create', { title: 'Readout', text: READOUT })).id;
  otherId = (await callApi<{ id: string }>(host, 'documents.create', { title: 'Other', text: OTHER })).id;
  placeId = (await callApi<{ id: string; name: string }[]>(host, 'tags.list', {})).find((t) => t.name === 'Place')!.id;
  await page.goto(host.url);
  await openDocument(page, 'Readout');
});
test.afterEach(async () => host.stop());

const stored = (documentId: string) => callApi<StoredAnnotation[]>(host, 'annotations.list', { documentId });
const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
const placeHighlights = async (page: Page) => Object.values(await highlights(page)).filter((h) => h.tags === 'Place').length;

test('annotating every occurrence across two documents, with one unticked, is one undo step', async ({ page }) => {
  await selectText(page, 'Shanghai');
  await page.keyboard.press('3'); // Place
  await saved(page);
  await page.keyboard.press('a');

  const dialog = page.getByTestId('occurrences-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('occurrences-quote')).toHaveText('Shanghai');
  // This document, exact: the second "Shanghai" only (the first is the annotation itself, "shanghai" differs in case).
  await expect(dialog.getByTestId('occurrences-count')).toHaveText('1 of 1 occurrence selected');
  await dialog.getByTestId('occurrences-mode-ignore-case').check();
  await expect(dialog.getByTestId('occurrences-count')).toHaveText('2 of 2 occurrences selected');
  await dialog.getByTestId('occurrences-scope-all').check();
  await expect(dialog.getByTestId('occurrences-count')).toHaveText('4 of 4 occurrences selected, in 2 documents');
  await expect(dialog.getByTestId('occurrence').nth(1)).toContainText('met officials; shanghai noodles');

  // "shanghai noodles" is not the city.
  await dialog.getByTestId('occurrence').filter({ has: page.locator('mark', { hasText: /^shanghai$/ }) }).getByRole('checkbox').uncheck();
  await expect(dialog.getByTestId('occurrences-count')).toHaveText('3 of 4 occurrences selected, in 2 documents');
  await dialog.getByTestId('occurrences-confirm').click();
  await expect(dialog).toBeHidden();
  await saved(page);

  await expect.poll(() => placeHighlights(page)).toBe(2);
  expect((await stored(readoutId)).map((a) => a.quote)).toEqual(['Shanghai', 'Shanghai']);
  expect((await stored(otherId)).map((a) => [a.quote, a.tagIds])).toEqual([
    ['Shanghai', [placeId]],
    ['Shanghai', [placeId]],
  ]);

  // One undo takes the whole batch back, here and in the other document; the first annotation stays.
  await page.keyboard.press('Control+z');
  await saved(page);
  await expect.poll(() => placeHighlights(page)).toBe(1);
  expect((await stored(readoutId)).map((a) => a.quote)).toEqual(['Shanghai']);
  expect(await stored(otherId)).toEqual([]);

  // Redo brings it back.
  await page.keyboard.press('Control+Shift+z');
  await saved(page);
  await expect.poll(() => placeHighlights(page)).toBe(2);
  await expect.poll(async () => (await stored(otherId)).length).toBe(2);
});

test('from a plain selection the user picks the tag; the key says why when nothing is selected', async ({ page }) => {
  await page.getByTestId('editor').click();
  await page.keyboard.press('a');
  await expect(page.getByText('Select text or an annotation first, then press A to annotate every occurrence')).toBeVisible();

  await selectText(page, 'Shanghai', 1);
  await page.keyboard.press('a');
  const dialog = page.getByTestId('occurrences-dialog');
  await expect(dialog.getByTestId('occurrences-count')).toHaveText('Choose a tag to see the occurrences.');
  await dialog.getByTestId('occurrences-tag').selectOption({ label: 'Place' });
  await dialog.getByTestId('occurrences-mode-whole-words').check();
  // Both "Shanghai"s of this document, the selected one included.
  await expect(dialog.getByTestId('occurrences-count')).toHaveText('2 of 2 occurrences selected');
  await dialog.getByTestId('occurrences-confirm').click();
  await saved(page);
  expect((await stored(readoutId)).map((a) => [a.quote, a.tagIds])).toEqual([
    ['Shanghai', [placeId]],
    ['Shanghai', [placeId]],
  ]);
});
