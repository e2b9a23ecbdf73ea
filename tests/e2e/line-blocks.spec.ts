// The editor keeps its lines in blocks (BLOCK_LINES lines each when a text is
// opened): Enter, Backspace and Delete where two blocks meet split and join
// lines exactly as anywhere else, and the stored text follows.

import { expect, test, type Page } from '@playwright/test';
import { BLOCK_LINES } from '../../src/renderer/editor/text-doc';
import { createAndOpen } from './helpers';
import { callApi, startHost, type RunningHost } from './web-host';

const LINES = Array.from({ length: 2 * BLOCK_LINES + 10 }, (_, i) => `line ${i}`);
const TEXT = LINES.join('\n');
// The first line of the second block, and the last line of the first.
const AFTER = BLOCK_LINES;
const BEFORE = BLOCK_LINES - 1;

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => host.stop());

let documentId: string;
test.beforeEach(async ({ page }, info) => {
  const title = `Blocks ${info.title.slice(0, 40)} ${info.repeatEachIndex}`;
  documentId = await createAndOpen(page, host, title, TEXT);
  await page.keyboard.press('Control+e');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-mode', 'edit');
});

const line = (page: Page, text: string) => page.locator('[data-testid=editor] p').filter({ hasText: new RegExp(`^${text}$`) });
const storedText = async () => (await callApi<{ text: string }>(host, 'documents.get', { id: documentId })).text;
const withLines = (lines: readonly string[]) => lines.join('\n');

test('Backspace at the start of a block joins its first line to the line before; Enter splits them again', async ({ page }) => {
  await line(page, `line ${AFTER}`).click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Backspace');
  const joined = [...LINES.slice(0, BEFORE), `line ${BEFORE}line ${AFTER}`, ...LINES.slice(AFTER + 1)];
  await expect(line(page, `line ${BEFORE}line ${AFTER}`)).toBeVisible();
  await expect.poll(storedText, { timeout: 30_000 }).toBe(withLines(joined));

  await page.keyboard.press('Enter');
  await expect(line(page, `line ${AFTER}`)).toBeVisible();
  await expect.poll(storedText, { timeout: 30_000 }).toBe(TEXT);
});

test('Delete at the end of a block joins the next line to its last line, and undo brings it back, after a reload too', async ({ page }) => {
  await line(page, `line ${BEFORE}`).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Delete');
  await expect(line(page, `line ${BEFORE}line ${AFTER}`)).toBeVisible();
  await expect.poll(storedText, { timeout: 30_000 }).toBe(withLines([...LINES.slice(0, BEFORE), `line ${BEFORE}line ${AFTER}`, ...LINES.slice(AFTER + 1)]));

  await page.keyboard.press('Control+z');
  await expect(line(page, `line ${AFTER}`)).toBeVisible();
  await expect.poll(storedText, { timeout: 30_000 }).toBe(TEXT);

  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await expect(line(page, `line ${AFTER}`)).toBeVisible();
  await expect(line(page, `line ${BEFORE}`)).toBeVisible();
});
