// The report as PDF in the desktop app: "Save as PDF" asks main through the
// preload bridge, main prints the page with printToPDF and saves the file
// where the save dialog says. Skipped, with the reason, where Electron's
// binary is not installed.

import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DesktopBridge, ReportPdfResult } from '../../src/api/common/desktop-bridge';
import { hasElectron, invoke, launchApp, missingElectron, tempDir, tempWorkspacePath, type RunningApp } from './desktop-app';

test.skip(!hasElectron, missingElectron);

let running: RunningApp[] = [];
test.afterEach(async () => {
  await Promise.all(running.map(({ app }) => app.close().catch(() => {})));
  running = [];
});

test('Save as PDF prints the reports view to a PDF file where the user saves it', async () => {
  const started = await launchApp({ workspacePath: tempWorkspacePath() });
  running.push(started);
  const { app, page } = started;
  await invoke(page, 'tags.addTaxonomy', { name: 'mqm' });
  const doc = await invoke<{ id: string }>(page, 'documents.create', { title: 'Readout A', text: 'The minister met the delegation on Monday.' });
  await invoke(page, 'annotations.create', { documentId: doc.id, baseEditCount: 0, start: 4, end: 12, tagIds: ['mqm-accuracy-mistranslation'], attributes: { severity: 'major' } });
  const target = join(tempDir('pdf'), 'report.pdf');
  await app.evaluate(({ dialog }, filePath) => {
    Object.assign(dialog, { showSaveDialog: async () => ({ canceled: false, filePath }) });
  }, target);

  await page.getByTestId('reports-button').click();
  await expect(page.getByRole('table', { name: 'Score per document' })).toContainText('Readout A');
  await page.getByRole('button', { name: 'Save as PDF' }).click();
  await expect(page.getByText(`Saved ${target}`)).toBeVisible();
  expect(existsSync(target)).toBe(true);
  expect(readFileSync(target).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('the PDF channel refuses a file name with a folder in it', async () => {
  const started = await launchApp({ workspacePath: tempWorkspacePath() });
  running.push(started);
  const result = await started.page.evaluate(() => (window as unknown as { scholia: DesktopBridge }).scholia.saveReportPdf('../outside.pdf'));
  expect(result).toEqual({ saved: false, error: 'the file name must be one name ending in .pdf' } satisfies ReportPdfResult);
});
