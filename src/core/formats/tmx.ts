// TMX (translation memory exchange) in: a file becomes one document whose
// text is the translations and whose source is the source segments, each
// translation unit an aligned pair.

import * as tmx from '../bilingual/tmx';
import { bilingualBundle, checkLanguages } from './bilingual-documents';
import { importContext } from './bundle';
import { FormatError } from './errors';
import { fileText, type FormatCodec } from './format';

export const tmxFormat: FormatCodec = {
  detect: (file) => (file.head !== undefined && tmx.detect('', file.head) ? 'signature' : file.extension === 'tmx' ? 'extension' : undefined),
  import: async ({ file }, context) => {
    const parsed = tmx.parse(fileText(file));
    if (!parsed.ok) throw new FormatError({ file: file.name }, `${parsed.error.message}; nothing was imported`);
    const doc = parsed.document;
    const missing = doc.units.filter((u) => u.target === null);
    if (missing.length > 0) {
      const ids = missing.map((u, i) => u.id ?? `#${doc.units.indexOf(u) + 1 || i + 1}`);
      throw new FormatError({ file: file.name, record: `tu ${ids.slice(0, 5).join(', ')}` }, `no translation in ${doc.targetLanguage}: every unit needs one; nothing was imported`);
    }
    checkLanguages(file.name, [
      { text: doc.source, language: doc.sourceLanguage, what: 'source' },
      { text: doc.translation, language: doc.targetLanguage, what: 'translation' },
    ]);
    const bundle = await bilingualBundle(
      {
        file: file.name,
        name: file.name,
        source: doc.source,
        sourceLanguage: doc.sourceLanguage,
        translation: doc.translation,
        translationLanguage: doc.targetLanguage,
        alignment: doc.alignment,
        exchange: null,
      },
      importContext(context.options(file.name)),
    );
    return { kind: 'documents', bundle: { tags: [], documents: [bundle] }, issues: [] };
  },
};
