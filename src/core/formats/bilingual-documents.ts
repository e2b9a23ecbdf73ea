// New documents that come with their source (XLIFF, TMX, a pair of texts),
// and the checks every such import makes before anything is written.

import { isCjk } from '../bilingual/sentences';
import type { AlignmentLink, BilingualSource } from '../bilingual/types';
import type { DocumentBundle, ImportContext } from './bundle';
import { baseName, newDocumentBundle } from './documents';
import { FormatError } from './errors';
import { stemOf } from './file-names';

export interface BilingualDocument {
  file: string;
  /** The title, before any language suffix or extension is taken off. */
  name: string;
  source: string;
  sourceLanguage: string;
  translation: string;
  translationLanguage: string;
  alignment: AlignmentLink[];
  exchange: BilingualSource['exchange'];
}

const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0]!;

/** Share of letters that are Han characters, over the first stretch of a text. */
export function hanShare(text: string): number {
  const sample = text.slice(0, 20_000);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  return letters === 0 ? 0 : (sample.match(/\p{Script=Han}/gu) ?? []).length / letters;
}

/**
 * A text's language when nothing names it: Chinese when most of its letters
 * are Han characters, else English. It decides how sentences are split and
 * numbers read, nothing more.
 */
export function guessLanguage(text: string): string {
  return hanShare(text) > 0.5 ? 'zh' : 'en';
}

/**
 * Refuses, with the file named, a pair whose languages are the same or whose
 * text is plainly not in the language it is said to be in (Chinese text
 * labelled English, or the reverse).
 */
export function checkLanguages(file: string, side: { text: string; language: string; what: string }[]): void {
  const [a, b] = side;
  if (a && b && primary(a.language) === primary(b.language)) {
    throw new FormatError({ file }, `the ${a.what} and the ${b.what} are both in ${a.language}: a source and its translation are in two languages`);
  }
  for (const { text, language, what } of side) {
    const share = hanShare(text);
    if (isCjk(language) && /^(zh|yue|wuu|gan|hak|nan|cmn)/i.test(language) && share < 0.3) {
      throw new FormatError({ file }, `the ${what} is said to be ${language} but is hardly written in Chinese characters: the languages do not match the texts`);
    }
    if (!isCjk(language) && share > 0.5) throw new FormatError({ file }, `the ${what} is said to be ${language} but is mostly Chinese characters: the languages do not match the texts`);
  }
}

/** A new document (its text the translation) carrying its source and alignment. */
export async function bilingualBundle(input: BilingualDocument, ctx: ImportContext): Promise<DocumentBundle> {
  if (input.translation.trim() === '') throw new FormatError({ file: input.file }, 'there is no translation in it: every target is empty');
  if (input.source.trim() === '') throw new FormatError({ file: input.file }, 'there is no source text in it');
  const name = baseName(input.name);
  const bundle = await newDocumentBundle({ id: ctx.newId(), title: stemOf(name) || name, sourceName: name, text: input.translation }, [], ctx);
  bundle.document.sourceLanguage = input.sourceLanguage;
  bundle.document.targetLanguage = input.translationLanguage;
  return {
    ...bundle,
    source: {
      text: input.source,
      language: input.sourceLanguage,
      // A unit with neither source nor target text gives a link with no sides: nothing to align.
      alignment: input.alignment.filter((l) => l.source || l.translation),
      exchange: input.exchange,
    },
  };
}
