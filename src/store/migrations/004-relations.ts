// Relations between annotations and their types. Independent of the other
// migrations' tables except documents and annotations (schema v1). Existing
// workspaces get the readout relation types as new ones do.

import { READOUT_RELATION_TYPES } from '../../core/relations';
import type { Migration } from './migration';

export const relations: Migration = {
  version: 4,
  description: 'relation types and relations between annotations',
  up(db) {
    db.exec(`
      CREATE TABLE relation_types (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        color TEXT NOT NULL,
        key TEXT,
        description TEXT NOT NULL DEFAULT '',
        -- JSON arrays of tag ids an end must carry one of; NULL for any annotation.
        source_tag_ids TEXT,
        target_tag_ids TEXT,
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX relation_types_unique_name ON relation_types (name COLLATE NOCASE);
      CREATE UNIQUE INDEX relation_types_unique_key ON relation_types (key) WHERE key IS NOT NULL;

      -- Deleting an annotation deletes its relations (the caller records them for undo);
      -- a detached annotation keeps them.
      CREATE TABLE relations (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        source_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        target_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        type_id TEXT NOT NULL REFERENCES relation_types(id),
        note TEXT NOT NULL DEFAULT '',
        attributes TEXT NOT NULL DEFAULT '{}',
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX relations_by_document ON relations (document_id);
      CREATE INDEX relations_by_source ON relations (source_id);
      CREATE INDEX relations_by_target ON relations (target_id);
      CREATE INDEX relations_by_type ON relations (type_id);
    `);
    const insert = db.prepare(
      `INSERT OR IGNORE INTO relation_types (id, name, color, key, description, source_tag_ids, target_tag_ids, position, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const now = new Date().toISOString();
    READOUT_RELATION_TYPES.forEach((t, i) =>
      insert.run(t.id, t.name, t.color, t.key, t.description, t.sourceTagIds && JSON.stringify(t.sourceTagIds), t.targetTagIds && JSON.stringify(t.targetTagIds), i, now),
    );
  },
};
