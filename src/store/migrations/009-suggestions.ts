// Schema v9: where an annotation came from (an accepted suggestion,
// `suggestion:<source>`; NULL for one made by hand), and the suggestions the
// user rejected, by tag and text, so they are never proposed again in this
// workspace. Touches only annotations (v1) and tags (v1).

import type { Migration } from './migration';

export const suggestions: Migration = {
  version: 9,
  description: 'annotation origin; rejected suggestions',
  up(db) {
    db.exec(`
      ALTER TABLE annotations ADD COLUMN origin TEXT;

      CREATE TABLE suggestion_rejections (
        tag_id TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        quote TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (tag_id, quote)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
