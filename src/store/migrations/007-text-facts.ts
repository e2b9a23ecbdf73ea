// Schema v7: what reports work out slowly about a text — its word count, its
// artifact findings per rule — kept by the text's SHA-256, so each text is
// worked out once, not once per session (store/text-facts.ts).

import type { Migration } from './migration';

export const textFacts: Migration = {
  version: 7,
  description: 'word counts and findings per rule, by text hash',
  up(db) {
    db.exec(`
      CREATE TABLE text_facts (
        sha256 TEXT PRIMARY KEY,
        words INTEGER,
        -- Which rule set counted rule_counts (text-facts.ts RULE_SET_KEY); other sets count again.
        rule_set TEXT,
        rule_counts TEXT
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
