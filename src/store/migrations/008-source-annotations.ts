// Schema v8: annotations on the source. An annotation is on the translation
// (its range follows the edits, as before) or on the source (its range is in
// the source text, which never changes); an annotation on the translation may
// point to the source span it concerns (an omission, a mistranslated term).

import type { Migration } from './migration';

export const sourceAnnotations: Migration = {
  version: 8,
  description: 'annotations on the source side; a source range on annotations of the translation',
  up(db) {
    db.exec(`
      ALTER TABLE annotations ADD COLUMN side TEXT NOT NULL DEFAULT 'translation' CHECK (side IN ('translation', 'source'));
      -- Code points of the document's source, end exclusive; both or neither, only on the translation side.
      ALTER TABLE annotations ADD COLUMN source_start INTEGER CHECK (source_start >= 0);
      ALTER TABLE annotations ADD COLUMN source_end INTEGER CHECK (source_end > source_start);
    `);
  },
};
