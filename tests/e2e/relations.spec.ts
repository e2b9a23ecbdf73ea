import { expect, test, type Page } from '@playwright/test';
import { openDocument } from './helpers';
import { layoutProblems, SCHEMES, seriousAxeViolations, VIEWPORTS } from './layout';
import { callApi, startHost, type RunningHost } from './web-host';

interface StoredRelation {
  id: string;
  sourceId: string;
  targetId: string;
  typeId: string;
  note: string;
}
interface StoredTag {
  id: string;
  name: string;
}

const TEXT = 'Premier Li Qiang pledged 1 trillion yuan for Shanghai.\nThe plan was adopted.';

let host: RunningHost;
let documentId: string;
const ids: Record<string, string> = {};

test.beforeEach(async ({ page }) => {
  host = await startHost();
  documentId = (await callApi<{ id: string }>(host, 'documents.create', { title: 'Readout', text: TEXT })).id;
  const tags = await callApi<StoredTag[]>(host, 'tags.list', {});
  const tag = (name: string) => tags.find((t) => t.name === name)!.id;
  for (const [quote, tagName] of [
    ['Li Qiang', 'Person'],
    ['1 trillion yuan', 'Figure'],
    ['Shanghai', 'Place'],
  ] as const) {
    const start = TEXT.indexOf(quote);
    ids[quote] = (await callApi<{ id: string }>(host, 'annotations.create', { documentId, baseEditCount: 0, start, end: start + quote.length, tagIds: [tag(tagName)] })).id;
  }
  await page.goto(host.url);
  await openDocument(page);
});
test.afterEach(async () => host.stop());

const stored = () => callApi<StoredRelation[]>(host, 'relations.list', { documentId });
const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
const highlight = (page: Page, quote: string) => page.locator(`[data-annotation-id="${ids[quote]}"]`);

test('a relation made by keyboard is drawn with its label, undone, redone, and still there after a reload', async ({ page }) => {
  await highlight(page, 'Li Qiang').click();
  await expect(page.getByTestId('annotation-quote')).toHaveText('Li Qiang');
  await page.keyboard.press('r');
  await expect(page.getByTestId('linking-bar')).toContainText('Linking from “Li Qiang”');
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('relation-type-picker')).toBeVisible();
  await page.keyboard.type('commits');
  await page.keyboard.press('Enter');

  const label = page.getByTestId('relation-label');
  await expect(label).toHaveText('commits to');
  // The target stays selected: its inspector lists the relation coming in.
  await expect(page.getByTestId('annotation-quote')).toHaveText('1 trillion yuan');
  await expect(page.getByTestId('relation-row').getByTestId('relation-type')).toHaveValue('relation-commits-to');
  await expect(page.getByTestId('relation-row').getByTestId('relation-jump')).toHaveText('“Li Qiang”');
  await saved(page);
  expect((await stored()).map((r) => [r.sourceId, r.typeId, r.targetId])).toEqual([[ids['Li Qiang'], 'relation-commits-to', ids['1 trillion yuan']]]);

  await page.keyboard.press('Control+z');
  await expect(label).toHaveCount(0);
  await saved(page);
  await expect.poll(stored).toEqual([]);

  await page.keyboard.press('Control+y');
  await expect(label).toHaveText('commits to');
  await saved(page);
  await expect.poll(async () => (await stored()).length).toBe(1);

  await page.reload();
  await expect(page.getByTestId('relation-label')).toHaveText('commits to');
});

test('typing while linking searches the target by its text', async ({ page }) => {
  await highlight(page, '1 trillion yuan').click();
  await page.keyboard.press('r');
  await expect(page.getByTestId('linking-bar')).toBeVisible();
  await page.keyboard.type('sha');
  await expect(page.getByTestId('relation-target-option')).toHaveText(['Shanghai']);
  await page.keyboard.press('Enter');
  await page.getByTestId('relation-type-option').filter({ hasText: 'located in' }).click();
  await expect(page.getByTestId('relation-label')).toHaveText('located in');
  await saved(page);
  expect((await stored()).map((r) => [r.sourceId, r.typeId, r.targetId])).toEqual([[ids['1 trillion yuan'], 'relation-located-in', ids['Shanghai']]]);
});

test('a relation made by dragging from the selected highlight to another, then edited and deleted in the inspector', async ({ page }) => {
  const from = highlight(page, 'Li Qiang');
  await from.click();
  const a = (await from.boundingBox())!;
  const b = (await highlight(page, 'Shanghai').boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 30, a.y + a.height / 2 + 12, { steps: 3 });
  await expect(page.getByTestId('relation-drag-line')).toBeVisible();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('relation-type-picker')).toBeVisible();
  await page.getByTestId('relation-type-option').filter({ hasText: 'refers to' }).click();
  await expect(page.getByTestId('relation-label')).toHaveText('refers to');

  const row = page.getByTestId('relation-row');
  await row.getByTestId('relation-type').selectOption({ label: 'located in' });
  await expect(page.getByTestId('relation-label')).toHaveText('located in');
  await row.getByTestId('relation-note').fill('the visit');
  await row.getByTestId('relation-note').press('Tab');
  await saved(page);
  await expect.poll(async () => (await stored()).map((r) => [r.typeId, r.note])).toEqual([['relation-located-in', 'the visit']]);

  await row.getByTestId('delete-relation').click();
  await expect(page.getByTestId('relation-label')).toHaveCount(0);
  await saved(page);
  await expect.poll(stored).toEqual([]);
});

test('a relation whose end is deleted from the text is kept and marked detached', async ({ page }) => {
  await callApi(host, 'relations.create', { documentId, sourceId: ids['Li Qiang'], targetId: ids['Shanghai'], typeId: 'relation-located-in' });
  await page.reload();
  await expect(page.getByTestId('relation-label')).toHaveText('located in');
  await callApi(host, 'edits.apply', { documentId, baseEditCount: 0, changes: [{ start: TEXT.indexOf('Shanghai'), end: TEXT.indexOf('Shanghai') + 8, inserted: '' }] });
  await page.reload();
  await highlight(page, 'Li Qiang').click();
  await expect(page.getByTestId('relation-detached')).toBeVisible();
  // The end still on the page shows a stub that jumps to the detached one.
  await expect(page.getByTestId('relation-stub')).toContainText('located in');
  expect(await stored()).toHaveLength(1);
});

test('deleting a relation type in use asks first, with the count', async ({ page }) => {
  await callApi(host, 'relations.create', { documentId, sourceId: ids['Li Qiang'], targetId: ids['Shanghai'], typeId: 'relation-located-in' });
  await page.keyboard.press('Alt+5');
  const row = page.locator('[data-testid="relation-type-row"][data-relation-type="located in"]');
  await row.getByRole('button', { name: 'Delete relation type located in' }).click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('1 relation');
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('relation-type-row')).toHaveCount(3);
  await expect.poll(stored).toEqual([]);
});

test('arcs, the inspector and the relation types fit and pass axe at every size, light and dark', async ({ page }) => {
  await callApi(host, 'relations.create', { documentId, sourceId: ids['Li Qiang'], targetId: ids['1 trillion yuan'], typeId: 'relation-commits-to' });
  await callApi(host, 'relations.create', { documentId, sourceId: ids['1 trillion yuan'], targetId: ids['Shanghai'], typeId: 'relation-located-in' });
  await page.reload();
  await expect(page.getByTestId('relation-label')).toHaveCount(2);
  const found: string[] = [];
  for (const size of VIEWPORTS) {
    for (const scheme of SCHEMES) {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      await highlight(page, '1 trillion yuan').click();
      await expect(page.getByTestId('relation-row')).toHaveCount(2);
      if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/relations-${size.width}-${scheme}.png` });
      for (const within of ['[data-testid=relation-layer]', '[data-testid=relation-list]']) {
        for (const p of await layoutProblems(page, within)) found.push(`${size.width}×${size.height} ${scheme} ${within}: ${p.kind} ${p.what}`);
        for (const v of await seriousAxeViolations(page, within)) found.push(`${size.width}×${size.height} ${scheme} ${within}: axe ${v}`);
      }
    }
  }
  await page.keyboard.press('Alt+5');
  await page.getByRole('button', { name: 'Details of located in' }).click();
  for (const p of await layoutProblems(page, '[data-testid=relation-types-panel]')) found.push(`relation types: ${p.kind} ${p.what}`);
  for (const v of await seriousAxeViolations(page, '[data-testid=relation-types-panel]')) found.push(`relation types: axe ${v}`);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/relation-types.png` });
  expect(found).toEqual([]);
});

test('the annotations list filters by relation type, and the library counts relations', async ({ page }) => {
  await callApi(host, 'relations.create', { documentId, sourceId: ids['Li Qiang'], targetId: ids['1 trillion yuan'], typeId: 'relation-commits-to' });
  await page.reload();
  await expect(page.getByTestId('relation-label')).toHaveText('commits to');
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('annotation-item')).toHaveCount(3);
  await page.getByTestId('annotation-relation-filter').selectOption({ label: 'In a “commits to” relation' });
  await expect(page.getByTestId('annotation-item-quote')).toHaveText(['Li Qiang', '1 trillion yuan']);
  await page.getByTestId('annotation-relation-filter').selectOption({ label: 'In a “located in” relation' });
  await expect(page.getByTestId('annotation-item')).toHaveCount(0);

  await page.getByTestId('back-to-library').click();
  await expect(page.getByTestId('relation-count')).toHaveText('1');
});
