// Annotating shows the highlight at once; the header says Saved only once the
// store's commit has answered, and a commit the store refuses takes the
// highlight away again and says why.

import { expect, test, type Page, type Route } from '@playwright/test';
import { openDocument, selectText } from './helpers';
import { callApi, startHost, type RunningHost } from './web-host';

const TEXT = 'Mayor Gong Zheng presided over the meeting.\nThe Pudong plan 😀 was adopted.';

let host: RunningHost;
let documentId: string;

test.beforeEach(async ({ page }) => {
  host = await startHost();
  documentId = (await callApi<{ id: string }>(host, 'documents.create', { title: 'Readout', text: TEXT })).id;
  await page.goto(host.url);
  await openDocument(page);
});
test.afterEach(async () => host.stop());

const stored = () => callApi<{ id: string; quote: string }[]>(host, 'annotations.list', { documentId });
const status = (page: Page) => page.getByTestId('save-status');
const highlightsShown = (page: Page) => page.locator('[data-testid=editor] [data-annotation-id]');

/** Holds every annotations.create call until the returned function is called (then lets them through). */
async function holdCommits(page: Page): Promise<{ held: Promise<void>; release: () => Promise<void> }> {
  const waiting: Route[] = [];
  let arrived!: () => void;
  const held = new Promise<void>((resolve) => (arrived = resolve));
  await page.route('**/api/annotations.create', (route) => {
    waiting.push(route);
    arrived();
  });
  return {
    held,
    release: async () => {
      for (const route of waiting.splice(0)) await route.fallback();
      await page.unroute('**/api/annotations.create');
    },
  };
}

test('the highlight shows before the commit answers, and Saved only after it', async ({ page }) => {
  const commits = await holdCommits(page);
  await selectText(page, 'Gong Zheng');
  await page.keyboard.press('1');
  await commits.held;
  // The call is on its way and unanswered: the highlight is there, the header is not Saved.
  await expect(highlightsShown(page)).toHaveText('Gong Zheng');
  await expect(status(page)).toHaveAttribute('data-state', 'saving');
  await expect(status(page)).not.toHaveText('Saved');
  expect(await stored()).toEqual([]);
  // The inspector shows the annotation meanwhile.
  await expect(page.getByTestId('annotation-quote')).toHaveText('Gong Zheng');

  await commits.release();
  await expect(status(page)).toHaveAttribute('data-state', 'saved');
  await expect(status(page)).toHaveText('Saved');
  const id = await highlightsShown(page).getAttribute('data-annotation-id');
  expect((await stored()).map((a) => [a.id, a.quote])).toEqual([[id, 'Gong Zheng']]);
});

test('undo before the commit answers: the highlight goes at once and the store ends without it', async ({ page }) => {
  const commits = await holdCommits(page);
  await selectText(page, 'meeting');
  await page.keyboard.press('2');
  await commits.held;
  await expect(highlightsShown(page)).toHaveText('meeting');
  await page.keyboard.press('Control+z');
  await expect(highlightsShown(page)).toHaveCount(0);
  await expect(status(page)).toHaveAttribute('data-state', 'saving');

  await commits.release();
  await expect(status(page)).toHaveAttribute('data-state', 'saved');
  expect(await stored()).toEqual([]);
  // Redo brings it back, in the editor and in the store.
  await page.keyboard.press('Control+y');
  await expect(highlightsShown(page)).toHaveText('meeting');
  await expect(status(page)).toHaveAttribute('data-state', 'saved');
  expect((await stored()).map((a) => a.quote)).toEqual(['meeting']);
});

test('a commit the store answers with an error takes the highlight away and says why', async ({ page }) => {
  await page.route('**/api/annotations.create', (route) =>
    route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'disk I/O error' } }) }),
  );
  await selectText(page, 'Pudong plan');
  await page.keyboard.press('4');
  await expect(status(page)).toHaveAttribute('data-state', 'error');
  await expect(status(page)).toContainText('disk I/O error');
  await expect(highlightsShown(page)).toHaveCount(0);
  expect(await stored()).toEqual([]);

  // Once the store answers again, annotating works and is saved.
  await page.unroute('**/api/annotations.create');
  await selectText(page, 'Pudong plan');
  await page.keyboard.press('4');
  await expect(status(page)).toHaveAttribute('data-state', 'saved');
  await expect(highlightsShown(page)).toHaveText('Pudong plan');
  expect((await stored()).map((a) => a.quote)).toEqual(['Pudong plan']);
});

test('a relation from an annotation whose commit has not answered yet is saved after it', async ({ page }) => {
  const tags = await callApi<{ id: string; name: string }[]>(host, 'tags.list', {});
  const start = TEXT.indexOf('meeting');
  const meeting = (await callApi<{ id: string }>(host, 'annotations.create', { documentId, baseEditCount: 0, start, end: start + 7, tagIds: [tags.find((t) => t.name === 'Organisation')!.id] })).id;
  await page.reload();
  await expect(page.locator(`[data-annotation-id="${meeting}"]`)).toBeVisible();

  const commits = await holdCommits(page);
  await selectText(page, 'Gong Zheng');
  await page.keyboard.press('1');
  await commits.held;
  await expect(page.getByTestId('annotation-quote')).toHaveText('Gong Zheng');
  const made = await page.locator('[data-testid=editor] [data-annotation-id]').filter({ hasText: 'Gong Zheng' }).getAttribute('data-annotation-id');
  await page.keyboard.press('r');
  await expect(page.getByTestId('linking-bar')).toContainText('Linking from “Gong Zheng”');
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('relation-type-picker')).toBeVisible();
  await page.keyboard.type('commits');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('relation-label')).toHaveText('commits to');
  await expect(status(page)).toHaveAttribute('data-state', 'saving');

  await commits.release();
  await expect(status(page)).toHaveAttribute('data-state', 'saved');
  const relations = await callApi<{ sourceId: string; targetId: string }[]>(host, 'relations.list', { documentId });
  expect(relations.map((r) => [r.sourceId, r.targetId])).toEqual([[made, meeting]]);
});
