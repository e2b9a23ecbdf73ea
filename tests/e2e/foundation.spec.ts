import { expect, test } from '@playwright/test';
import { editorText, openDocument, selectText } from './helpers';
import { callApi, startHost, tempWorkspacePath, type RunningHost } from './web-host';

let hosts: RunningHost[] = [];
test.afterEach(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
  hosts = [];
});

async function host(options?: Parameters<typeof startHost>[0]): Promise<RunningHost> {
  const h = await startHost(options);
  hosts.push(h);
  return h;
}

test('the default workspace lists the sample document, which opens in Annotate mode', async ({ page }) => {
  const h = await host({});
  await page.goto(h.url);
  await expect(page.getByTestId('document-item')).toHaveCount(1);
  await expect(page.getByTestId('document-item')).toContainText('Riverside Port Authority');
  await openDocument(page);
  await expect(page.getByTestId('editor')).toHaveAttribute('data-mode', 'annotate');
  await expect(page.getByTestId('editor')).toContainText('a higher level and higher level.We must continue');
});

test('a .txt with emoji and CJK imports and shows exactly its text', async ({ page }) => {
  const h = await host();
  const text = '  Title with 😀 and 𠀋 \n\n第一行：中文 text  with  spaces\nlast line 🚢 ';
  await page.goto(h.url);
  await expect(page.getByText('No documents yet')).toBeVisible();
  await page.getByTestId('import-input').setInputFiles({ name: 'mixed-script.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
  await expect(page.getByTestId('document-item')).toHaveCount(1);
  await expect(page.getByTestId('document-item')).toContainText('mixed-script');
  await openDocument(page);
  expect(await editorText(page)).toBe(text);
  const [summary] = await callApi<{ id: string }[]>(h, 'documents.list', {});
  const stored = await callApi<{ text: string; originalText: string }>(h, 'documents.get', { id: summary!.id });
  expect(stored.text).toBe(text);
  expect(stored.originalText).toBe(text);
});

test('importing a binary file says why and adds nothing', async ({ page }) => {
  const h = await host();
  await page.goto(h.url);
  await page.getByTestId('import-input').setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]) });
  await expect(page.getByRole('alert')).toContainText('Not imported: photo.txt: this is not a text file');
  expect(await callApi<unknown[]>(h, 'documents.list', {})).toHaveLength(0);
});

test('Annotate mode refuses typing', async ({ page }) => {
  const h = await host();
  const doc = await callApi<{ id: string }>(h, 'documents.create', { title: 'Read only', text: 'Shanghai.We must' });
  await page.goto(h.url);
  await openDocument(page);
  await page.locator('[data-testid=editor] p').first().click();
  await page.keyboard.type('xyz');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  expect(await editorText(page)).toBe('Shanghai.We must');
  await page.waitForTimeout(500);
  const stored = await callApi<{ text: string; editCount: number }>(h, 'documents.get', { id: doc.id });
  expect(stored).toMatchObject({ text: 'Shanghai.We must', editCount: 0 });
});

test('a correction typed in Edit mode persists across a reload and a restart of the host', async ({ page }) => {
  const workspacePath = tempWorkspacePath();
  let h = await host({ workspacePath });
  const doc = await callApi<{ id: string }>(h, 'documents.create', { title: 'Readout', text: 'the city.We must\r\ncontinue 😀 work' });
  await page.goto(h.url);
  await openDocument(page);
  await page.keyboard.press('Control+e');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-mode', 'edit');
  await expect(page.getByTestId('mode-toggle')).toHaveAttribute('aria-pressed', 'true');
  // Put the caret right after "city." and type the missing space.
  await selectText(page, 'the city.');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(' ');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const expected = 'the city. We must\r\ncontinue 😀 work';
  await expect.poll(async () => (await callApi<{ text: string }>(h, 'documents.get', { id: doc.id })).text).toBe(expected);

  await page.reload();
  // The address keeps the open document.
  await expect(page.getByTestId('editor')).toBeVisible();
  expect(await editorText(page)).toBe(expected.replace('\r\n', '\n'));

  await h.stop();
  h = await host({ workspacePath });
  await page.goto(h.url);
  await openDocument(page);
  expect(await editorText(page)).toBe(expected.replace('\r\n', '\n'));
  const stored = await callApi<{ text: string; originalText: string; editCount: number }>(h, 'documents.get', { id: doc.id });
  expect(stored).toMatchObject({ text: expected, originalText: 'the city.We must\r\ncontinue 😀 work', editCount: 1 });
  const edits = await callApi<{ start: number; end: number; removed: string; inserted: string; origin: string }[]>(h, 'edits.list', { documentId: doc.id });
  expect(edits).toEqual([expect.objectContaining({ start: 9, end: 9, removed: '', inserted: ' ', origin: 'manual' })]);
});

test('undo and redo in Edit mode are saved too', async ({ page }) => {
  const h = await host();
  const doc = await callApi<{ id: string }>(h, 'documents.create', { title: 'Undo', text: 'abc' });
  await page.goto(h.url);
  await openDocument(page);
  await page.getByTestId('mode-toggle').click();
  await page.keyboard.press('End');
  await page.keyboard.type('d');
  await expect.poll(async () => (await callApi<{ text: string }>(h, 'documents.get', { id: doc.id })).text).toBe('abcd');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await callApi<{ text: string }>(h, 'documents.get', { id: doc.id })).text).toBe('abc');
  await page.keyboard.press('Control+y');
  await expect.poll(async () => (await callApi<{ text: string }>(h, 'documents.get', { id: doc.id })).text).toBe('abcd');
});

test('deleting a document asks first', async ({ page }) => {
  const h = await host();
  await callApi(h, 'documents.create', { title: 'Keep me?', text: 'x' });
  await page.goto(h.url);
  await page.getByRole('button', { name: 'Delete Keep me?' }).click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('will be deleted');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('document-item')).toHaveCount(1);
  await page.getByRole('button', { name: 'Delete Keep me?' }).click();
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('document-item')).toHaveCount(0);
});

test('the api refuses requests without the launch token', async () => {
  const h = await host();
  const response = await fetch(`${h.origin}/api/documents.list`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  expect(response.status).toBe(401);
  expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
});
