// Schema v5: a workspace's MQM settings (severity multipliers and the pass
// threshold of its scorecards), and the evaluation word count of each
// document's current text, kept for the edit count it was counted at
// (word segmentation is too slow to redo for a thousand documents per report).

import type { Migration } from './migration';

export const mqmSettings: Migration = {
  version: 5,
  description: 'MQM settings per workspace, document word counts for scorecards',
  up(db) {
    db.exec(`
      CREATE TABLE mqm_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        neutral REAL NOT NULL,
        minor REAL NOT NULL,
        major REAL NOT NULL,
        critical REAL NOT NULL,
        threshold REAL NOT NULL
      ) STRICT;

      CREATE TABLE document_word_counts (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        edit_count INTEGER NOT NULL,
        words INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
