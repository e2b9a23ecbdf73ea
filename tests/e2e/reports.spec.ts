// The reports view on the real web host: MQM errors with severities in two
// documents, both scorecards and the workspace's against a hand computation,
// and the report files it saves.

import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { callApi, startHost, type RunningHost } from './web-host';

let hosts: RunningHost[] = [];
test.afterEach(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
  hosts = [];
});

const A = 'The minister met the delegation in Beijing on Monday and the two sides signed three agreements on trade and energy.';
const B = 'Officials said the plan would cut emissions by half.';

test('scorecards of two documents and of the workspace match a hand computation, and export as files', async ({ page }) => {
  const h = await startHost();
  hosts.push(h);
  await callApi(h, 'tags.addTaxonomy', { name: 'mqm' });
  const a = await callApi<{ id: string }>(h, 'documents.create', { title: 'Readout A', text: A });
  const b = await callApi<{ id: string }>(h, 'documents.create', { title: 'Readout B', text: B });
  const mark = (documentId: string, text: string, word: string, tag: string, severity: string, note = '') =>
    callApi(h, 'annotations.create', { documentId, baseEditCount: 0, start: text.indexOf(word), end: text.indexOf(word) + word.length, tagIds: [tag], attributes: { severity }, note });
  // A, 20 words: major 5 + minor 1 = 6 → 100 × (1 − 6/20) = 70
  await mark(a.id, A, 'minister', 'mqm-accuracy-mistranslation', 'major', 'Source: vice minister');
  await mark(a.id, A, 'Monday', 'mqm-accuracy-mistranslation', 'minor');
  // B, 9 words: minor 1 → 100 × (1 − 1/9) = 88.89
  await mark(b.id, B, 'plan', 'mqm-terminology-wrong-term', 'minor');
  // Together: 7 points over 29 words → 75.86

  await page.goto(h.url);
  await page.getByTestId('reports-button').click();
  await expect(page).toHaveURL(/#\/reports$/);
  const documents = page.getByRole('table', { name: 'Score per document' });
  await expect(documents.getByRole('row', { name: /Readout A/ }).getByRole('cell')).toHaveText(['Readout A', '20', '2', '6', '70', 'fail', 'Scorecard']);
  await expect(documents.getByRole('row', { name: /Readout B/ }).getByRole('cell')).toHaveText(['Readout B', '9', '1', '1', '88.89', 'fail', 'Scorecard']);
  await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Workspace scorecard' }) }).locator('dd.score')).toHaveText('75.86');

  await documents.getByRole('row', { name: /Readout A/ }).getByRole('button', { name: 'Scorecard' }).click();
  const card = page.locator('section', { has: page.getByRole('heading', { name: 'Scorecard: Readout A' }) });
  await expect(card.locator('dd.score')).toHaveText('70');
  await expect(card.getByRole('table', { name: 'Errors', exact: true }).getByRole('row')).toHaveCount(3);
  await expect(card.getByRole('table', { name: 'Errors', exact: true })).toContainText('Source: vice minister');

  // The workspace's settings: minor 0.5, pass from 70 → A: 5.5 / 20 → 72.5, a pass.
  await page.getByLabel('minor').fill('0.5');
  await page.getByLabel('Pass from score').fill('70');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(card.locator('dd.score')).toHaveText('72.50');
  await expect(documents.getByRole('row', { name: /Readout A/ }).getByRole('cell')).toHaveText(['Readout A', '20', '2', '5.50', '72.50', 'pass', 'Scorecard']);
  expect(await callApi(h, 'settings.mqm.get', {})).toEqual({ multipliers: { neutral: 0, minor: 0.5, major: 5, critical: 25 }, threshold: 70 });
  // Only the documents with a Terminology error (its subtype counts).
  await page.getByRole('combobox', { name: 'Tag' }).selectOption({ label: 'Terminology' });
  await expect(documents.getByRole('row')).toHaveCount(2);
  await expect(documents).toContainText('Readout B');
  await page.getByRole('combobox', { name: 'Tag' }).selectOption({ label: 'any' });
  await expect(documents.getByRole('row')).toHaveCount(3);
  await callApi(h, 'settings.mqm.set', { multipliers: { neutral: 0, minor: 1, major: 5, critical: 25 }, threshold: 95 });

  for (const format of ['html', 'csv', 'json'] as const) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Export ${format.toUpperCase()}` }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^scholia-report-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
    const saved = readFileSync((await download.path())!, 'utf8');
    if (format === 'csv') expect(saved.split('\r\n')[3]).toMatch(/^\*,all documents,29,3,0,2,1,0,0,7,0\.241379\d*,75\.862\d*,fail,$/);
    if (format === 'json') expect(JSON.parse(saved).workspace.scorecard).toMatchObject({ words: 29, penalty: 7 });
    if (format === 'html') expect(saved).toContain('<dd class="score">75.86</dd>');
  }
});
