import { expect, type Page } from '@playwright/test';
import { callApi, type RunningHost } from './web-host';

/** The editor's text as the user sees it: one paragraph per line. */
export async function editorText(page: Page): Promise<string> {
  return page.locator('[data-testid=editor] p').evaluateAll((ps) => ps.map((p) => p.textContent ?? '').join('\n'));
}

export async function openDocument(page: Page, title?: string) {
  const item = title ? page.getByTestId('document-item').filter({ hasText: title }) : page.getByTestId('document-item').first();
  await item.getByRole('button').first().click();
  await expect(page.getByTestId('editor')).toBeVisible();
}

/** A new document of `text` on the host, opened in the page from the library; its id. */
export async function createAndOpen(page: Page, host: RunningHost, title: string, text: string): Promise<string> {
  const { id } = await callApi<{ id: string }>(host, 'documents.create', { title, text });
  await page.goto(host.url);
  await openDocument(page, title);
  return id;
}

/**
 * Selects the `occurrence`-th appearance of `text` in the editor, as a user
 * dragging over it would, and waits until the editor has taken the selection.
 */
export async function selectText(page: Page, text: string, occurrence = 0): Promise<void> {
  await page.getByTestId('editor').evaluate(
    (root, [wanted, nth]) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      // Search paragraph by paragraph: highlights split the text into several nodes.
      for (const p of root.querySelectorAll('p')) {
        const inP = nodes.filter((n) => p.contains(n));
        const full = inP.map((n) => n.data).join('');
        let at = -1;
        for (let k = 0; k <= (nth as number); k++) at = full.indexOf(wanted as string, at + 1);
        if (at < 0) {
          nth = (nth as number) - (full.split(wanted as string).length - 1);
          continue;
        }
        const locate = (offset: number) => {
          let rest = offset;
          for (const n of inP) {
            if (rest <= n.data.length) return [n, rest] as const;
            rest -= n.data.length;
          }
          throw new Error('offset out of paragraph');
        };
        const [startNode, startOffset] = locate(at);
        const [endNode, endOffset] = locate(at + (wanted as string).length);
        const range = document.createRange();
        range.setStart(startNode, startOffset);
        range.setEnd(endNode, endOffset);
        (root as HTMLElement).focus();
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error(`text not found: ${wanted as string}`);
    },
    [text, occurrence] as const,
  );
  // selectionchange is delivered asynchronously; two frames later the editor has read it.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Text covered by each highlight, by annotation id (nested highlights merged). */
export async function highlights(page: Page): Promise<Record<string, { text: string; tags: string }>> {
  return page.locator('[data-testid=editor] [data-annotation-id]').evaluateAll((els) => {
    const out: Record<string, { text: string; tags: string }> = {};
    for (const el of els) {
      const id = el.getAttribute('data-annotation-id')!;
      const entry = (out[id] ??= { text: '', tags: el.getAttribute('data-tags') ?? '' });
      // A nested span repeats its parent's id only if the same annotation is split; count each text once.
      if (!el.parentElement?.closest(`[data-annotation-id="${id}"]`)) entry.text += el.textContent ?? '';
    }
    return out;
  });
}
