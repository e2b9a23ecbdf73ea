// A field or label that shows its whole text as a tooltip only when the text
// does not fit: short names get no redundant tooltip.

/** Svelte action: keeps `title` in step with whether the element's text is cut. */
export function titleWhenClipped(node: HTMLInputElement | HTMLElement): { destroy(): void } {
  const text = () => (node instanceof HTMLInputElement ? node.value : (node.textContent ?? ''));
  const check = () => {
    if (node.scrollWidth > node.clientWidth + 1) node.title = text();
    else node.removeAttribute('title');
  };
  // Checked when its size changes (the panel is resized, the text grows) and when it may be read.
  const observer = new ResizeObserver(check);
  observer.observe(node);
  node.addEventListener('pointerenter', check);
  node.addEventListener('change', check);
  return {
    destroy() {
      observer.disconnect();
      node.removeEventListener('pointerenter', check);
      node.removeEventListener('change', check);
    },
  };
}
