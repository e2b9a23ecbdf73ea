// A long import shows its progress with a Cancel button (issue 12, item 10),
// on the real web host; cancelled, it leaves the library as it was.

import { expect, test } from '@playwright/test';
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
  // 15 MB of text: reading, hashing and indexing it takes the host seconds.
  const text = 'The minister said the plan will go ahead, and the committee agreed.\n'.repeat(220_000);
  await page.getByTestId('import-input').setInputFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
  const progress = page.locator('[data-sonner-toast]').filter({ hasText: 'Importing long.txt' });
  // The page reads the file and sends it first: on a loaded machine that alone takes seconds.
  await expect(progress).toBeVisible({ timeout: 60_000 });
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('library-message')).toContainText('long.txt: import cancelled, nothing was imported', { timeout: 60_000 });
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('document-item')).toHaveCount(before);
});
