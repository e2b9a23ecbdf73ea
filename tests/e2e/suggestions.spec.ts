import { expect, test, type Page } from '@playwright/test';
import { openDocument } from './helpers';
import { callApi, startHost, type RunningHost } from './web-host';

interface StoredAnnotation {
  quote: string;
  tagIds: string[];
  origin?: string;
}

const TEXT = 'Chancellor Olaf Scholz met the delegation in Berlin on Monday.\nThey agreed on projects worth $3 billion.';

let host: RunningHost;
let documentId: string;
let tags: { id: string; name: string }[];

test.beforeEach(async ({ page }) => {
  host = await startHost();
  documentId = (await callApi<{ id: string }>(host, 'documents.create', { title: 'Readout', text: TEXT })).id;
  tags = await callApi<{ id: string; name: string }[]>(host, 'tags.list', {});
  await page.goto(host.url);
  await openDocument(page, 'Readout');
});
test.afterEach(async () => host.stop());

const tagId = (name: string) => tags.find((t) => t.name === name)!.id;
const stored = () => callApi<StoredAnnotation[]>(host, 'annotations.list', { documentId });
const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

/**
 * The suggestions drawn, as the page's CSS highlights hold them: the text under
 * each range, by the name of its tag (`scholia-suggestion-<tagId>`), sorted;
 * `atCaret` only the one marked as at the caret.
 */
async function drawn(page: Page, atCaret = false, typed = ''): Promise<Record<string, string[]>> {
  const byId = await page.evaluate(async ([caret, text]) => {
    // Typed and read in one go, well within the pause after which the worker is asked again (its answer may differ).
    if (text) {
      document.execCommand('insertText', false, text);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      const match = /^scholia-suggestion-(.+?)(-at-caret)?$/.exec(name);
      if (!match || Boolean(match[2]) !== caret) continue;
      const texts: string[] = [];
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        // Only ranges over text in the editor count: what the user can see.
        if (range.commonAncestorContainer.isConnected && document.querySelector('[data-testid=editor]')!.contains(range.commonAncestorContainer)) texts.push(range.toString());
      }
      if (texts.length > 0) out[match[1]!] = texts.sort();
    }
    return out;
  }, [atCaret, typed] as const);
  return Object.fromEntries(Object.entries(byId).map(([id, texts]) => [tags.find((t) => t.id === id)?.name ?? id, texts]));
}

/** The tag a drawn suggestion over exactly `text` has, or null. */
async function tagOf(page: Page, text: string): Promise<string | null> {
  const all = await drawn(page);
  return Object.entries(all).find(([, texts]) => texts.includes(text))?.[0] ?? null;
}

/** The middle of a drawn suggestion's text, in the page. */
async function rangeBox(page: Page, text: string): Promise<{ x: number; y: number }> {
  await expect.poll(() => tagOf(page, text)).not.toBeNull();
  const box = await page.evaluate((wanted) => {
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('scholia-suggestion-')) continue;
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() !== wanted) continue;
        const rect = range.getBoundingClientRect();
        return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      }
    }
    return null;
  }, text);
  return box!;
}

/** Puts the caret inside a suggestion with a click on its text, and waits until the editor has it. */
async function caretIn(page: Page, text: string) {
  const box = await rangeBox(page, text);
  await page.mouse.click(box.x, box.y);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

test('Enter accepts a suggestion, Backspace rejects one, and both hold after a reload', async ({ page }) => {
  // Computed in the worker, then drawn as dashed underlines in their tag's highlight.
  await expect.poll(() => tagOf(page, 'Berlin')).toBe('Place');
  await expect.poll(() => tagOf(page, 'Olaf Scholz')).toBe('Person');
  await expect(page.locator('[data-testid=editor] .annotation')).toHaveCount(0);
  // Hovering one says what it is.
  const box = await rangeBox(page, 'Berlin');
  await page.mouse.move(box.x, box.y);
  await expect(page.getByTestId('editor')).toHaveAttribute('title', /^Suggested: Place \(compromise\)/);

  await caretIn(page, 'Berlin');
  // The one Enter would accept is marked.
  await expect.poll(() => drawn(page, true)).toEqual({ Place: ['Berlin'] });
  await page.keyboard.press('Enter');
  await saved(page);
  await expect(page.locator('[data-testid=editor] .annotation')).toHaveText(['Berlin']);
  await expect.poll(() => tagOf(page, 'Berlin')).toBeNull();
  await expect.poll(() => drawn(page, true)).toEqual({});

  await caretIn(page, 'Olaf Scholz');
  await page.keyboard.press('Backspace');
  await expect.poll(() => tagOf(page, 'Olaf Scholz')).toBeNull();
  await saved(page);
  expect(await stored()).toEqual([expect.objectContaining({ quote: 'Berlin', tagIds: [tagId('Place')], origin: 'suggestion:compromise' })]);

  await page.reload();
  await expect(page.getByTestId('editor')).toBeVisible();
  // Suggestions are back (the date), but not the rejected one, nor one over the accepted annotation.
  await expect.poll(() => tagOf(page, 'Monday')).toBe('Date');
  expect(await tagOf(page, 'Olaf Scholz')).toBeNull();
  expect(await tagOf(page, 'Berlin')).toBeNull();
  await expect(page.locator('[data-testid=editor] .annotation')).toHaveText(['Berlin']);
});

test('accepting all of one tag is one undo step; hiding suggestions hides them', async ({ page }) => {
  await expect.poll(() => tagOf(page, '$3 billion')).toBe('Figure');
  await page.getByTestId('suggestions-menu').click();
  const popover = page.getByTestId('suggestions-popover');
  await popover.locator('[data-testid=suggestions-accept-all][data-tag=Figure]').click();
  await saved(page);
  expect((await stored()).map((a) => [a.quote, a.origin])).toEqual([['$3 billion', 'suggestion:compromise']]);
  await page.keyboard.press('Control+z');
  await saved(page);
  expect(await stored()).toEqual([]);

  await page.getByTestId('suggestions-menu').click();
  await popover.getByTestId('suggestions-visible').uncheck();
  await expect.poll(() => drawn(page)).toEqual({});
  await expect(page.getByTestId('suggestions-count')).toHaveText('off');
  await page.reload();
  await expect(page.getByTestId('suggestions-count')).toHaveText('off');
  expect(await drawn(page)).toEqual({});
});

test('a click on a just-accepted suggestion selects its annotation', async ({ page }) => {
  await caretIn(page, 'Berlin');
  await page.keyboard.press('Enter');
  const highlight = page.locator('[data-testid=editor] .annotation').filter({ hasText: /^Berlin$/ });
  await expect(highlight).toBeVisible();
  await highlight.click();
  await expect(page.locator('[data-testid=editor] .annotation.selected')).toHaveText('Berlin');
});

test('rejecting a suggestion is undone and redone like an edit, in the workspace too', async ({ page }) => {
  const rejections = async () => (await callApi<{ rejections: { tagId: string; quote: string }[] }>(host, 'suggestions.context', {})).rejections;
  await caretIn(page, 'Olaf Scholz');
  await page.keyboard.press('Backspace');
  await expect.poll(() => tagOf(page, 'Olaf Scholz')).toBeNull();
  await expect.poll(rejections).toEqual([{ tagId: tagId('Person'), quote: 'Olaf Scholz' }]);

  await page.keyboard.press('Control+z');
  await expect.poll(() => tagOf(page, 'Olaf Scholz')).toBe('Person');
  await expect.poll(rejections).toEqual([]);
  await page.reload();
  await expect.poll(() => tagOf(page, 'Olaf Scholz')).toBe('Person');

  await caretIn(page, 'Olaf Scholz');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+z');
  await expect.poll(() => tagOf(page, 'Olaf Scholz')).toBe('Person');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => tagOf(page, 'Olaf Scholz')).toBeNull();
  await expect.poll(rejections).toEqual([{ tagId: tagId('Person'), quote: 'Olaf Scholz' }]);
  // The text was never touched.
  await expect(page.locator('[data-testid=editor] p').first()).toHaveText('Chancellor Olaf Scholz met the delegation in Berlin on Monday.');
});

test('typing keeps each suggestion drawn over its own text, in the typed line and the next', async ({ page }) => {
  await expect.poll(() => tagOf(page, '$3 billion')).toBe('Figure');
  const before = await drawn(page);
  await page.getByTestId('editor').focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+e');
  await expect(page.locator('[data-testid=editor][data-mode=edit]')).toBeVisible();
  // At once, before the worker is asked again: the ranges follow the text the typing moved.
  expect(await drawn(page, false, 'Today ')).toEqual(before);
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowDown');
  expect(await drawn(page, false, ' Then')).toEqual(before);
  await expect(page.locator('[data-testid=editor] p').first()).toContainText('Today ');
  await saved(page);
  await expect.poll(() => tagOf(page, 'Berlin')).toBe('Place');
});

test('a letter typed right before or right after a suggestion is left out of it', async ({ page }) => {
  await expect.poll(() => tagOf(page, 'Berlin')).toBe('Place');
  const before = await drawn(page);
  await page.getByTestId('editor').focus();
  await page.keyboard.press('Control+e');
  await expect(page.locator('[data-testid=editor][data-mode=edit]')).toBeVisible();
  /** The caret put in the editor's text just before (or after) `text`. */
  const caretBy = async (text: string, after: boolean) => {
    await page.evaluate(
      ([wanted, end]) => {
        const walker = document.createTreeWalker(document.querySelector('[data-testid=editor]')!, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent!.indexOf(wanted!);
          if (at >= 0) return void document.getSelection()!.collapse(node, end ? at + wanted!.length : at);
        }
        throw new Error(`${wanted} is not in the editor`);
      },
      [text, after] as const,
    );
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  };
  await caretBy('Berlin', false);
  // At once, before the worker is asked again: the suggestion stays over its own text, and the ones after it too.
  expect(await drawn(page, false, 'X')).toEqual(before);
  await caretBy('Berlin', true);
  expect(await drawn(page, false, 'Y')).toEqual(before);
  await expect(page.locator('[data-testid=editor] p').first()).toContainText('XBerlinY on Monday');
});

test('in a long text, the suggestions are drawn where the user scrolls to', async ({ page }) => {
  const lines = Array.from({ length: 1500 }, (_, i) => `The committee went through item ${i + 1} of the agenda without comment.`);
  lines.push('At the end, Chancellor Olaf Scholz flew back to Berlin.');
  const long = (await callApi<{ id: string }>(host, 'documents.create', { title: 'Long readout', text: lines.join('\n') })).id;
  await page.goto(host.url);
  await openDocument(page, 'Long readout');
  await page.getByTestId('editor').focus();
  await page.keyboard.press('Control+End');
  await expect.poll(() => tagOf(page, 'Berlin'), { timeout: 30_000 }).toBe('Place');
  await caretIn(page, 'Berlin');
  await page.keyboard.press('Enter');
  await saved(page);
  expect(await callApi<StoredAnnotation[]>(host, 'annotations.list', { documentId: long })).toEqual([expect.objectContaining({ quote: 'Berlin', tagIds: [tagId('Place')] })]);
});
