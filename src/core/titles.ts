// The title an imported document gets. A file name a person chose says what
// the text is, so it is kept; a name a machine made (`000_0615b6b790e0de63`,
// a UUID, a number) says nothing, and the text's first line — a readout's or
// a press release's headline — is what a reader knows it by. The file name is
// kept as the document's source name either way.

import { titleFromFileName } from './formats/documents';

/** Longest title taken from a first line, in code points. */
const MAX_FIRST_LINE_TITLE = 80;

export function titleForImport(fileName: string, text: string): string {
  const stem = titleFromFileName(fileName);
  if (!isMachineName(stem)) return stem;
  return firstLineTitle(text) ?? stem;
}

/** True when no part of the name is a word: only numbers and hex codes (each with a digit) between separators. */
export function isMachineName(stem: string): boolean {
  const parts = stem.split(/[\s._-]+/).filter((p) => p !== '');
  if (parts.length === 0) return true;
  return parts.every((p) => /^[0-9a-f]+$/i.test(p) && /\d/.test(p));
}

/** The first non-blank line, whitespace collapsed, cut at a word boundary when long. */
export function firstLineTitle(text: string): string | null {
  const line = text
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/[\s\p{Cc}]+/gu, ' ').trim())
    .find((l) => l !== '');
  if (line === undefined) return null;
  const chars = [...line];
  if (chars.length <= MAX_FIRST_LINE_TITLE) return line;
  const cut = chars.slice(0, MAX_FIRST_LINE_TITLE).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_FIRST_LINE_TITLE / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
