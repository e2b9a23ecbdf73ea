// A pair of plain texts, `name.zh.txt` and `name.en.txt`, imported together:
// the English file is the document's text, the other its source, told apart
// by the language before `.txt`. They are aligned automatically; a source that
// is not this translation's is refused.

import { alignTexts } from '../bilingual/align';
import { checkPairing } from '../bilingual/pairing';
import { MAX_DOCUMENT_BYTES } from '../decode';
import { bilingualBundle, checkLanguages } from './bilingual-documents';
import { importContext } from './bundle';
import { FormatError } from './errors';
import { fileText, type FormatCodec } from './format';
import { pairName } from './text-pair-names';

export const textPairFormat: FormatCodec = {
  // Told by the names of two files, never by one file's content: see file-groups.ts.
  detect: () => undefined,
  import: async ({ file, source }, context) => {
    if (!source) throw new FormatError({ file: file.name }, `a text pair needs its source: give ${file.name} with a file of the same name in the source language (such as ${pairName(file.name)?.stem ?? 'name'}.zh.txt)`);
    const translation = fileText(file, MAX_DOCUMENT_BYTES);
    const sourceText = fileText(source, MAX_DOCUMENT_BYTES);
    const sourceLanguage = pairName(source.name)?.language ?? 'zh';
    const translationLanguage = pairName(file.name)?.language ?? 'en';
    checkLanguages(`${source.name} and ${file.name}`, [
      { text: sourceText, language: sourceLanguage, what: `source (${source.name})` },
      { text: translation, language: translationLanguage, what: `translation (${file.name})` },
    ]);
    const alignment = alignTexts(sourceText, translation, { sourceLanguage, translationLanguage });
    const verdict = checkPairing({ source: sourceText, sourceLanguage, translation, translationLanguage, alignment });
    if (!verdict.ok) throw new FormatError({ file: source.name }, `it is not the source of ${file.name}: ${verdict.reason}; nothing was imported`);
    const name = `${pairName(file.name)?.stem ?? file.name}.txt`;
    const bundle = await bilingualBundle(
      { file: file.name, name, source: sourceText, sourceLanguage, translation, translationLanguage, alignment, exchange: null },
      importContext(context.options(file.name)),
    );
    return { kind: 'documents', bundle: { tags: [], documents: [bundle] }, issues: [] };
  },
};
