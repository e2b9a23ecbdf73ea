// The Changes list: a typing burst is one entry, shown in context; clicking it
// shows it in the text; reverting it reverts the burst and marks it reverted.
import { expect, test } from '@playwright/test';
import { editorText, openDocument, selectText } from './helpers';
import { callApi, startHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost({});
});
test.afterEach(async () => host.stop());

test('typing a word is one entry in the Changes list; clicking it selects it; Revert undoes all of it', async ({ page }) => {
  const doc = await callApi<{ id: string }>(host, 'documents.create', { title: 'Readout', text: 'Li Qiang met the Party leaders in Beijing.' });
  await page.goto(host.url);
  await openDocument(page, 'Readout');
  await page.keyboard.press('Control+e');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-mode', 'edit');
  await selectText(page, 'the ');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('Communist ');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  expect(await editorText(page)).toBe('Li Qiang met the Communist Party leaders in Beijing.');
  // Stored as several edits (lossless), listed as one.
  const stored = await callApi<unknown[]>(host, 'edits.list', { documentId: doc.id });
  expect(stored.length).toBeGreaterThan(1);

  await page.getByTestId('changes-tab').click();
  const items = page.getByTestId('edit-item');
  await expect(items).toHaveCount(1);
  await expect(items.first().locator('ins')).toHaveText('Communist ');
  await expect(items.first().getByTestId('edit-show')).toContainText('met the Communist Party leaders');

  await items.first().getByTestId('edit-show').click();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('Communist ');

  await items.first().getByTestId('revert-edit').click();
  await expect(page.getByTestId('editor')).toContainText('met the Party leaders');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await expect(page.locator('[data-testid=edit-item][data-origin=manual]')).toHaveAttribute('data-reverted', 'true');
  await expect(page.locator('[data-testid=edit-item][data-origin=manual]').getByTestId('edit-reverted')).toBeVisible();
  expect(await editorText(page)).toBe('Li Qiang met the Party leaders in Beijing.');
});
