// Import by the file picker and export from the app, as a user does, on the
// real web host: the saved files are what the api exports.

import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { unzipFiles } from '../../src/core/formats/zip-archive';
import { openDocument } from './helpers';
import { callApi, startHost, type RunningHost } from './web-host';

const SAMPLE = resolve(import.meta.dirname, '../fixtures/formats/sample.native.json');
const withoutExportedAt = (json: string) => json.replace(/"exportedAt": "[^"]*"/, '"exportedAt": "-"');

let hosts: RunningHost[] = [];
test.afterEach(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
  hosts = [];
});

async function host(): Promise<RunningHost> {
  const h = await startHost();
  hosts.push(h);
  return h;
}

test('a native JSON picked in the library imports whole, and the workspace exports it back as it was', async ({ page }) => {
  const h = await host();
  const sample = readFileSync(SAMPLE, 'utf8');
  await page.goto(h.url);
  await page.getByTestId('import-input').setInputFiles({ name: 'sample.native.json', mimeType: 'application/json', buffer: Buffer.from(sample, 'utf8') });
  await expect(page.getByTestId('library-message')).toContainText('sample.native.json: imported 2 documents with 7 annotations.');
  await expect(page.getByTestId('document-item')).toHaveCount(2);

  await openDocument(page, 'Document doc-1');
  await expect(page.getByTestId('editor')).toContainText('Premier Li Qiang met 😀 delegates in 𠀋京');
  await page.getByTestId('back-to-library').click();

  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await page.getByTestId('export-format-native').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-run').click()]);
  expect(download.suggestedFilename()).toBe('scholia-workspace.scholia.json');
  const saved = readFileSync((await download.path())!, 'utf8');
  expect(withoutExportedAt(saved)).toBe(withoutExportedAt(sample));
  await expect(page.getByTestId('export-dialog')).toBeHidden();
});

test('the open document exports from its header, as brat files in one .zip, with what the format left out', async ({ page }) => {
  const h = await host();
  await callApi(h, 'transfer.import', { files: [{ name: 'sample.native.json', contentBase64: readFileSync(SAMPLE).toString('base64') }], format: 'auto' });
  await page.goto(h.url);
  await openDocument(page, 'Document doc-1');
  await page.getByTestId('document-export').click();
  await expect(page.getByTestId('export-scope-document')).toBeChecked();
  await page.getByTestId('export-format-brat').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-run').click()]);
  // The detached annotation cannot be written as brat: the dialog says so.
  await expect(page.getByTestId('export-omitted')).toContainText('annotation a-detached in document doc-1: not written: it is detached');
  expect(download.suggestedFilename()).toBe('Document doc-1.brat.zip');
  const files = unzipFiles(readFileSync((await download.path())!));
  const expected = await callApi<{ files: { name: string; content: string }[] }>(h, 'transfer.export', { documentIds: ['doc-1'], format: 'brat' });
  expect(files).toEqual(expected.files);
  expect(files.map((f) => f.name).sort()).toEqual(['Document doc-1.brat.ann', 'Document doc-1.brat.txt']);
});
