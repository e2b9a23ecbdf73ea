// Issue 11 (workbench UI), the parts outside the document view: the export
// dialog, the tags panel, the library (rename, titles, duplicates, status,
// last change), the settings; each checked for layout at three sizes, light
// and dark, and with axe-core.

import { expect, test, type Page } from '@playwright/test';
import { openDocument } from './helpers';
import { layoutProblems, SCHEMES, seriousAxeViolations, VIEWPORTS } from './layout';
import { callApi, startHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

const TEXT = 'Premier Li Qiang met the press in Beijing.\nThe Communist Party of China adopted the plan.';

async function seed(h: RunningHost): Promise<{ id: string }> {
  const doc = await callApi<{ id: string }>(h, 'documents.create', { title: 'Premier readout', text: TEXT });
  await callApi(h, 'documents.create', { title: 'A second document with a title long enough to need an ellipsis in the library at the smallest size', text: 'Other text.' });
  return doc;
}

/** A library row by its document's title (another row's duplicate note may name it too). */
const row = (page: Page, title: string) => page.getByTestId('document-item').filter({ has: page.getByRole('button', { name: title, exact: true }) });

async function openTags(page: Page, withMqm: boolean) {
  if (withMqm) await callApi(host, 'tags.addTaxonomy', { name: 'mqm' });
  await page.goto(host.url);
  await openDocument(page, 'Premier readout');
  await page.getByTestId('tags-tab').click();
  await expect(page.getByTestId('tags-panel')).toBeVisible();
}

test('bug 1: in the export dialog each radio button sits beside its label', async ({ page }) => {
  await seed(host);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await page.getByTestId('export-button').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  for (const radio of await dialog.getByRole('radio').all()) {
    const box = (await radio.boundingBox())!;
    const label = (await radio.locator('xpath=following-sibling::span[1]').boundingBox())!;
    expect(box.width, 'a radio button is the size of a radio button').toBeLessThan(30);
    expect(label.x, 'its label starts to its right').toBeGreaterThan(box.x + box.width);
    expect(Math.abs(label.y + label.height / 2 - (box.y + box.height / 2)), 'on the same line').toBeLessThan(12);
  }
  // A real dialog: labelled by its title, Esc closes it and gives the focus back.
  await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('export-button')).toBeFocused();
});

test('bug 2: with the MQM preset, every tag name, key and button in the tags panel reads whole at 1024 px', async ({ page }) => {
  await seed(host);
  await page.setViewportSize({ width: 1024, height: 768 });
  await openTags(page, true);
  const rows = page.getByTestId('tag-row');
  expect(await rows.count()).toBeGreaterThanOrEqual(50);
  // Full names: each name field is wide enough for its name (short ones whole, none cut to "Perso").
  const cut = await page.locator('[data-testid=tag-row] input.name').evaluateAll((inputs) =>
    (inputs as HTMLInputElement[]).filter((i) => i.value.length <= 20 && i.scrollWidth > i.clientWidth + 1).map((i) => i.value),
  );
  expect(cut).toEqual([]);
  // The tree shows depth by indentation.
  const person = await page.locator('[data-testid=tag-row][data-tag-name="Accuracy"] input.name').boundingBox();
  const child = await page.locator('[data-testid=tag-row][data-tag-name="Mistranslation"] input.name').boundingBox();
  expect(child!.x).toBeGreaterThan(person!.x + 8);
  // "Add tag" on one line.
  const add = await page.getByRole('button', { name: 'Add tag' }).boundingBox();
  expect(add!.height).toBeLessThan(40);
  expect(await layoutProblems(page, '[data-testid=tags-panel]')).toEqual([]);
});

test('bug 9: documents are renamed in the library, machine-named files get their first line as title, and the same text twice is flagged', async ({ page }) => {
  await page.goto(host.url);
  await page.getByTestId('import-input').setInputFiles({ name: '000_0615b6b790e0de63.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) });
  await expect(page.getByTestId('document-item')).toHaveCount(1);
  await expect(page.getByTestId('document-item')).toContainText('Premier Li Qiang met the press in Beijing.');

  await page.getByTestId('import-input').setInputFiles({ name: 'copy.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) });
  await expect(page.getByTestId('document-item')).toHaveCount(2);
  await expect(page.getByText('has the same text as “Premier Li Qiang met the press in Beijing.”')).toBeVisible();
  await expect(page.getByTestId('duplicate-note')).toHaveCount(2);

  await row(page, 'copy').getByTestId('rename-button').click();
  await page.getByTestId('rename-field').fill('Readout, second copy');
  await page.keyboard.press('Enter');
  await expect(row(page, 'Readout, second copy')).toHaveCount(1);
  const titles = (await callApi<{ title: string }[]>(host, 'documents.list', {})).map((d) => d.title).sort();
  expect(titles).toEqual(['Premier Li Qiang met the press in Beijing.', 'Readout, second copy']);

  // Esc leaves the title as it was.
  await row(page, 'Readout, second copy').getByTestId('rename-button').click();
  await page.getByTestId('rename-field').fill('Not this');
  await page.keyboard.press('Escape');
  await expect(row(page, 'Readout, second copy')).toHaveCount(1);
  await expect(row(page, 'Not this')).toHaveCount(0);
});

test('a status per document, and the workspace’s progress in the library', async ({ page }) => {
  const doc = await seed(host);
  await page.goto(host.url);
  await expect(page.getByTestId('library-progress')).toContainText('0 of 2 done');
  await page.getByTestId('document-item').filter({ hasText: 'Premier readout' }).getByTestId('document-status').selectOption('done');
  await expect(page.getByTestId('library-progress')).toContainText('1 of 2 done');
  expect((await callApi<{ id: string; status: string }[]>(host, 'documents.list', {})).find((d) => d.id === doc.id)!.status).toBe('done');
});

test('bug 10: the library’s "Last change" moves when only annotations change', async ({ page }) => {
  const doc = await seed(host);
  const before = (await callApi<{ id: string; updatedAt: string }[]>(host, 'documents.list', {})).find((d) => d.id === doc.id)!.updatedAt;
  await callApi(host, 'annotations.create', { documentId: doc.id, baseEditCount: 0, start: 0, end: 7 });
  const after = (await callApi<{ id: string; updatedAt: string }[]>(host, 'documents.list', {})).find((d) => d.id === doc.id)!.updatedAt;
  expect(after > before).toBe(true);
  await page.goto(host.url);
  // Most recently changed first.
  await expect(page.getByTestId('document-item').first()).toContainText('Premier readout');
});

test('settings: reachable by keyboard, the author name goes on annotations, the theme and text size apply at once', async ({ page }) => {
  const doc = await seed(host);
  await page.goto(host.url);
  await expect(page.getByTestId('library')).toBeVisible();
  await page.keyboard.press('Control+,');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  await page.getByTestId('settings-author').fill('Mei Chen');
  await page.getByTestId('settings-theme-dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('settings-size-115').check();
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('17.25px');
  await page.getByTestId('settings-close').click();
  await expect(dialog).toBeHidden();
  const annotation = await callApi<{ author: string }>(host, 'annotations.create', { documentId: doc.id, baseEditCount: 0, start: 0, end: 7 });
  expect(annotation.author).toBe('Mei Chen');
  // Kept in the workspace: a new page load finds them.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('settings-button').click();
  await expect(page.getByTestId('settings-author')).toHaveValue('Mei Chen');
});

for (const scheme of SCHEMES) {
  test(`layout and accessibility, ${scheme}: library, settings, export dialog and tags panel at three sizes`, async ({ page }) => {
    test.setTimeout(180_000);
    await seed(host);
    await callApi(host, 'tags.addTaxonomy', { name: 'mqm' });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(host.url);
    const views: { name: string; open: () => Promise<void>; within: string; close: () => Promise<void> }[] = [
      { name: 'library', open: async () => {}, within: 'body', close: async () => {} },
      {
        name: 'settings dialog',
        open: () => page.getByTestId('settings-button').click(),
        within: '[data-testid=settings-dialog]',
        close: () => page.keyboard.press('Escape'),
      },
      {
        name: 'export dialog',
        open: () => page.getByTestId('export-button').click(),
        within: '[data-testid=export-dialog]',
        close: () => page.keyboard.press('Escape'),
      },
    ];
    const found: string[] = [];
    for (const size of VIEWPORTS) {
      await page.setViewportSize(size);
      for (const view of views) {
        await view.open();
        await expect(page.locator(view.within).first()).toBeVisible();
        for (const p of await layoutProblems(page, view.within)) found.push(`${size.width}×${size.height} ${view.name}: ${p.kind} ${p.what}`);
        for (const v of await seriousAxeViolations(page, view.within)) found.push(`${size.width}×${size.height} ${view.name}: axe ${v}`);
        await view.close();
      }
    }
    await openDocument(page, 'Premier readout');
    await page.getByTestId('tags-tab').click();
    for (const size of VIEWPORTS) {
      await page.setViewportSize(size);
      for (const p of await layoutProblems(page, '[data-testid=tags-panel]')) found.push(`${size.width}×${size.height} tags panel: ${p.kind} ${p.what}`);
      for (const v of await seriousAxeViolations(page, '[data-testid=tags-panel]')) found.push(`${size.width}×${size.height} tags panel: axe ${v}`);
    }
    expect(found).toEqual([]);
  });
}

for (const scheme of SCHEMES) {
  test(`layout and accessibility, ${scheme}: a document with the MQM preset beside the library pane (shown and hidden), each side panel, the find bar, a finding, the suggestions menu, the occurrences and relation-type dialogs, the keyboard sheet at three sizes`, async ({ page }) => {
    test.setTimeout(420_000);
    const doc = await callApi<{ id: string }>(host, 'documents.create', {
      title: 'Port readout with a title long enough to be cut in the header at the smallest size',
      text: 'Premier Li Qiang met the press in Beijing.\nThe terminals.wantContinue to grow, and the the port will expand.',
    });
    await callApi(host, 'tags.addTaxonomy', { name: 'mqm' });
    const tags = await callApi<{ id: string; name: string }[]>(host, 'tags.list', {});
    await callApi(host, 'annotations.create', {
      documentId: doc.id,
      baseEditCount: 0,
      start: 0,
      end: 16,
      tagIds: [tags.find((t) => t.name === 'Person')!.id, tags.find((t) => t.name === 'Mistranslation')!.id],
      note: 'Head of government',
      attributes: { severity: 'major' },
    });
    // A second annotation, for a relation's target.
    await callApi(host, 'annotations.create', { documentId: doc.id, baseEditCount: 0, start: 34, end: 41, tagIds: [tags.find((t) => t.name === 'Place')!.id] });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(host.url);
    await openDocument(page, 'Port readout');
    await callApi(host, 'documents.create', { title: 'A second document, its title long enough to be cut in the library pane', text: 'Other text.' });
    const panels = ['annotation', 'annotations', 'findings', 'changes', 'tags', 'source'];
    const views: { name: string; open: () => Promise<void>; within: string; close: () => Promise<void> }[] = [
      {
        name: 'find bar',
        open: async () => {
          await page.getByTestId('editor').click();
          await page.keyboard.press('Control+f');
          await page.keyboard.type('the');
        },
        within: 'body',
        close: () => page.keyboard.press('Escape'),
      },
      {
        name: 'finding popover',
        open: () => page.locator('[data-finding-rule=glued-modal]').click(),
        within: '[data-testid=finding-popover]',
        close: () => page.keyboard.press('Escape'),
      },
      {
        name: 'library pane hidden',
        open: async () => {
          await page.getByTestId('library-pane-toggle').click();
          await expect(page.getByTestId('library-pane')).toBeHidden();
        },
        within: 'body',
        close: async () => {
          await page.getByTestId('library-pane-toggle').click();
          await expect(page.getByTestId('library-pane')).toBeVisible();
        },
      },
      {
        name: 'suggestions menu',
        open: () => page.getByTestId('suggestions-menu').click(),
        within: '[data-testid=suggestions-popover]',
        close: () => page.keyboard.press('Escape'),
      },
      {
        name: 'occurrences dialog',
        open: async () => {
          await page.locator('[data-testid=editor] .annotation[data-tags="Place"]').first().click();
          await page.keyboard.press('a');
        },
        within: '[data-testid=occurrences-dialog]',
        close: () => page.keyboard.press('Escape'),
      },
      {
        name: 'relation type picker',
        open: async () => {
          await page.locator('[data-testid=editor] .annotation[data-tags="Place"]').first().click();
          await page.keyboard.press('r');
          await expect(page.getByTestId('linking-bar')).toBeVisible();
          await page.keyboard.press('k');
          await page.keyboard.press('Enter');
        },
        within: '[data-testid=relation-type-picker]',
        close: async () => {
          await page.keyboard.press('Escape');
          await expect(page.getByTestId('relation-type-picker')).toBeHidden();
          await expect(page.getByTestId('linking-bar')).toBeHidden();
        },
      },
      {
        name: 'keyboard sheet',
        open: () => page.keyboard.press('F1'),
        within: '[data-testid=keyboard-sheet]',
        close: () => page.keyboard.press('Escape'),
      },
      ...panels.map((panel) => ({
        name: `${panel} panel`,
        open: async () => {
          await page.getByTestId(`${panel}-tab`).click();
          if (panel === 'annotation') await page.locator('[data-testid=editor] .annotation').first().click();
        },
        within: 'body',
        close: async () => {},
      })),
    ];
    const found: string[] = [];
    for (const size of VIEWPORTS) {
      await page.setViewportSize(size);
      for (const view of views) {
        await view.open();
        await expect(page.locator(view.within).first()).toBeVisible();
        for (const p of await layoutProblems(page, view.within)) found.push(`${size.width}×${size.height} ${view.name}: ${p.kind} ${p.what}`);
        for (const v of await seriousAxeViolations(page, view.within)) found.push(`${size.width}×${size.height} ${view.name}: axe ${v}`);
        await view.close();
      }
    }
    expect(found).toEqual([]);
  });
}
