// Schema v1: documents with their edit history, tags, annotations, and
// dismissed findings. Offsets are code points into the current text.

import type { Migration } from './migration';

export const initial: Migration = {
  version: 1,
  description: 'documents, edits, tags, annotations, finding dismissals',
  up(db) {
    db.exec(`
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        source_name TEXT,
        sha256 TEXT NOT NULL,
        source_language TEXT,
        target_language TEXT,
        original_text TEXT NOT NULL,
        current_text TEXT NOT NULL,
        current_length INTEGER NOT NULL,
        edit_count INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE edits (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        removed TEXT NOT NULL,
        inserted TEXT NOT NULL,
        origin TEXT NOT NULL,
        author TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (document_id, seq)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE tags (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        color TEXT NOT NULL,
        parent_id TEXT REFERENCES tags(id) ON DELETE CASCADE,
        key TEXT,
        description TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX tags_unique_name ON tags (coalesce(parent_id, ''), name COLLATE NOCASE);
      CREATE UNIQUE INDEX tags_unique_key ON tags (key) WHERE key IS NOT NULL;

      CREATE TABLE annotations (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        quote TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        attributes TEXT NOT NULL DEFAULT '{}',
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        detached INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX annotations_by_document ON annotations (document_id, start);

      CREATE TABLE annotation_tags (
        annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        tag_id TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        -- The order the user gave the tags in: the first one names the annotation's type.
        position INTEGER NOT NULL,
        PRIMARY KEY (annotation_id, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX annotation_tags_by_tag ON annotation_tags (tag_id);

      CREATE TABLE finding_dismissals (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        rule TEXT NOT NULL,
        quote TEXT NOT NULL,
        context TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (document_id, rule, quote, context)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
