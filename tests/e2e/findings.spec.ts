import { expect, test, type Page } from '@playwright/test';
import { editorText, openDocument, selectText } from './helpers';
import { callApi, startHost, type RunningHost } from './web-host';

interface StoredEdit {
  seq: number;
  origin: string;
  removed: string;
  inserted: string;
}

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost({});
});
test.afterEach(async () => host.stop());

const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
async function sample(page: Page) {
  await page.goto(host.url);
  await openDocument(page, 'Riverside');
  const [doc] = await callApi<{ id: string }[]>(host, 'documents.list', {});
  return doc!.id;
}

test('the sample document opens with its artifacts underlined', async ({ page }) => {
  await sample(page);
  const rules = await page.locator('[data-finding-rule]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-finding-rule')))].sort());
  expect(rules).toEqual(
    expect.arrayContaining([
      'duplicated-phrase',
      'full-width-punctuation',
      'glued-modal',
      'missing-space-after-comma',
      'missing-space-after-sentence',
      'mojibake',
      'repeated-word',
      'source-boilerplate',
      'space-before-punctuation',
      'untranslated-cjk',
    ]),
  );
  // Legitimate look-alikes stay clean: abbreviations, decimals, thousands, times, URLs, "Li Li".
  for (const clean of ['U.S.', '3.5%', '1,250,000', '10:30 a.m.', 'plan-v2.1.html', 'office@port.example.org', 'Li Li']) {
    const flagged = await page.locator('[data-finding-rule]').evaluateAll((els, text) => els.some((e) => text.includes(e.textContent ?? '') && (e.textContent ?? '').trim().length > 1), clean);
    expect(flagged, `${clean} must not be flagged`).toBe(false);
  }
});

test('a fix applied with the keyboard, fix all safe, the changes listed, one reverted, and all of it after a reload', async ({ page }) => {
  const id = await sample(page);
  const original = (await callApi<{ text: string }>(host, 'documents.get', { id })).text;

  // Caret onto "wantContinue": the popover shows the message and the fix; Ctrl+. applies it.
  await selectText(page, 'wantContinue');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('finding-popover')).toHaveAttribute('data-rule', 'glued-modal');
  await page.keyboard.press('Control+.');
  await expect(page.getByTestId('editor')).toContainText('terminals. Continue to optimize');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-mode', 'annotate');

  await page.getByTestId('findings-tab').click();
  await page.getByTestId('fix-all-safe').click();
  await saved(page);
  const fixed = await editorText(page);
  // The repeats and the footer go too: each of those fixes is certain.
  expect(fixed).toContain('reached a higher level. We must continue');
  expect(fixed).toContain('vessels and the intelligent transformation');
  expect(fixed).not.toContain('all right reserved');
  expect(fixed).toContain('shore power facilities, Promote');
  expect(fixed).toContain('Yangtze River Delta, and promote');
  expect(fixed).toContain('production (especially in hazardous cargo yards)');
  expect(fixed).toContain("The authority’s full plan");
  expect(fixed).toContain('the port, and all departments');
  expect(fixed).toContain('新基建'); // flagged for a human, never changed
  // What remains are suggestions and human-only findings.
  await expect(page.locator('[data-testid=finding-group][data-rule=missing-space-after-sentence]')).toHaveCount(0);
  await expect(page.locator('[data-testid=finding-group][data-rule=untranslated-cjk]')).toHaveCount(1);

  const edits = await callApi<StoredEdit[]>(host, 'edits.list', { documentId: id });
  expect(edits[0]).toMatchObject({ seq: 1, origin: 'rule:glued-modal', removed: '.wantContinue', inserted: '. Continue' });
  expect(new Set(edits.map((e) => e.origin))).toEqual(
    new Set([
      'rule:glued-modal',
      'rule:missing-space-after-sentence',
      'rule:missing-space-after-comma',
      'rule:space-before-punctuation',
      'rule:full-width-punctuation',
      'rule:mojibake',
      'rule:duplicated-phrase',
      'rule:repeated-word',
      'rule:source-boilerplate',
    ]),
  );

  await page.getByTestId('changes-tab').click();
  await expect(page.getByTestId('edit-item')).toHaveCount(edits.length);
  await expect(page.getByTestId('edit-distance')).not.toHaveText(/^0 characters/);
  // Revert the first fix ("wantContinue"): the newest is listed first, so it is the last item.
  await page.getByTestId('edit-item').last().getByTestId('revert-edit').click();
  await expect(page.getByTestId('editor')).toContainText('terminals.wantContinue to optimize');
  await saved(page);
  const after = await callApi<StoredEdit[]>(host, 'edits.list', { documentId: id });
  expect(after.at(-1)).toMatchObject({ origin: 'revert', removed: '. Continue', inserted: '.wantContinue' });
  await page.getByTestId('compare-toggle').click();
  await expect(page.getByTestId('compare-view').locator('ins').first()).toBeVisible();

  const stored = await callApi<{ text: string; originalText: string }>(host, 'documents.get', { id });
  expect(stored.originalText).toBe(original);
  await page.reload();
  // The address keeps the open document.
  await expect(page.getByTestId('editor')).toBeVisible();
  expect(await editorText(page)).toBe(stored.text.replace(/\r\n/g, '\n'));
  await page.getByTestId('changes-tab').click();
  await expect(page.getByTestId('edit-item')).toHaveCount(after.length);
});

test('a dismissed finding stays dismissed after a reload while its text is unchanged', async ({ page }) => {
  await sample(page);
  const repeated = page.locator('[data-finding-rule=repeated-word]');
  await expect(repeated).toHaveCount(1);
  await repeated.click();
  await expect(page.getByTestId('finding-popover')).toHaveAttribute('data-rule', 'repeated-word');
  await page.getByTestId('dismiss-finding').click();
  await expect(repeated).toHaveCount(0);
  await page.reload();
  // The address keeps the open document.
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.locator('[data-finding-rule=glued-modal]')).toHaveCount(1);
  await expect(page.locator('[data-finding-rule=repeated-word]')).toHaveCount(0);
});

test('typing re-checks the paragraph: a new artifact is underlined, a corrected one goes', async ({ page }) => {
  await sample(page);
  await page.keyboard.press('Control+e');
  await selectText(page, 'Monday.The');
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 'Monday.'.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.type(' ');
  await expect(page.getByTestId('editor')).toContainText('Monday. The port');
  await expect(page.locator('[data-finding-rule=missing-space-after-sentence]')).toHaveCount(1);
  await page.keyboard.type('x  y');
  await expect(page.locator('[data-finding-rule=repeated-spaces]')).toHaveCount(1);
});
