// Schema v5: a workspace's MQM settings, the severity multipliers and the
// pass threshold of its scorecards (none stored: core's defaults).

import type { Migration } from './migration';

export const mqmSettings: Migration = {
  version: 6,
  description: 'MQM settings per workspace',
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
    `);
  },
};
