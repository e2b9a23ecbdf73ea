// The Source panel: a pair of texts imported through the api, shown side by
// side a row per link, stacked on demand, moved through with Alt+↓ / Alt+↑,
// with a sentence without counterpart marked and bilingual findings shown.

import { expect, test } from '@playwright/test';
import { openDocument } from './helpers';
import { callApi, startHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => host.stop());

// Written for this test: the second sentence's translation is missing, the third loses a figure.
const SOURCE = '国家统计局今天发布了数据。\n工业生产保持稳定。\n全年出口增长了5.8%，达到3.5万亿元。';
const TRANSLATION = 'The National Bureau of Statistics released data today.\nExports grew over the year, reaching 3.5 trillion yuan.';

test('source and translation side by side, Alt+Down moves on both, omission and findings shown', async ({ page }) => {
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  const { documentIds } = await callApi<{ documentIds: string[] }>(host, 'transfer.import', {
    files: [
      { name: 'report.zh.txt', contentBase64: b64(SOURCE) },
      { name: 'report.en.txt', contentBase64: b64(TRANSLATION) },
    ],
  });
  // The view is under test here, not the aligner (its figures are in docs/bilingual-eval.md): the alignment is set as a user's correction would.
  const at = (text: string, part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });
  const [s1, s2, s3] = SOURCE.split('\n') as [string, string, string];
  const [t1, t3] = TRANSLATION.split('\n') as [string, string];
  await callApi(host, 'bilingual.updateAlignment', {
    documentId: documentIds[0],
    operation: {
      op: 'replace',
      alignment: [
        { source: at(SOURCE, s1), translation: at(TRANSLATION, t1) },
        { source: at(SOURCE, s2), translation: null },
        { source: at(SOURCE, s3), translation: at(TRANSLATION, t3) },
      ],
    },
  });
  await page.goto(host.url);
  await openDocument(page, 'report');
  await page.getByTestId('source-tab').click();
  const pane = page.getByTestId('bilingual-pane');
  const links = pane.getByTestId('bilingual-link');
  await expect(links).toHaveCount(3);
  await expect(links.nth(0).locator('[data-side="source"]')).toContainText('国家统计局今天发布了数据。');
  await expect(links.nth(0).locator('[data-side="translation"]')).toContainText('The National Bureau of Statistics released data today.');
  await expect(links.nth(1).getByTestId('no-counterpart')).toContainText('no translation');
  await expect(pane.locator('[data-finding-rule="omission"]')).toBeVisible();
  await expect(pane.locator('[data-finding-rule="number-mismatch"]').first()).toBeVisible();

  await links.nth(0).click();
  await expect(links.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(links.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(links.nth(1)).toHaveAttribute('aria-selected', 'true');

  const side = async () => (await links.nth(0).locator('[data-side="translation"]').boundingBox())!;
  const sourceBox = (await links.nth(0).locator('[data-side="source"]').boundingBox())!;
  expect((await side()).x).toBeGreaterThan(sourceBox.x);
  await pane.getByTestId('bilingual-stacked').check();
  expect((await side()).y).toBeGreaterThan(sourceBox.y);
});
