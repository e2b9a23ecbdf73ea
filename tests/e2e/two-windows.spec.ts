// Two windows on one document: the one that saves second rebases its unsent
// changes onto the other's, says so, keeps saving, and keeps what it cannot
// rebase as a visible, downloadable draft — typed text is never dropped.

import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Annotation, DocumentRecord, DocumentSummary, Tag } from '../../src/core/model';
import { killAllHosts, must, startHost, type Host } from '../integration/reliability-host';
import { editorText, openDocument, selectText } from './helpers';
import { tempWorkspacePath } from './web-host';

test.afterEach(async () => killAllHosts());

const open = async (page: Page, host: Host, title: string) => {
  await page.goto(`${host.origin}/#token=${host.token}`);
  await openDocument(page, title);
};

/** Puts the caret after `text` in Edit mode and types `typed`. */
async function typeAfter(page: Page, text: string, typed: string) {
  await selectText(page, text);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(typed);
}

test('the second window rebases its typing onto the first one’s, keeps annotating, and keeps a clashing change and a clashing note as drafts', async ({ context }) => {
  const host = await startHost(tempWorkspacePath());
  const doc = await must<DocumentSummary>(host, 'documents.create', { title: 'Fox', text: 'The quick brown fox jumps over the lazy dog.' });
  const person = (await must<Tag[]>(host, 'tags.list', {}))[0]!;
  const a = await context.newPage();
  const b = await context.newPage();
  await open(a, host, 'Fox');
  await open(b, host, 'Fox');
  for (const page of [a, b]) {
    await page.keyboard.press('Control+e');
    await expect(page.getByTestId('editor')).toHaveAttribute('data-mode', 'edit');
  }

  // A saves first; B typed on the older text.
  await typeAfter(a, 'The', ' VERY');
  await expect(a.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await typeAfter(b, 'fox', ' red');
  await expect(b.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await expect(b.getByTestId('rebase-notice')).toContainText('changed in another window');
  const both = 'The VERY quick brown fox red jumps over the lazy dog.';
  expect(await editorText(b)).toBe(both);
  expect((await must<DocumentRecord>(host, 'documents.get', { id: doc.id })).text).toBe(both);

  // Later operations are sent: B annotates “quick”, and it is stored on “quick”.
  await b.keyboard.press('Control+e');
  await selectText(b, 'quick');
  await b.keyboard.press(person.key ?? '1');
  await expect(b.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  expect(await must<Annotation[]>(host, 'annotations.list', { documentId: doc.id })).toEqual([expect.objectContaining({ quote: 'quick', tagIds: [person.id] })]);

  // A rewrites “lazy”; B, not yet reloaded, types into the same word: B's change cannot be rebased.
  await selectText(a, 'lazy');
  await a.keyboard.type('sleepy');
  await expect(a.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await b.keyboard.press('Control+e');
  await selectText(b, 'lazy');
  await b.keyboard.type('idle');
  await expect(b.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const drafts = b.getByTestId('drafts');
  await expect(drafts).toContainText('idle');
  await expect(drafts).toContainText('lazy');
  const stored = 'The VERY quick brown fox red jumps over the sleepy dog.';
  expect(await editorText(b)).toBe(stored);
  expect((await must<DocumentRecord>(host, 'documents.get', { id: doc.id })).text).toBe(stored);

  // Both write a note on “quick”: A saves first; B's note is kept as a draft, and B shows A's note.
  await a.reload();
  await expect(a.getByTestId('editor')).toBeVisible();
  for (const [page, note] of [
    [a, 'from A'],
    [b, 'from B'],
  ] as const) {
    await page.locator('[data-testid=editor] [data-annotation-id]').click();
    await page.getByTestId('annotation-note').fill(note);
    await page.getByTestId('editor').focus();
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  }
  await expect(drafts).toContainText('from B');
  await expect(b.getByTestId('annotation-note')).toHaveValue('from A');
  expect((await must<Annotation[]>(host, 'annotations.list', { documentId: doc.id }))[0]).toMatchObject({ note: 'from A', tagIds: [person.id] });

  // The drafts can be saved as a file, and they are still there after a reload.
  const [download] = await Promise.all([b.waitForEvent('download'), drafts.getByRole('button', { name: /download/i }).click()]);
  const file = readFileSync((await download.path())!, 'utf8');
  expect(file).toContain('idle');
  expect(file).toContain('from B');
  await b.reload();
  await expect(b.getByTestId('editor')).toBeVisible();
  await expect(b.getByTestId('drafts')).toContainText('idle');
  await expect(b.getByTestId('drafts')).toContainText('from B');
});
