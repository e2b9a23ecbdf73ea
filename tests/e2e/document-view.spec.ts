// Issue 11 (workbench UI), the document view: the side tabs, the Selected
// panel's hint, the finding popover, keys that explain why they did nothing,
// the keyboard sheet, and its layout and accessibility at three sizes.

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { editorText, openDocument, selectText } from './helpers';
import { callApi, startHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => host.stop());

const TEXT = 'We met at the the port on Monday.\nThe terminals.wantContinue to grow, said Premier Li Qiang.';

async function open(page: Page, options: { mqm?: boolean; size?: { width: number; height: number } } = {}) {
  const doc = await callApi<{ id: string }>(host, 'documents.create', { title: 'Port readout', text: TEXT });
  if (options.mqm) await callApi(host, 'tags.addTaxonomy', { name: 'mqm' });
  if (options.size) await page.setViewportSize(options.size);
  await page.goto(host.url);
  await openDocument(page, 'Port readout');
  return doc.id;
}

test('bug 3: the side tabs sit on one row, and with MQM tags the tag menu of the Selected panel stays in the window', async ({ page }) => {
  await open(page, { mqm: true, size: { width: 1024, height: 768 } });
  const tabs = page.getByRole('tablist', { name: 'Side panels' }).getByRole('tab');
  await expect(tabs).toHaveCount(6);
  const tops = new Set<number>();
  for (const tab of await tabs.all()) {
    const box = (await tab.boundingBox())!;
    tops.add(Math.round(box.y));
    expect(box.x + box.width, 'each tab lies inside the window').toBeLessThanOrEqual(1024);
  }
  expect([...tops], 'every tab on the same row').toHaveLength(1);
  // Nothing of a tab is cut: the bar does not scroll, and each tab shows all it holds.
  const tablist = page.getByRole('tablist', { name: 'Side panels' });
  expect(await tablist.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
  for (const tab of await tabs.all()) expect(await tab.evaluate((el) => el.scrollWidth - el.clientWidth), await tab.getAttribute('aria-label') ?? '').toBeLessThanOrEqual(1);
  // Arrow keys move between tabs, as in any tab bar.
  await page.getByTestId('findings-tab').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('changes-tab')).toBeFocused();
  await expect(page.getByTestId('changes-tab')).toHaveAttribute('aria-selected', 'true');

  await selectText(page, 'Premier Li Qiang');
  await page.keyboard.press('1');
  await expect(page.getByTestId('annotation-tab')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('add-tag').click();
  const menu = page.getByTestId('add-tag-menu');
  await expect(menu).toBeVisible();
  const box = (await menu.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'the menu ends inside the window').toBeLessThanOrEqual(1024);
  expect(box.y + box.height).toBeLessThanOrEqual(768);
  // A combobox: typing filters the tags, Enter adds the first match.
  await page.keyboard.type('Mistransl');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('annotation-panel')).toContainText('Mistranslation');
});

test('bug 4: with nothing selected, the Selected tab stays open and shows how to annotate', async ({ page }) => {
  await open(page);
  await page.getByTestId('annotation-tab').click();
  await expect(page.getByTestId('annotation-tab')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Select text and press a tag')).toBeVisible();
  // Still there a moment later: nothing jumps away from it.
  await page.waitForTimeout(300);
  await expect(page.getByTestId('annotation-tab')).toHaveAttribute('aria-selected', 'true');
});

test('bug 5: the finding popover opens on a click, stays on that finding, closes on Esc or a click outside, and applies that finding', async ({ page }) => {
  await open(page);
  const glued = page.locator('[data-finding-rule=glued-modal]');
  const repeated = page.locator('[data-finding-rule=repeated-word]');
  await expect(glued).toHaveCount(1);
  await expect(repeated).toHaveCount(1);
  const popover = page.getByTestId('finding-popover');

  // Hovering opens nothing.
  await repeated.hover();
  await page.waitForTimeout(200);
  await expect(popover).toBeHidden();

  await glued.click();
  await expect(popover).toHaveAttribute('data-rule', 'glued-modal');
  // Anchored under the clicked text.
  const anchor = (await glued.boundingBox())!;
  const box = (await popover.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(anchor.y + anchor.height - 1);
  expect(Math.abs(box.x - anchor.x)).toBeLessThan(40);
  // The mouse passing over another finding does not change it.
  await repeated.hover();
  await expect(popover).toHaveAttribute('data-rule', 'glued-modal');
  await page.getByTestId('apply-fix').click();
  expect(await editorText(page)).toContain('terminals. Continue to grow');
  expect(await editorText(page), 'the other finding is untouched').toContain('at the the port');

  await repeated.click();
  await expect(popover).toHaveAttribute('data-rule', 'repeated-word');
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(popover).toHaveAttribute('data-rule', 'repeated-word');
  await page.getByTestId('document-view').locator('h1').click();
  await expect(popover).toBeHidden();
  // A click where the caret already is opens it again.
  await repeated.click();
  await expect(popover).toHaveAttribute('data-rule', 'repeated-word');
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await repeated.click();
  await expect(popover).toHaveAttribute('data-rule', 'repeated-word');
});

test('bug 7: a key that does nothing says why and what to do instead', async ({ page }) => {
  await open(page);
  const toast = (text: string | RegExp) => page.locator('[data-sonner-toast]').filter({ hasText: text });
  await page.getByTestId('editor').click();
  await page.keyboard.type('x');
  await expect(toast('Ctrl/⌘+E to edit')).toBeVisible();
  expect(await editorText(page)).toBe(TEXT);
  await page.keyboard.press('8');
  await expect(toast('No tag on key 8')).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(toast('Select text first')).toBeVisible();
  await expect(page.getByTestId('tag-picker')).toBeHidden();
  await page.keyboard.press('1');
  await expect(toast('press 1 to tag it')).toBeVisible();
  // With text selected the same keys act.
  await selectText(page, 'Monday');
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('tag-picker')).toBeVisible();
});

test('discoverable: a keyboard sheet on ? and F1 and the Help button, a tag legend and a mode indicator that say the keys', async ({ page }) => {
  await open(page);
  const sheet = page.getByRole('dialog', { name: 'Keyboard' });
  await page.getByTestId('editor').click();
  await page.keyboard.press('?');
  await expect(sheet).toBeVisible();
  // Every panel's key and every tag's key is listed.
  for (const keys of ['Ctrl/⌘+E', 'Ctrl/⌘+K', 'Ctrl/⌘+.', 'Alt+1', 'Alt+5', 'J / K']) await expect(sheet.getByText(keys, { exact: true })).toBeVisible();
  await expect(sheet).toContainText('Tag with “Person”');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(page.getByTestId('editor')).toBeFocused();
  await page.keyboard.press('F1');
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('keyboard-help').click();
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');

  // The legend shows each keyed tag with its key, in Annotate mode only.
  const legend = page.getByTestId('tag-legend');
  await expect(legend.getByTestId('legend-item')).toHaveCount(7);
  await expect(legend.getByTestId('legend-item').first()).toContainText('1Person');
  const mode = page.getByTestId('mode-toggle');
  await expect(mode).toContainText('Annotate mode');
  await expect(mode).toContainText('Ctrl/⌘+E');
  await page.getByTestId('editor').click();
  await page.keyboard.press('Control+e');
  await expect(mode).toContainText('Edit mode');
  await expect(legend).toBeHidden();
  // In Edit mode ? is a character of the text.
  await page.keyboard.type('?');
  await expect(sheet).toBeHidden();
});

test('the document is renamed from its header; Esc leaves the title as it was', async ({ page }) => {
  const id = await open(page);
  await page.getByTestId('document-rename').click();
  await page.getByTestId('document-rename-field').fill('Port readout, checked');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('document-title')).toHaveText('Port readout, checked');
  await expect.poll(async () => (await callApi<{ title: string }>(host, 'documents.get', { id })).title).toBe('Port readout, checked');
  await page.getByTestId('editor').click();
  await page.keyboard.press('F2');
  await page.getByTestId('document-rename-field').fill('Not this');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('document-title')).toHaveText('Port readout, checked');
});

test('renaming keeps the text as edited and its undo history', async ({ page }) => {
  await open(page);
  const editor = page.getByTestId('editor');
  await page.keyboard.press('Control+e');
  await expect(editor).toHaveAttribute('data-mode', 'edit');
  await editor.locator('p').first().click();
  await page.keyboard.press('Home');
  await page.keyboard.type('Today ');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.getByTestId('document-rename').click();
  await page.getByTestId('document-rename-field').fill('Port readout, edited');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('document-title')).toHaveText('Port readout, edited');
  await expect(editor.locator('p').first()).toHaveText(/^Today We met/);
  // The typing is still there to undo: the editor was not made again from the text as it was opened.
  await editor.locator('p').first().click();
  await page.keyboard.press('Control+z');
  await expect(editor.locator('p').first()).toHaveText(/^We met/);
  await page.keyboard.press('Control+Shift+z');
  await expect(editor.locator('p').first()).toHaveText(/^Today We met/);
});

test('the text and side panes are resized by dragging or by keys, and keep their sizes after a reload; the reading width is chosen', async ({ page }) => {
  await open(page, { size: { width: 1280, height: 800 } });
  const sidebar = page.getByTestId('sidebar');
  const before = (await sidebar.boundingBox())!.width;
  const handle = page.getByTestId('side-resizer');
  const h = (await handle.boundingBox())!;
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x - 150, h.y + h.height / 2, { steps: 5 });
  await page.mouse.up();
  const wider = (await sidebar.boundingBox())!.width;
  expect(wider).toBeGreaterThan(before + 100);
  // The layout is kept in this browser's storage a moment after a change (debounced): wait until
  // the stored share of the side pane is the one shown, not merely until something was stored.
  const storedSide = () =>
    page.evaluate(() => {
      const raw = localStorage.getItem('paneforge:scholia-document-panes');
      if (raw === null) return null;
      const entries = Object.values(JSON.parse(raw) as Record<string, { layout: number[] }>);
      return entries[0]?.layout.at(-1) ?? null;
    });
  const shownSide = async () => {
    const group = (await page.locator('.workarea').boundingBox())!.width;
    return ((await sidebar.boundingBox())!.width / group) * 100;
  };
  const storedMatchesShown = async () => {
    const stored = await storedSide();
    return stored !== null && Math.abs(stored - (await shownSide())) < 1;
  };
  await expect.poll(storedMatchesShown).toBe(true);
  // By keyboard too: the resizer is a focusable separator.
  await handle.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await sidebar.boundingBox())!.width).toBeLessThan(wider - 20);
  await expect.poll(storedMatchesShown).toBe(true);
  const kept = (await sidebar.boundingBox())!.width;
  await page.reload();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect.poll(async () => Math.round((await sidebar.boundingBox())!.width)).toBe(Math.round(kept));

  // The library pane hidden, the text has the room to show the widths apart.
  await page.getByTestId('library-pane-toggle').click();
  await expect(page.getByTestId('library-pane')).toBeHidden();
  const text = page.locator('.editor-host');
  await page.getByTestId('reading-width').selectOption('full');
  const full = (await text.boundingBox())!.width;
  await page.getByTestId('reading-width').selectOption('narrow');
  expect((await text.boundingBox())!.width).toBeLessThan(full - 100);
});

test('bug 8: highlights say their tags and note on hover, overlapping ones keep their own underline, the list names tags and severity', async ({ page }) => {
  const id = await open(page, { mqm: true });
  const tags = await callApi<{ id: string; name: string }[]>(host, 'tags.list', {});
  const tag = (name: string) => tags.find((t) => t.name === name)!.id;
  // "Premier Li Qiang" (Person, with a note) holds "Li Qiang" (Mistranslation, major).
  const start = TEXT.indexOf('Premier Li Qiang');
  await callApi(host, 'annotations.create', { documentId: id, baseEditCount: 0, start, end: start + 16, tagIds: [tag('Person')], note: 'Head of government\nsecond line' });
  await callApi(host, 'annotations.create', { documentId: id, baseEditCount: 0, start: start + 8, end: start + 16, tagIds: [tag('Mistranslation'), tag('Place')], attributes: { severity: 'major' } });
  await page.reload();
  await expect(page.getByTestId('editor')).toBeVisible();
  const outer = page.locator('[data-testid=editor] [data-tags="Person"]').first();
  const inner = page.locator('[data-testid=editor] [data-tags="Mistranslation,Place"]').first();
  await expect(outer).toHaveAttribute('title', 'Person — Head of government');
  await expect(inner).toHaveAttribute('title', 'Mistranslation, Place');
  // The inner highlight's underline lies below the outer one's, in a lane of its own.
  // On "Li Qiang" both highlights draw an underline, each in a lane of its own.
  const lanes = await page
    .locator('[data-testid=editor] .annotation')
    .evaluateAll((els) => els.filter((e) => e.textContent === 'Li Qiang').map((e) => e.getBoundingClientRect().bottom));
  expect(lanes).toHaveLength(2);
  expect(Math.abs(lanes[0]! - lanes[1]!)).toBeGreaterThanOrEqual(3);

  await page.getByTestId('annotations-tab').click();
  const items = page.getByTestId('annotation-item');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0).getByTestId('annotation-item-tags')).toContainText('Person');
  await expect(items.nth(1).getByTestId('annotation-item-tags')).toContainText('Mistranslation');
  await expect(items.nth(1).getByTestId('annotation-item-tags')).toContainText('Place');
  await expect(items.nth(1).getByTestId('annotation-item-severity')).toHaveText('major');
});

test('one piece of work by keyboard alone: import, open, annotate, fix a finding, export', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  // The file chooser is the operating system's; the rest is keys.
  await page.getByTestId('import-input').setInputFiles({ name: 'port.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) });
  await expect(page.getByTestId('document-item')).toHaveCount(1);
  const focused = (testid: string) => page.evaluate((id) => document.activeElement?.closest(`[data-testid="${id}"]`) !== null, testid);
  const tabTo = async (testid: string, key = 'Tab') => {
    for (let i = 0; i < 40 && !(await focused(testid)); i++) await page.keyboard.press(key);
    expect(await focused(testid), `${testid} reached by ${key}`).toBe(true);
  };
  await page.locator('body').focus();
  await tabTo('document-item');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('editor')).toBeFocused();

  // Annotate: the caret to the start, Shift+Ctrl+→ selects "We", 1 tags it Person.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+Shift+ArrowRight');
  // The key goes to the selection the editor has taken (selectionchange arrives a moment later).
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe('We');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.keyboard.press('1');
  await expect(page.locator('[data-testid=editor] [data-tags="Person"]')).toHaveText('We');

  // Fix: find the glued word, close the find bar on it, ← puts the caret in it, Ctrl+. applies the fix shown.
  await page.keyboard.press('Control+f');
  await page.keyboard.type('wantContinue');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('editor')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('finding-popover')).toHaveAttribute('data-rule', 'glued-modal');
  await page.keyboard.press('Control+.');
  expect(await editorText(page)).toContain('terminals. Continue to grow');

  // Export: Shift+Tab back to the header's Export button, the format by arrows, Enter.
  await tabTo('document-export', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await tabTo('export-format-native');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('export-format-native')).toBeChecked();
  await tabTo('export-run');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as unknown;
  expect(JSON.stringify(exported)).toContain('terminals. Continue to grow');
  expect(JSON.stringify(exported)).toContain('Person');
});

test('bug 12: the comparison with the original opens in the main pane and jumps to the next and previous change', async ({ page }) => {
  const id = await open(page, { size: { width: 1280, height: 800 } });
  // Two changes far apart: the glued word fixed, "the the" made one.
  await page.locator('[data-finding-rule=glued-modal]').click();
  await page.getByTestId('apply-fix').click();
  await page.locator('[data-finding-rule=repeated-word]').click();
  await page.getByTestId('apply-fix').click();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  expect((await callApi<unknown[]>(host, 'edits.list', { documentId: id })).length).toBe(2);

  await page.getByTestId('changes-tab').click();
  await page.getByTestId('compare-toggle').click();
  const compare = page.getByTestId('compare-view');
  await expect(compare).toBeVisible();
  await expect(page.getByTestId('editor')).toBeHidden();
  // In the main pane, not squeezed into the side panel.
  expect(await compare.evaluate((el) => el.closest('[data-testid=sidebar]') === null)).toBe(true);
  expect((await compare.boundingBox())!.width).toBeGreaterThan((await page.getByTestId('sidebar').boundingBox())!.width);
  await expect(compare.locator('del').first()).toBeVisible();
  const position = page.getByTestId('compare-position');
  await expect(position).toHaveText('2 changes');
  await page.getByTestId('compare-next').click();
  await expect(position).toHaveText('Change 1 of 2');
  await expect(compare.locator('.current').first()).toContainText('the');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(position).toHaveText('Change 2 of 2');
  await expect(compare.locator('.current').first()).toContainText('wantContinue');
  await page.getByTestId('compare-previous').click();
  await expect(position).toHaveText('Change 1 of 2');
  await page.keyboard.press('Escape');
  await expect(compare).toBeHidden();
  await expect(page.getByTestId('editor')).toBeVisible();
});
