// Schema v2: a full-text index of every document's current text (SQLite FTS5,
// unicode61 tokenizer), so search finds "École", "Москва" and "ΑΘΗΝΑ" in any
// case, and stays fast on large workspaces. The index stores no text of its
// own (contentless); triggers keep it in step with every write of the text.
// Also an index on tags' position, so adding a tag does not scan them all.

import type { Migration } from './migration';

export const search: Migration = {
  version: 2,
  description: 'full-text search index over documents’ current text; tags indexed by position',
  up(db) {
    db.exec(`
      -- The index's rows are numbered by this table's INTEGER PRIMARY KEY: unlike documents' implicit
      -- rowid, VACUUM never renumbers it.
      CREATE TABLE document_search (
        rowid INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE
      ) STRICT;

      -- Diacritics are folded in the index (remove_diacritics 2): searching with folding uses it as it is,
      -- searching without checks each candidate's text (store/search.ts).
      CREATE VIRTUAL TABLE documents_fts USING fts5(
        text,
        content = '',
        contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TRIGGER documents_search_insert AFTER INSERT ON documents BEGIN
        INSERT INTO document_search (document_id) VALUES (new.id);
        INSERT INTO documents_fts (rowid, text)
          VALUES ((SELECT rowid FROM document_search WHERE document_id = new.id), new.current_text);
      END;

      CREATE TRIGGER documents_search_update AFTER UPDATE OF current_text ON documents BEGIN
        DELETE FROM documents_fts WHERE rowid = (SELECT rowid FROM document_search WHERE document_id = old.id);
        INSERT INTO documents_fts (rowid, text)
          VALUES ((SELECT rowid FROM document_search WHERE document_id = new.id), new.current_text);
      END;

      CREATE TRIGGER documents_search_delete BEFORE DELETE ON documents BEGIN
        DELETE FROM documents_fts WHERE rowid = (SELECT rowid FROM document_search WHERE document_id = old.id);
      END;

      -- A new tag goes after the last (max(position)): one index lookup, not a scan of every tag.
      CREATE INDEX tags_by_position ON tags (position);

      INSERT INTO document_search (document_id) SELECT id FROM documents ORDER BY rowid;
      INSERT INTO documents_fts (rowid, text)
        SELECT s.rowid, d.current_text FROM document_search s JOIN documents d ON d.id = s.document_id;
    `);
  },
};
