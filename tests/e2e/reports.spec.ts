// The reports view on the real web host: MQM errors with severities marked in
// two documents through the editor, both scorecards and the workspace's
// against a hand computation, an error opened in its document, the filters,
// and the report files it saves.

import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openDocument, selectText } from './helpers';
import { callApi, startHost, type RunningHost } from './web-host';

let hosts: RunningHost[] = [];
test.afterEach(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
  hosts = [];
});

const A = 'The minister met the delegation in Beijing on Monday and the two sides signed three agreements on trade and energy.';
const B = 'Officials said the plan would cut emissions by half.';

/** Marks `word` as an MQM error of the type the picker finds for `type`, with a severity, as a reviewer does. */
async function markError(page: Page, word: string, type: string, severity: 'minor' | 'major') {
  await selectText(page, word);
  await page.keyboard.press('Control+k');
  await page.keyboard.type(type);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('annotation-quote')).toHaveText(word);
  await expect(page.getByTestId('severity')).toHaveValue('minor');
  if (severity !== 'minor') await page.getByTestId('severity').selectOption(severity);
}

test('scorecards of two documents and of the workspace match a hand computation, open their errors, and export as files', async ({ page }) => {
  const h = await startHost();
  hosts.push(h);
  await callApi(h, 'tags.addTaxonomy', { name: 'mqm' });
  const a = await callApi<{ id: string }>(h, 'documents.create', { title: 'Readout A', text: A });
  const b = await callApi<{ id: string }>(h, 'documents.create', { title: 'Readout B', text: B });
  type Stored = { quote: string; attributes: Record<string, string> };
  const stored = async (documentId: string) =>
    (await callApi<Stored[]>(h, 'annotations.list', { documentId })).map((s) => [s.quote, s.attributes.severity]).sort();

  // A, 20 words: major 5 + minor 1 = 6 → 100 × (1 − 6/20) = 70
  await page.goto(h.url);
  await openDocument(page, 'Readout A');
  await markError(page, 'minister', 'Mistrans', 'major');
  await markError(page, 'Monday', 'Mistrans', 'minor');
  await expect.poll(() => stored(a.id)).toEqual([['Monday', 'minor'], ['minister', 'major']]);
  // B, 9 words: minor 1 → 100 × (1 − 1/9) = 88.89
  await page.goto(h.url);
  await openDocument(page, 'Readout B');
  await markError(page, 'plan', 'Wrong term', 'minor');
  await expect.poll(() => stored(b.id)).toEqual([['plan', 'minor']]);
  // Together: 7 points over 29 words → 75.86
  await callApi(h, 'documents.setStatus', { id: b.id, status: 'done' });

  await page.goto(h.url);
  await page.getByTestId('reports-button').click();
  await expect(page).toHaveURL(/#\/reports$/);
  const documents = page.getByRole('table', { name: 'Score per document' });
  await expect(documents.getByRole('row', { name: /Readout A/ }).getByRole('cell')).toHaveText(['Readout A', '20', '2', '6', '70', 'fail', 'Scorecard']);
  await expect(documents.getByRole('row', { name: /Readout B/ }).getByRole('cell')).toHaveText(['Readout B', '9', '1', '1', '88.89', 'fail', 'Scorecard']);
  const workspace = page.locator('section', { has: page.getByRole('heading', { name: 'Workspace scorecard' }) });
  await expect(workspace.locator('dd.score')).toHaveText('75.86');
  await expect(workspace.getByRole('img', { name: 'Errors by category and severity: all documents' })).toBeVisible();

  // Documents by status, and the scorecard of the done ones only.
  const insights = page.getByTestId('insights');
  await expect(insights.getByRole('table', { name: 'Documents by status' }).getByRole('row')).toHaveText(['StatusDocuments', 'New0', 'In progress1', 'Done1']);
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Done' });
  await expect(documents.getByRole('row')).toHaveCount(2);
  await expect(workspace.locator('dd.score')).toHaveText('88.89');
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'any' });
  await expect(documents.getByRole('row')).toHaveCount(3);

  await documents.getByRole('row', { name: /Readout A/ }).getByRole('button', { name: 'Scorecard' }).click();
  const card = page.locator('section', { has: page.getByRole('heading', { name: 'Scorecard: Readout A' }) });
  await expect(card.locator('dd.score')).toHaveText('70');
  const errors = card.getByRole('table', { name: 'Errors', exact: true });
  await expect(errors.getByRole('row')).toHaveCount(3);
  await expect(errors.getByRole('row').nth(1).getByRole('cell')).toHaveText(['“minister”', 'Mistranslation', 'major', '']);

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
    if (format === 'csv') {
      const lines = saved.split('\r\n');
      expect(lines[0]).toBe('document_id,title,words,errors,neutral,minor,major,critical,unrated,penalty,per_word_penalty,score,verdict,problem');
      expect(lines[1]).toBe(`${a.id},Readout A,20,2,0,1,1,0,0,6,0.3,70,fail,`);
      expect(lines[2]).toMatch(new RegExp(`^${b.id},Readout B,9,1,0,1,0,0,0,1,0\\.1111\\d*,88\\.888\\d*,fail,$`));
      expect(lines[3]).toMatch(/^\*,all documents,29,3,0,2,1,0,0,7,0\.241379\d*,75\.862\d*,fail,$/);
    }
    if (format === 'json') {
      const report = JSON.parse(saved);
      expect(report.workspace.scorecard).toMatchObject({ words: 29, penalty: 7, errorCount: 3, verdict: 'fail' });
      expect(report.documents.map((d: { document: { title: string }; words: number; scorecard: { penalty: number } }) => [d.document.title, d.words, d.scorecard.penalty])).toEqual([
        ['Readout A', 20, 6],
        ['Readout B', 9, 1],
      ]);
      expect(report.insights.statuses).toEqual([
        { status: 'new', documents: 0 },
        { status: 'in-progress', documents: 1 },
        { status: 'done', documents: 1 },
      ]);
    }
    if (format === 'html') {
      expect(saved).toContain('<dd class="score">75.86</dd>');
      expect(saved).toContain('<dd class="score">70</dd>');
      expect(saved).toContain('<dd class="score">88.89</dd>');
      expect(saved).not.toMatch(/<script|src="http|href="http/i);
    }
  }

  // An error of the list opens its document with its annotation selected.
  await errors.getByRole('button', { name: '“minister”' }).click();
  // The address names the document and the panel that shows the selected annotation.
  await expect(page).toHaveURL(new RegExp(`#/document/${a.id}/annotation$`));
  await expect(page.getByTestId('annotation-quote')).toHaveText('minister');
  await expect(page.getByTestId('severity')).toHaveValue('major');
});

test('a scorecard per word of the Chinese source, where the document has one', async ({ page }) => {
  const h = await startHost();
  hosts.push(h);
  await callApi(h, 'tags.addTaxonomy', { name: 'mqm' });
  const a = await callApi<{ id: string }>(h, 'documents.create', { title: 'Readout A', text: A });
  await callApi(h, 'documents.create', { title: 'Readout B', text: B });
  // 部长 | 星期一 | 在 | 北京 | 会见 | 了 | 客人 | 双方 | 签署 | 了 | 三项 | 贸易 | 和 | 能源 | 协议: 15 words.
  await callApi(h, 'bilingual.setSource', { documentId: a.id, text: '部长星期一在北京会见了客人，双方签署了三项贸易和能源协议。', language: 'zh' });
  const start = A.indexOf('minister');
  await callApi(h, 'annotations.create', { documentId: a.id, baseEditCount: 0, start, end: start + 8, tagIds: ['mqm-accuracy-mistranslation'], attributes: { severity: 'major' } });

  await page.goto(h.url);
  await page.getByTestId('reports-button').click();
  const documents = page.getByRole('table', { name: 'Score per document' });
  await documents.getByRole('row', { name: /Readout A/ }).getByRole('button', { name: 'Scorecard' }).click();
  const card = page.locator('section', { has: page.getByRole('heading', { name: 'Scorecard: Readout A' }) });
  // 5 / 20 → 75 per word of the translation; 5 / 15 → 66.67 per word of the source.
  await expect(card.locator('dd.score')).toHaveText('75');
  await page.getByRole('radio', { name: 'the source, where there is one' }).check();
  await expect(card.locator('dd.score')).toHaveText('66.67');
  await expect(card.getByText('of the source (zh)')).toBeVisible();
  // B has no source: its translation's 9 words; together 15 + 9 = 24 words, 5 points → 79.17.
  await expect(documents.getByRole('row', { name: /Readout B/ }).getByRole('cell').nth(1)).toHaveText('9');
  await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Workspace scorecard' }) }).locator('dd.score')).toHaveText('79.17');
});
