import { expect, test, type Page } from '@playwright/test';
import { openDocument } from './helpers';
import { callApi, startHost, type RunningHost } from './web-host';

interface StoredAnnotation {
  quote: string;
  tagIds: string[];
  origin?: string;
}

const TEXT = 'Chancellor Olaf Scholz met the delegation in Berlin on Monday.\nThey agreed on projects worth $3 billion.';

let host: RunningHost;
let documentId: string;
let tags: { id: string; name: string }[];

test.beforeEach(async ({ page }) => {
  host = await startHost();
  documentId = (await callApi<{ id: string }>(host, 'documents.create', { title: 'Readout', text: TEXT })).id;
  tags = await callApi<{ id: string; name: string }[]>(host, 'tags.list', {});
  await page.goto(host.url);
  await openDocument(page, 'Readout');
});
test.afterEach(async () => host.stop());

const tagId = (name: string) => tags.find((t) => t.name === name)!.id;
const stored = () => callApi<StoredAnnotation[]>(host, 'annotations.list', { documentId });
const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
const suggestion = (page: Page, text: string) => page.locator('[data-testid=editor] .suggestion').filter({ hasText: new RegExp(`^${text.replace(/[$]/g, '\\$&')}$`) });

/** Puts the caret inside a suggestion, as a click does, and waits until the editor has it. */
async function caretIn(page: Page, text: string) {
  await suggestion(page, text).click();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

test('Enter accepts a suggestion, Backspace rejects one, and both hold after a reload', async ({ page }) => {
  // Computed in the worker, then shown as dashed outlines with their tag.
  await expect(suggestion(page, 'Berlin')).toHaveAttribute('data-suggestion-tag', 'Place');
  await expect(suggestion(page, 'Olaf Scholz')).toHaveAttribute('data-suggestion-tag', 'Person');
  await expect(page.locator('[data-testid=editor] .annotation')).toHaveCount(0);

  await caretIn(page, 'Berlin');
  await page.keyboard.press('Enter');
  await saved(page);
  await expect(page.locator('[data-testid=editor] .annotation')).toHaveText(['Berlin']);
  await expect(suggestion(page, 'Berlin')).toHaveCount(0);

  await caretIn(page, 'Olaf Scholz');
  await page.keyboard.press('Backspace');
  await expect(suggestion(page, 'Olaf Scholz')).toHaveCount(0);
  await saved(page);
  expect(await stored()).toEqual([expect.objectContaining({ quote: 'Berlin', tagIds: [tagId('Place')], origin: 'suggestion:compromise' })]);

  await page.reload();
  await expect(page.getByTestId('editor')).toBeVisible();
  // Suggestions are back (the date), but not the rejected one, nor one over the accepted annotation.
  await expect(suggestion(page, 'Monday')).toHaveAttribute('data-suggestion-tag', 'Date');
  await expect(suggestion(page, 'Olaf Scholz')).toHaveCount(0);
  await expect(suggestion(page, 'Berlin')).toHaveCount(0);
  await expect(page.locator('[data-testid=editor] .annotation')).toHaveText(['Berlin']);
});

test('accepting all of one tag is one undo step; hiding suggestions hides them', async ({ page }) => {
  await expect(suggestion(page, '$3 billion')).toBeVisible();
  await page.getByTestId('suggestions-menu').click();
  const popover = page.getByTestId('suggestions-popover');
  await popover.locator('[data-testid=suggestions-accept-all][data-tag=Figure]').click();
  await saved(page);
  expect((await stored()).map((a) => [a.quote, a.origin])).toEqual([['$3 billion', 'suggestion:compromise']]);
  await page.keyboard.press('Control+z');
  await saved(page);
  expect(await stored()).toEqual([]);

  await page.getByTestId('suggestions-menu').click();
  await popover.getByTestId('suggestions-visible').uncheck();
  await expect(page.locator('[data-testid=editor] .suggestion')).toHaveCount(0);
  await expect(page.getByTestId('suggestions-count')).toHaveText('off');
  await page.reload();
  await expect(page.getByTestId('suggestions-count')).toHaveText('off');
  await expect(page.locator('[data-testid=editor] .suggestion')).toHaveCount(0);
});

test('a click on a just-accepted suggestion selects its annotation', async ({ page }) => {
  await caretIn(page, 'Berlin');
  await page.keyboard.press('Enter');
  const highlight = page.locator('[data-testid=editor] .annotation').filter({ hasText: /^Berlin$/ });
  await expect(highlight).toBeVisible();
  await highlight.click();
  await expect(page.locator('[data-testid=editor] .annotation.selected')).toHaveText('Berlin');
});

test('rejecting a suggestion is undone and redone like an edit, in the workspace too', async ({ page }) => {
  const rejections = async () => (await callApi<{ rejections: { tagId: string; quote: string }[] }>(host, 'suggestions.context', {})).rejections;
  await caretIn(page, 'Olaf Scholz');
  await page.keyboard.press('Backspace');
  await expect(suggestion(page, 'Olaf Scholz')).toHaveCount(0);
  await expect.poll(rejections).toEqual([{ tagId: tagId('Person'), quote: 'Olaf Scholz' }]);

  await page.keyboard.press('Control+z');
  await expect(suggestion(page, 'Olaf Scholz')).toHaveAttribute('data-suggestion-tag', 'Person');
  await expect.poll(rejections).toEqual([]);
  await page.reload();
  await expect(suggestion(page, 'Olaf Scholz')).toHaveAttribute('data-suggestion-tag', 'Person');

  await caretIn(page, 'Olaf Scholz');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+z');
  await expect(suggestion(page, 'Olaf Scholz')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(suggestion(page, 'Olaf Scholz')).toHaveCount(0);
  await expect.poll(rejections).toEqual([{ tagId: tagId('Person'), quote: 'Olaf Scholz' }]);
  // The text was never touched.
  await expect(page.locator('[data-testid=editor] p').first()).toHaveText('Chancellor Olaf Scholz met the delegation in Berlin on Monday.');
});
