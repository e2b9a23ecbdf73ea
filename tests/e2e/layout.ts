// Checks run in the page on what a person sees: text cut off or spilling out
// of its box, and controls lying on top of each other; and axe-core's
// accessibility rules. Shared by the layout, accessibility and bug tests.

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

export const SCHEMES = ['light', 'dark'] as const;

export interface LayoutProblem {
  kind: 'clipped' | 'overflow' | 'overlap';
  what: string;
}

/**
 * Visible elements whose own text is cut (wider or taller than the box that
 * clips it, without an ellipsis and a title to read it by) or spills out of
 * it, and pairs of visible controls that overlap. `within` limits the check
 * to a part of the page (a dialog, a panel).
 */
export async function layoutProblems(page: Page, within = 'body'): Promise<LayoutProblem[]> {
  return page.locator(within).first().evaluate((root) => {
    const problems: { kind: 'clipped' | 'overflow' | 'overlap'; what: string }[] = [];
    const describe = (el: Element) => {
      const id = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.className.toString().split(' ')[0] ?? '';
      const text = (el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? (el instanceof HTMLSelectElement ? el.selectedOptions[0]?.text : el.value) : el.textContent) ?? '';
      return `<${el.tagName.toLowerCase()}${id ? ` ${id}` : ''}> “${text.trim().slice(0, 40)}”`;
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return false;
      const style = getComputedStyle(el);
      return style.visibility !== 'hidden' && style.display !== 'none' && el.checkVisibility({ opacityProperty: true });
    };
    const ownText = (el: Element) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
    // An ellipsis with the full text in a title or an accessible name is a deliberate, readable cut.
    const readableCut = (el: Element) => getComputedStyle(el).textOverflow === 'ellipsis' && (el.hasAttribute('title') || el.closest('[title]') !== null);

    for (const el of root.querySelectorAll('*')) {
      if (!visible(el) || el.closest('.ProseMirror, .visually-hidden, svg')) continue;
      const style = getComputedStyle(el);
      // A select shows the chosen option: cut if the option's text is wider than the box shows.
      if (el instanceof HTMLSelectElement) {
        const option = el.selectedOptions[0]?.text ?? '';
        const probe = document.createElement('span');
        probe.style.font = style.font;
        probe.style.position = 'absolute';
        probe.style.whiteSpace = 'pre';
        probe.textContent = option;
        document.body.append(probe);
        const needed = probe.getBoundingClientRect().width;
        probe.remove();
        // The arrow and the padding take their share of the box.
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 14;
        if (needed > room + 1) problems.push({ kind: 'clipped', what: `${describe(el)} shows ${Math.round(room)}px of ${Math.round(needed)}px` });
        continue;
      }
      if (el instanceof HTMLInputElement && el.type !== 'radio' && el.type !== 'checkbox' && el.type !== 'color') {
        if (el.scrollWidth > el.clientWidth + 1 && !readableCut(el) && document.activeElement !== el) problems.push({ kind: 'clipped', what: describe(el) });
        continue;
      }
      if (!ownText(el)) continue;
      const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
      const wide = el.scrollWidth > el.clientWidth + 1;
      const tall = el.scrollHeight > el.clientHeight + 1 && style.overflowY !== 'auto' && style.overflowY !== 'scroll';
      if ((wide || tall) && clips && !readableCut(el) && style.overflowX !== 'auto' && style.overflowX !== 'scroll') problems.push({ kind: 'clipped', what: describe(el) });
      // Text spilling out of a box that does not clip it: the box is too small for its words.
      if (!clips && el instanceof HTMLElement && style.display !== 'inline' && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        problems.push({ kind: 'overflow', what: `${describe(el)} needs ${el.scrollWidth}px, has ${el.clientWidth}px` });
      }
    }

    const controls = [...root.querySelectorAll('button, input, select, textarea, a[href], [role=tab], [role=radio], [role=checkbox]')].filter(
      (el) => visible(el) && !(el instanceof HTMLInputElement && el.type === 'hidden'),
    );
    const rects = controls.map((el) => el.getBoundingClientRect());
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const a = rects[i]!;
        const b = rects[j]!;
        if (controls[i]!.contains(controls[j]!) || controls[j]!.contains(controls[i]!)) continue;
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        // Borders that touch are not an overlap; two pixels into each other is.
        if (x > 2 && y > 2) problems.push({ kind: 'overlap', what: `${describe(controls[i]!)} and ${describe(controls[j]!)}` });
      }
    }
    return problems;
  }) as Promise<LayoutProblem[]>;
}

/** axe-core's serious and critical violations on the page (or a part), one line each. */
export async function seriousAxeViolations(page: Page, within?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (within) builder = builder.include(within);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}
