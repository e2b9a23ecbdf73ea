// A source, its translation and their alignment, indexed once for the checks.

import { IndexedText } from './text-spans';
import type { AlignmentLink, Span } from './types';

export interface BilingualInput {
  source: string;
  sourceLanguage: string;
  translation: string;
  translationLanguage: string;
  alignment: readonly AlignmentLink[];
}

export interface PairedLink {
  /** Position in the alignment. */
  index: number;
  source: Span | null;
  translation: Span | null;
  sourceText: string;
  translationText: string;
}

export interface BilingualPair {
  source: IndexedText;
  translation: IndexedText;
  sourceLanguage: string;
  translationLanguage: string;
  links: PairedLink[];
}

export function pairTexts(input: BilingualInput): BilingualPair {
  const source = new IndexedText(input.source);
  const translation = new IndexedText(input.translation);
  return {
    source,
    translation,
    sourceLanguage: input.sourceLanguage,
    translationLanguage: input.translationLanguage,
    links: input.alignment.map((link, index) => ({
      index,
      source: link.source,
      translation: link.translation,
      sourceText: link.source ? source.slice(link.source) : '',
      translationText: link.translation ? translation.slice(link.translation) : '',
    })),
  };
}

/** A span inside a link's text moved to the whole text's coordinates. */
export function within(base: Span, offset: Span): Span {
  return { start: base.start + offset.start, end: base.start + offset.end };
}

/** Code point span of a UTF-16 match inside `text`. */
export function codePointSpan(text: string, start: number, end: number): Span {
  const before = [...text.slice(0, start)].length;
  return { start: before, end: before + [...text.slice(start, end)].length };
}
