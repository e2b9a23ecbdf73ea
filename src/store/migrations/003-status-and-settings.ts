// Schema v3: a status per document (new, in progress, done) and the
// workspace's settings (author name, theme, text size) as key/value rows.
// Independent of v2 (full-text search): it touches no table v2 adds.

import type { Migration } from './migration';

export const statusAndSettings: Migration = {
  version: 3,
  description: 'document status; workspace settings',
  up(db) {
    db.exec(`
      ALTER TABLE documents ADD COLUMN status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in-progress', 'done'));
      -- Documents already worked on are in progress, not new.
      UPDATE documents SET status = 'in-progress'
        WHERE edit_count > 0 OR EXISTS (SELECT 1 FROM annotations a WHERE a.document_id = documents.id);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
