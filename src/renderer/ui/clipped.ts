// A field or label that shows its whole text as a tooltip only when the text
// does not fit: short names get no redundant tooltip.

/** Svelte action: keeps `title` in step with whether the element's text is cut. */
export function titleWhenClipped(node: HTMLInputElement | HTMLElement): { destroy(): void } {
  const text = () => (node instanceof HTMLInputElement ? node.value : (node.textContent ?? ''));
  const check = () => {
    if (node.scrollWidth > node.clientWidth + 1) node.title = text();
    else node.removeAttribute('title');
  };
  // Checked when it may be read: on pointing and on focus, not on every layout.
  node.addEventListener('pointerenter', check);
  node.addEventListener('focus', check);
  return {
    destroy() {
      node.removeEventListener('pointerenter', check);
      node.removeEventListener('focus', check);
    },
  };
}
