// A long import shows its progress with a Cancel button (issue 12, item 10),
// on the real web host; cancelled, it leaves the library as it was.

import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { startHost, type RunningHost } from './web-host';

let host: RunningHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

test('a long import shows its progress and, cancelled, imports nothing', async ({ page }) => {
  test.setTimeout(180_000);
  host = await startHost();
  await page.goto(host.url);
  await expect(page.getByTestId('import-button')).toBeVisible();
  const before = await page.getByTestId('document-item').count();
  const text = 'The minister said the plan will go ahead, and the committee agreed.\n'.repeat(15_000);
  // However fast this machine is, the import must still be running when Cancel is pressed: another
  // writer (this test) holds the workspace's write lock, so the import waits at its first write (the
  // store waits up to 5 s for a lock) until the cancel has reached the host.
  const otherWriter = new Database(host.workspacePath);
  otherWriter.exec('BEGIN IMMEDIATE');
  try {
    await page.getByTestId('import-input').setInputFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
    const progress = page.locator('[data-sonner-toast]').filter({ hasText: 'Importing long.txt' });
    await expect(progress).toBeVisible({ timeout: 60_000 });
    const cancelAnswered = page.waitForResponse((response) => response.url().endsWith('/api/transfer.cancel'));
    await progress.getByRole('button', { name: 'Cancel' }).click();
    expect(await (await cancelAnswered).json()).toEqual({ ok: true, value: { cancelled: true } });
  } finally {
    otherWriter.exec('ROLLBACK');
    otherWriter.close();
  }
  await expect(page.getByTestId('library-message')).toContainText('long.txt: import cancelled, nothing was imported', { timeout: 60_000 });
  await expect(page.locator('[data-sonner-toast]').filter({ hasText: 'Importing long.txt' })).toHaveCount(0);
  await expect(page.getByTestId('document-item')).toHaveCount(before);
});
