// Schema v5: a document's source (its text kept exactly, its language, the
// alignment with the translation, and the exchange file it came in for
// writing back), and the workspace's glossary of required translations.
// Independent of v2–v6: it adds tables of its own and touches no other.

import type { Migration } from './migration';

export const bilingual: Migration = {
  version: 5,
  description: 'document sources with their alignment; glossary',
  up(db) {
    db.exec(`
      CREATE TABLE document_sources (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        length INTEGER NOT NULL,
        language TEXT NOT NULL,
        -- An ordered JSON array of links {source, translation}, each a code point range or null;
        -- the translation side follows the document's edits (store/edits.ts).
        alignment TEXT NOT NULL DEFAULT '[]',
        -- The exchange file the document came from (its other tools' fields are kept on export).
        exchange_format TEXT CHECK (exchange_format IN ('xliff')),
        exchange_text TEXT,
        updated_at TEXT NOT NULL,
        CHECK ((exchange_format IS NULL) = (exchange_text IS NULL))
      ) STRICT;

      CREATE TABLE glossary_entries (
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        -- JSON array of translations known to be wrong.
        forbidden TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL,
        PRIMARY KEY (source, target)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
