import { expect, test, type Page } from '@playwright/test';
import { editorText, highlights, openDocument, selectText } from './helpers';
import { callApi, startHost, type RunningHost } from './web-host';

interface StoredAnnotation {
  id: string;
  start: number;
  end: number;
  quote: string;
  tagIds: string[];
  note: string;
  attributes: Record<string, string>;
  detached: boolean;
}
interface StoredTag {
  id: string;
  name: string;
}

const TEXT = 'Mayor Gong Zheng presided over the meeting.\nThe Pudong plan 😀 was adopted.';

let host: RunningHost;
let documentId: string;
let tags: StoredTag[];

test.beforeEach(async ({ page }) => {
  host = await startHost();
  documentId = (await callApi<{ id: string }>(host, 'documents.create', { title: 'Readout', text: TEXT })).id;
  tags = await callApi<StoredTag[]>(host, 'tags.list', {});
  await page.goto(host.url);
  await openDocument(page);
});
test.afterEach(async () => host.stop());

const tagId = (name: string) => tags.find((t) => t.name === name)!.id;
const stored = () => callApi<StoredAnnotation[]>(host, 'annotations.list', { documentId });
const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

test('annotating with a tag key and with the picker, overlapping, and finding it all after a reload', async ({ page }) => {
  await selectText(page, 'Gong Zheng');
  await page.keyboard.press('1'); // Person
  await selectText(page, 'Mayor Gong Zheng');
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('tag-picker')).toBeVisible();
  await page.keyboard.type('orga');
  await page.keyboard.press('Enter');
  await saved(page);

  const shown = Object.values(await highlights(page));
  expect(shown).toEqual(expect.arrayContaining([{ text: 'Gong Zheng', tags: 'Person' }, { text: 'Mayor Gong Zheng', tags: 'Organisation' }]));
  // Where they overlap, the text sits inside both highlights.
  const idsAroundOverlap = await page.getByTestId('editor').evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.textContent === 'Gong Zheng') {
        const ids = new Set<string>();
        for (let e = n.parentElement; e && e !== root; e = e.parentElement) if (e.dataset.annotationId) ids.add(e.dataset.annotationId);
        return ids.size;
      }
    }
    return 0;
  });
  expect(idsAroundOverlap).toBe(2);
  await expect(page.getByTestId('editor')).toHaveAttribute('data-mode', 'annotate');
  expect(await editorText(page)).toBe(TEXT);

  const annotations = await stored();
  expect(annotations.map((a) => [a.quote, a.start, a.end, a.tagIds])).toEqual([
    ['Mayor Gong Zheng', 0, 16, [tagId('Organisation')]],
    ['Gong Zheng', 6, 16, [tagId('Person')]],
  ]);

  await page.reload();
  // The address keeps the open document.
  await expect(page.getByTestId('editor')).toBeVisible();
  expect(Object.values(await highlights(page))).toEqual(expect.arrayContaining([{ text: 'Gong Zheng', tags: 'Person' }, { text: 'Mayor Gong Zheng', tags: 'Organisation' }]));
});

test('highlights keep covering the same words while the text is edited, in the editor and in the store', async ({ page }) => {
  await selectText(page, 'Gong Zheng');
  await page.keyboard.press('1');
  await selectText(page, 'Pudong plan');
  await page.keyboard.press('4'); // Policy
  await saved(page);

  await page.keyboard.press('Control+e');
  // Type before both, inside one, and right after the other's end.
  await selectText(page, 'Mayor');
  await page.keyboard.press('Home');
  await page.keyboard.type('The ');
  await selectText(page, 'Zheng');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('X');
  await selectText(page, ' 😀');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('s');
  await saved(page);

  expect(await editorText(page)).toBe('The Mayor Gong XZheng presided over the meeting.\nThe Pudong plans 😀 was adopted.');
  expect(Object.values(await highlights(page)).map((h) => h.text).sort()).toEqual(['Gong XZheng', 'Pudong plan']);
  expect((await stored()).map((a) => [a.quote, a.detached])).toEqual([
    ['Gong XZheng', false],
    ['Pudong plan', false],
  ]);

  await page.reload();
  // The address keeps the open document.
  await expect(page.getByTestId('editor')).toBeVisible();
  expect(Object.values(await highlights(page)).map((h) => h.text).sort()).toEqual(['Gong XZheng', 'Pudong plan']);
});

test('undo and redo an annotation, in order with text edits', async ({ page }) => {
  await selectText(page, 'meeting');
  await page.keyboard.press('2');
  await saved(page);
  expect(await stored()).toHaveLength(1);
  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-testid=editor] [data-annotation-id]')).toHaveCount(0);
  await expect.poll(async () => (await stored()).length).toBe(0);
  await page.keyboard.press('Control+y');
  await expect(page.locator('[data-testid=editor] [data-annotation-id]')).toHaveText('meeting');
  await expect.poll(async () => (await stored()).map((a) => a.quote)).toEqual(['meeting']);

  // A text edit after the annotation is undone first, then the annotation.
  await page.keyboard.press('Control+e');
  await selectText(page, 'adopted');
  await page.keyboard.press('End');
  await page.keyboard.type('!');
  await saved(page);
  await page.keyboard.press('Control+z');
  await expect.poll(() => editorText(page)).toBe(TEXT);
  await expect(page.locator('[data-testid=editor] [data-annotation-id]')).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-testid=editor] [data-annotation-id]')).toHaveCount(0);
  await saved(page);
  expect(await stored()).toHaveLength(0);
  expect((await callApi<{ text: string }>(host, 'documents.get', { id: documentId })).text).toBe(TEXT);
});

test('a selected annotation shows its quote, takes a note and another tag, and Delete removes it', async ({ page }) => {
  await selectText(page, 'Pudong plan');
  await page.keyboard.press('4');
  await page.locator('[data-testid=editor] [data-annotation-id]').click();
  await expect(page.getByTestId('annotation-quote')).toHaveText('Pudong plan');
  await page.getByTestId('annotation-note').fill('Pilot zone <b>reform</b>');
  await page.getByTestId('editor').focus();
  await page.keyboard.press('3'); // adds Place to the selected annotation
  await expect(page.getByTestId('annotation-tags')).toContainText('Place');
  await saved(page);
  const [a] = await stored();
  expect(a).toMatchObject({ quote: 'Pudong plan', note: 'Pilot zone <b>reform</b>', tagIds: [tagId('Policy'), tagId('Place')] });
  await expect(page.locator('[data-testid=editor] [data-annotation-id]')).toHaveAttribute('data-tags', 'Policy,Place');

  await page.keyboard.press('Delete');
  await expect(page.locator('[data-testid=editor] [data-annotation-id]')).toHaveCount(0);
  await saved(page);
  expect(await stored()).toHaveLength(0);
  expect(await editorText(page)).toBe(TEXT);
});

test('an annotation whose text is deleted is kept as detached and can be re-attached', async ({ page }) => {
  await selectText(page, 'Pudong');
  await page.keyboard.press('3');
  await saved(page);
  await page.keyboard.press('Control+e');
  await selectText(page, 'Pudong ');
  await page.keyboard.press('Backspace');
  await saved(page);
  await expect(page.locator('[data-testid=editor] [data-annotation-id]')).toHaveCount(0);
  await page.getByRole('tab', { name: /Annotations/ }).click();
  await expect(page.getByTestId('detached-item')).toHaveText('Pudong');
  expect(await stored()).toEqual([expect.objectContaining({ quote: 'Pudong', detached: true })]);

  await page.getByTestId('detached-item').click();
  await selectText(page, 'plan');
  await page.getByTestId('reattach').click();
  await expect(page.locator('[data-testid=editor] [data-annotation-id]')).toHaveText('plan');
  await saved(page);
  expect(await stored()).toEqual([expect.objectContaining({ quote: 'plan', detached: false })]);
});

test('undo of the deletion brings the annotation back on its text, in the store too; redo detaches it again', async ({ page }) => {
  await selectText(page, 'Pudong');
  await page.keyboard.press('3');
  await saved(page);
  await page.keyboard.press('Control+e');
  await selectText(page, 'The Pudong plan');
  await page.keyboard.press('Backspace');
  await saved(page);
  await expect(page.locator('[data-testid=editor] [data-annotation-id]')).toHaveCount(0);
  expect(await stored()).toEqual([expect.objectContaining({ quote: 'Pudong', detached: true })]);

  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-testid=editor] [data-annotation-id]')).toHaveText('Pudong');
  await saved(page);
  expect(await editorText(page)).toBe(TEXT);
  expect(await stored()).toEqual([expect.objectContaining({ quote: 'Pudong', detached: false, start: [...TEXT].indexOf('P', 40) })]);

  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('[data-testid=editor] [data-annotation-id]')).toHaveCount(0);
  await saved(page);
  await expect.poll(async () => (await stored()).map((a) => a.detached)).toEqual([true]);

  // Undone again, and still there after a reload.
  await page.keyboard.press('Control+z');
  await saved(page);
  await page.reload();
  await expect(page.locator('[data-testid=editor] [data-annotation-id]')).toHaveText('Pudong');
  expect(await stored()).toEqual([expect.objectContaining({ quote: 'Pudong', detached: false })]);
});

test('J and K move between annotations; the list filters by tag and text and jumps on click', async ({ page }) => {
  for (const [text, key] of [['Mayor', '1'], ['meeting', '2'], ['Pudong', '3']] as const) {
    await selectText(page, text);
    await page.keyboard.press(key);
  }
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('j');
  await expect(page.locator('.annotation.selected')).toHaveText('Mayor');
  await page.keyboard.press('j');
  await expect(page.locator('.annotation.selected')).toHaveText('meeting');
  await page.keyboard.press('k');
  await expect(page.locator('.annotation.selected')).toHaveText('Mayor');

  await page.getByRole('tab', { name: /Annotations/ }).click();
  await expect(page.getByTestId('annotation-item')).toHaveCount(3);
  await page.getByTestId('annotation-tag-filter').selectOption({ label: 'Place' });
  // Each item names its tags above the text it covers.
  await expect(page.getByTestId('annotation-item').getByTestId('annotation-item-quote')).toHaveText(['Pudong']);
  await expect(page.getByTestId('annotation-item').getByTestId('annotation-item-tags')).toHaveText(['Place']);
  await page.getByTestId('annotation-tag-filter').selectOption({ label: 'All tags' });
  await page.getByTestId('annotation-text-filter').fill('meet');
  await page.getByTestId('annotation-item').click();
  await expect(page.locator('.annotation.selected')).toHaveText('meeting');
});

test('find in document counts matches and moves between them', async ({ page }) => {
  await page.keyboard.press('Control+f');
  await page.getByTestId('find-input').fill('the');
  await expect(page.getByTestId('find-count')).toHaveText('1 of 2');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('find-count')).toHaveText('2 of 2');
  await expect(page.locator('.find-match')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(page.locator('.find-match')).toHaveCount(0);
});

test('tags: create one, add the MQM error types with a severity, and deleting a tag in use asks with the count', async ({ page }) => {
  await page.getByTestId('tags-tab').click();
  await page.getByTestId('new-tag-name').fill('Source');
  await page.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.locator('[data-testid=tag-row][data-tag-name="Source"]')).toBeVisible();
  await page.getByTestId('add-mqm').click();
  await expect(page.locator('[data-testid=tag-row][data-tag-name="Omission"]')).toBeVisible();

  await selectText(page, 'was adopted');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Mistrans');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('severity')).toHaveValue('minor');
  await page.getByTestId('severity').selectOption('major');
  await saved(page);
  expect(await stored()).toEqual([expect.objectContaining({ quote: 'was adopted', attributes: { severity: 'major' } })]);
  await page.getByRole('tab', { name: /Annotations/ }).click();
  await expect(page.getByTestId('quality-score')).toContainText('5 penalty points');

  await page.getByTestId('tags-tab').click();
  await page.getByRole('button', { name: 'Delete tag Accuracy' }).click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('1 annotation loses them');
  await page.getByTestId('confirm-button').click();
  await expect(page.locator('[data-testid=tag-row][data-tag-name="Accuracy"]')).toHaveCount(0);
  await expect(page.locator('[data-testid=tag-row][data-tag-name="Mistranslation"]')).toHaveCount(0);
});

test('text is never interpreted as HTML: markup in text, notes and tag names shows as text', async ({ page }) => {
  const hostile = '<img src=x onerror="window.__pwned=1"></script><b>bold</b>';
  await callApi(host, 'documents.create', { title: hostile, text: `Before ${hostile} after` });
  await callApi(host, 'tags.create', { name: '<img src=y onerror="window.__pwned=2">', color: '#112233', key: '9' });
  // Back to the library, which reads the documents again.
  await page.goBack();
  await expect(page.getByTestId('document-item').filter({ hasText: '<img' })).toBeVisible();
  await openDocument(page, '<img');
  expect(await editorText(page)).toBe(`Before ${hostile} after`);
  await selectText(page, '<b>bold</b>');
  await page.keyboard.press('9');
  await expect(page.locator('[data-testid=editor] [data-annotation-id]')).toHaveAttribute('data-tags', '<img src=y onerror="window.__pwned=2">');
  await expect(page.getByTestId('annotation-tags')).toContainText('<img src=y');
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img').count()).toBe(0);
});

test('the library shows annotation counts and searches across documents', async ({ page }) => {
  await selectText(page, 'Pudong');
  await page.keyboard.press('3');
  await saved(page);
  await callApi(host, 'documents.create', { title: 'Other readout', text: 'Nothing about that district here.' });
  await page.getByTestId('back-to-library').click();
  const row = page.getByTestId('document-item').filter({ has: page.getByRole('button', { name: 'Readout', exact: true }) });
  await expect(row.getByTestId('annotation-count')).toHaveText('1');
  await page.getByTestId('library-search').fill('pudong');
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await expect(page.getByTestId('search-hit')).toContainText('Readout');
  await expect(page.getByTestId('search-hit').locator('mark')).toHaveText('Pudong');
  await page.getByTestId('search-hit').getByRole('button').click();
  await expect(page.getByTestId('editor')).toContainText('The Pudong plan');
});
