// A 5 MB document: the page holds the text of only a window of paragraphs
// around the visible part, and typing, copying, find, J/K, undo and reload
// still work over the whole text.

import { expect, test, type Page } from '@playwright/test';
import { generateText } from '../bench/generate';
import { createAndOpen } from './helpers';
import { callApi, startHost, type RunningHost } from './web-host';

// Every paragraph numbered, so a paragraph on screen says where it is in the text.
const LINES = generateText(5_000_000)
  .text.split('\n')
  .map((line, i) => (line ? `[${i}] ${line}` : line));
const MIDDLE = Math.floor(LINES.length / 2);
const FAR = Math.floor(LINES.length * 0.9);
LINES[MIDDLE] = `[${MIDDLE}] Halfway marker here.`;
LINES[FAR] = `[${FAR}] The word zanzibarite occurs only here.`;
// A sentence glued to the next, far past the lines checked as the document opens.
const GLUED = Math.floor(LINES.length * 0.95);
LINES[GLUED] = `[${GLUED}] The quay grew longer.Zebrafish swam by.`;
const TEXT = LINES.join('\n');
const lineStart = (i: number) => LINES.slice(0, i).reduce((n, line) => n + line.length + 1, 0);
const codePoints = (s: string) => [...s].length;

// Each test opens a 5 MB document (twice, with a reload): slow on a loaded machine, so a longer limit.
test.describe.configure({ timeout: 180_000 });

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => host.stop());

let documentId: string;
test.beforeEach(async ({ page }, info) => {
  const title = `Long ${info.title.slice(0, 40)} ${info.repeatEachIndex}`;
  await page.setViewportSize({ width: 1280, height: 800 });
  documentId = await createAndOpen(page, host, title, TEXT);
  await expect(editorParagraphs(page).first()).toBeVisible();
});

const editor = (page: Page) => page.getByTestId('editor');
const editorParagraphs = (page: Page) => page.locator('[data-testid=editor] p');
const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 30_000 });
const storedText = async () => (await callApi<{ text: string }>(host, 'documents.get', { id: documentId })).text;

/** The page holds far fewer paragraphs than the document. */
async function expectWindowed(page: Page): Promise<void> {
  expect(await editorParagraphs(page).count()).toBeLessThan(LINES.length / 20);
}

/** The text the copy event put on the clipboard, after pressing Ctrl+C. */
async function copy(page: Page): Promise<string> {
  await page.evaluate(() => {
    const w = window as unknown as { copied: Promise<string> };
    w.copied = new Promise((resolve) => document.addEventListener('copy', (e) => resolve(e.clipboardData?.getData('text/plain') ?? ''), { once: true }));
  });
  await page.keyboard.press('Control+c');
  return page.evaluate(() => (window as unknown as { copied: Promise<string> }).copied);
}

/** Where two long strings first differ (-1: equal), so a failure says where without printing megabytes. */
function firstDifference(a: string, b: string): number {
  if (a === b) return -1;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

async function find(page: Page, query: string): Promise<void> {
  await page.keyboard.press('Control+f');
  await page.getByTestId('find-input').fill(query);
  await expect(page.getByTestId('find-count')).toHaveText('1 of 1');
  await page.keyboard.press('Enter');
}

test('typing at the start, in the middle and at the end is stored, and is there after a reload', async ({ page }) => {
  await expectWindowed(page);
  await page.keyboard.press('Control+e');
  await expect(editor(page)).toHaveAttribute('data-mode', 'edit');
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Begin. ');

  await find(page, 'Halfway marker');
  await expect(page.locator('.find-match.current')).toBeInViewport();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(' (typed)');

  await page.keyboard.press('Control+End');
  await page.keyboard.type('Finis.');
  await expect(editorParagraphs(page).filter({ hasText: /^Finis\.$/ })).toBeInViewport();
  await saved(page);

  const middle = lineStart(MIDDLE) + LINES[MIDDLE]!.indexOf('Halfway marker') + 'Halfway marker'.length;
  const expected = `Begin. ${TEXT.slice(0, middle)} (typed)${TEXT.slice(middle)}Finis.`;
  expect(firstDifference(await storedText(), expected)).toBe(-1);
  await expectWindowed(page);

  await page.reload();
  await expect(editorParagraphs(page).first()).toHaveText(/^Begin\. \[0\] /);
  await page.keyboard.press('Control+End');
  await expect(editorParagraphs(page).filter({ hasText: /^Finis\.$/ })).toBeInViewport();
  await find(page, 'Halfway marker (typed)');
  await expect(page.locator('.find-match.current')).toBeInViewport();
  await expectWindowed(page);
  expect(firstDifference(await storedText(), expected)).toBe(-1);
});

test('a selection from the top to a paragraph far outside the window, and select all, copy the right text', async ({ page }) => {
  await page.keyboard.press('Control+Home');
  // Dragging the scrollbar far down: the paragraphs there are drawn.
  await page.locator('.text-column').evaluate((column) => (column.scrollTop = column.scrollHeight * 0.6));
  // The first paragraph wholly on screen, once the paragraphs there are drawn.
  const onScreen = () =>
    page.locator('.text-column').evaluate((column) => {
      const box = column.getBoundingClientRect();
      const p = [...column.querySelectorAll('[data-testid=editor] p')].find((p) => {
        const r = p.getBoundingClientRect();
        return r.top >= box.top && r.bottom <= box.bottom && /^\[\d+\] /.test(p.textContent ?? '');
      });
      return p ? Number(p.textContent!.match(/^\[(\d+)\]/)![1]) : null;
    });
  await expect.poll(onScreen).not.toBeNull();
  const index = (await onScreen())!;
  const paragraph = editorParagraphs(page).filter({ hasText: new RegExp(`^\\[${index}\\] `) });
  expect(index).toBeGreaterThan(LINES.length / 3);
  // Shift-click just before its first character.
  const box = await paragraph.evaluate((p) => {
    const range = document.createRange();
    const text = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode()!;
    range.setStart(text, 0);
    range.setEnd(text, 1);
    const r = range.getBoundingClientRect();
    return { x: r.left + 1, y: r.top + r.height / 2 };
  });
  await page.keyboard.down('Shift');
  await page.mouse.click(box.x, box.y);
  await page.keyboard.up('Shift');
  const copied = await copy(page);
  const expected = TEXT.slice(0, lineStart(index));
  expect(copied.length).toBe(expected.length);
  expect(firstDifference(copied, expected)).toBe(-1);
  await expectWindowed(page);

  await page.keyboard.press('Control+a');
  const all = await copy(page);
  expect(all.length).toBe(TEXT.length);
  expect(firstDifference(all, TEXT)).toBe(-1);
  await expectWindowed(page);

  // A key typed over the selection replaces all of it (one undo step); undo brings all of it back.
  await page.keyboard.press('Control+e');
  await expect(editor(page)).toHaveAttribute('data-mode', 'edit');
  await page.keyboard.press('R');
  await expect(editorParagraphs(page)).toHaveText(['R']);
  await saved(page);
  expect(await storedText()).toBe('R');
  await page.keyboard.press('Control+z');
  await expect(editorParagraphs(page).first()).toHaveText(/^\[0\] /);
  await saved(page);
  expect(firstDifference(await storedText(), TEXT)).toBe(-1);
  await expectWindowed(page);
});

test('find jumps to a word that occurs only far down', async ({ page }) => {
  await find(page, 'zanzibarite');
  const match = page.locator('.find-match.current');
  await expect(match).toHaveText('zanzibarite');
  await expect(match).toBeInViewport();
  await expect(editorParagraphs(page).filter({ hasText: `[${FAR}] ` })).toBeInViewport();
  // The paragraphs around it are drawn too, not only the match's.
  await expect(editorParagraphs(page).filter({ hasText: `[${FAR + 1}] ` })).toBeVisible();
  await expectWindowed(page);
});

test('a finding far down is underlined once reached: the lines past the opening ones are checked too', async ({ page }) => {
  await find(page, 'Zebrafish');
  await page.keyboard.press('Escape');
  const line = editorParagraphs(page).filter({ hasText: `[${GLUED}] ` });
  await expect(line).toBeInViewport();
  await expect(line.locator('[data-finding-rule=missing-space-after-sentence]')).toHaveText('.Z', { timeout: 30_000 });
  // The Findings panel counts the whole text once it is checked, and says so.
  await page.getByTestId('findings-tab').click();
  await expect(page.getByTestId('findings-checking')).toHaveCount(0);
  await expect(page.getByTestId('findings-count')).toHaveText(/^\d+ findings$/);
  await expect(page.locator('[data-testid=finding-group][data-rule=missing-space-after-sentence]')).toBeVisible();
});

test('J and K move through annotations across the window edge, before and after a reload', async ({ page }) => {
  const tags = await callApi<{ id: string; name: string }[]>(host, 'tags.list', {});
  const person = tags.find((t) => t.name === 'Person')!.id;
  // The first word of paragraphs near the top, then far down (outside the window), then near the end.
  const indices = [1, 3, 2500, 7000, LINES.length - 3].map((i) => (LINES[i] ? i : i + 1));
  const words = indices.map((i) => LINES[i]!.split(' ')[1]!);
  for (const [k, i] of indices.entries()) {
    const start = codePoints(TEXT.slice(0, lineStart(i))) + `[${i}] `.length;
    await callApi(host, 'annotations.create', { documentId, baseEditCount: 0, start, end: start + words[k]!.length, tagIds: [person] });
  }
  await page.reload();
  await expect(editorParagraphs(page).first()).toBeVisible();

  const selected = page.locator('[data-testid=editor] .annotation.selected');
  const holdsSelected = { has: page.locator('.annotation.selected') };
  const walk = async () => {
    await editor(page).focus();
    await page.keyboard.press('Control+Home');
    for (const [k, i] of indices.entries()) {
      await page.keyboard.press('j');
      await expect(selected).toHaveText(words[k]!);
      await expect(selected).toBeInViewport();
      await expect(editorParagraphs(page).filter(holdsSelected)).toHaveText(new RegExp(`^\\[${i}\\] `));
    }
    await page.keyboard.press('k');
    await expect(selected).toHaveText(words[3]!);
    await expect(editorParagraphs(page).filter(holdsSelected)).toHaveText(new RegExp(`^\\[${indices[3]}\\] `));
    await expect(selected).toBeInViewport();
    await expectWindowed(page);
  };
  await walk();
  await page.reload();
  await expect(editorParagraphs(page).first()).toBeVisible();
  await walk();
});

test('undo goes back across a change of the window', async ({ page }) => {
  await page.keyboard.press('Control+e');
  await expect(editor(page)).toHaveAttribute('data-mode', 'edit');
  // Each inserted at once, so each is one undo step however slow the machine.
  await page.keyboard.press('Control+Home');
  await page.keyboard.insertText('Top. ');
  await saved(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('Bottom.');
  await expect(editorParagraphs(page).filter({ hasText: /^Bottom\.$/ })).toBeInViewport();
  await saved(page);
  // The first paragraph has left the page.
  await expect(editorParagraphs(page).filter({ hasText: /^Top\. / })).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(editorParagraphs(page).filter({ hasText: /^Bottom\.$/ })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  // Undo goes to the first paragraph, drawn again, as it was.
  await expect(editorParagraphs(page).filter({ hasText: /^\[0\] / })).toBeInViewport();
  await expect(editorParagraphs(page).filter({ hasText: /^Top\. / })).toHaveCount(0);
  await saved(page);
  expect(firstDifference(await storedText(), TEXT)).toBe(-1);

  await page.reload();
  await expect(editorParagraphs(page).first()).toHaveText(/^\[0\] /);
  expect(firstDifference(await storedText(), TEXT)).toBe(-1);
});
