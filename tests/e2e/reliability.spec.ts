// What the page calls saved survives a crash of the host; text typed just
// before the page closes is saved on the way out; and when the host is gone
// the page never claims to have saved what it could not.

import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Annotation, DocumentRecord, DocumentSummary, Tag } from '../../src/core/model';
import { killAllHosts, must, startHost, type Host } from '../integration/reliability-host';
import { editorText, openDocument, selectText } from './helpers';

test.afterEach(async () => killAllHosts());

const workspacePath = () => join(mkdtempSync(join(tmpdir(), 'scholia-e2e-reliability-')), 'workspace.sqlite');
const open = async (page: Page, host: Host, title: string) => {
  await page.goto(`${host.origin}/#token=${host.token}`);
  await openDocument(page, title);
};

test('text and annotations the page shows as saved survive a SIGKILL of the host', async ({ page }) => {
  const path = workspacePath();
  let host = await startHost(path);
  const doc = await must<DocumentSummary>(host, 'documents.create', { title: 'Crash', text: 'Premier Li Qiang met the delegation.We must act' });
  const person = (await must<Tag[]>(host, 'tags.list', {}))[0]!;
  await open(page, host, 'Crash');

  // Annotate: a name tagged with the first tag's key.
  await selectText(page, 'Li Qiang');
  await page.keyboard.press(person.key ?? '1');
  await expect(page.locator('[data-annotation-id]')).toHaveCount(1);
  // Edit: the missing space, and a word at the end.
  await page.keyboard.press('Control+e');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-mode', 'edit');
  await selectText(page, 'delegation.');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(' ');
  await selectText(page, 'act');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(' now 😀');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  await host.kill('SIGKILL');
  host = await startHost(path);
  await open(page, host, 'Crash');
  const expected = 'Premier Li Qiang met the delegation. We must act now 😀';
  expect(await editorText(page)).toBe(expected);
  await expect(page.locator('[data-annotation-id]')).toHaveText('Li Qiang');
  const stored = await must<DocumentRecord>(host, 'documents.get', { id: doc.id });
  expect(stored.text).toBe(expected);
  const annotations = await must<Annotation[]>(host, 'annotations.list', { documentId: doc.id });
  expect(annotations).toEqual([expect.objectContaining({ quote: 'Li Qiang', tagIds: [person.id] })]);
});

test('text typed just before the page closes is saved on the way out', async ({ page, context }) => {
  const host = await startHost(workspacePath());
  const doc = await must<DocumentSummary>(host, 'documents.create', { title: 'Closing', text: 'Draft' });
  await open(page, host, 'Closing');
  await page.keyboard.press('Control+e');
  await selectText(page, 'Draft');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(' final');
  // Well within the quarter second the editor waits before sending a batch.
  await page.close({ runBeforeUnload: true });
  await expect.poll(async () => (await must<DocumentRecord>(host, 'documents.get', { id: doc.id })).text, { timeout: 5000 }).toBe('Draft final');
  await context.close();
});

test('with the host gone, the page says the text is not saved, and what it saved before is kept', async ({ page }) => {
  const path = workspacePath();
  let host = await startHost(path);
  const doc = await must<DocumentSummary>(host, 'documents.create', { title: 'Gone', text: 'Kept.' });
  await open(page, host, 'Gone');
  await page.keyboard.press('Control+e');
  await selectText(page, 'Kept.');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(' Saved');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  await host.kill('SIGKILL');
  await page.keyboard.type(' lost');
  await page.getByTestId('editor').blur();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', /^(error|saving|pending)$/);
  await page.waitForTimeout(1000);
  await expect(page.getByTestId('save-status')).not.toHaveAttribute('data-state', 'saved');

  host = await startHost(path);
  expect((await must<DocumentRecord>(host, 'documents.get', { id: doc.id })).text).toBe('Kept. Saved');
});
