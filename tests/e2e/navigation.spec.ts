// The open document is in the address: a reload in the same tab comes back to
// it (without the printed address), and Back returns to the library.

import { expect, test } from '@playwright/test';
import { openDocument } from './helpers';
import { startHost, type RunningHost } from './web-host';

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('reload keeps the open document; Back returns to the library, Forward to the document', async ({ page }) => {
  host = await startHost({});
  await page.goto(host.url);
  await openDocument(page, 'Riverside Port Authority');
  await expect(page).toHaveURL(/#\/document\//);

  await page.reload();
  await expect(page.getByTestId('editor')).toContainText('Riverside Port Authority');

  await page.goBack();
  await expect(page.getByTestId('document-item')).toHaveCount(1);
  await expect(page.getByTestId('editor')).toHaveCount(0);

  await page.goForward();
  await expect(page.getByTestId('editor')).toContainText('Riverside Port Authority');
});
