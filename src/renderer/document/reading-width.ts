// How wide the text runs in the document column: a reading measure, or all
// the room the pane gives. Kept in this browser's storage, like the pane sizes.

export const READING_WIDTHS = [
  { id: 'narrow', label: 'Narrow text', width: '40rem' },
  { id: 'normal', label: 'Normal text', width: '52rem' },
  { id: 'wide', label: 'Wide text', width: '72rem' },
  { id: 'full', label: 'Full width', width: 'none' },
] as const;

export type ReadingWidthId = (typeof READING_WIDTHS)[number]['id'];

const STORAGE_KEY = 'scholia-reading-width';

export function readingWidth(id: ReadingWidthId): string {
  return (READING_WIDTHS.find((w) => w.id === id) ?? READING_WIDTHS[1]).width;
}

export function storedReadingWidth(): ReadingWidthId {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return READING_WIDTHS.find((w) => w.id === stored)?.id ?? 'normal';
}

export function storeReadingWidth(id: ReadingWidthId): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, id);
}
