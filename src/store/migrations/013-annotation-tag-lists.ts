// Schema v13: each annotation row also keeps its tag ids, in the user's
// order, joined by U+001F (annotations.tag_ids, '' for none). Opening a long
// document lists every annotation with its tags (150,000 at 15 MB), and a
// lookup in annotation_tags per annotation was a third of that listing's time.
// annotation_tags stays the record (tag usage, filters, reports read it).
// The store writes the copy with the tags (setAnnotationTags, the one writer
// of tag rows): a trigger per inserted row made inserting many annotations
// half as slow again. Triggers keep it equal when tag rows are deleted or
// changed by anything else, a cascade from a deleted tag included.

import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';

/** The tag ids of annotation `which` (NEW or OLD), as the column holds them. */
const tagList = (which: 'NEW' | 'OLD') =>
  `coalesce((SELECT group_concat(tag_id, char(31) ORDER BY position) FROM annotation_tags WHERE annotation_id = ${which}.annotation_id), '')`;

export const annotationTagLists: Migration = {
  version: 13,
  description: "each annotation's tag ids kept on its row",
  up(db: Database) {
    db.exec(`
      ALTER TABLE annotations ADD COLUMN tag_ids TEXT NOT NULL DEFAULT '';
      UPDATE annotations SET tag_ids = coalesce((SELECT group_concat(tag_id, char(31) ORDER BY position) FROM annotation_tags t WHERE t.annotation_id = annotations.id), '')
        WHERE id IN (SELECT annotation_id FROM annotation_tags);
      CREATE TRIGGER annotation_tags_removed AFTER DELETE ON annotation_tags BEGIN
        UPDATE annotations SET tag_ids = ${tagList('OLD')} WHERE id = OLD.annotation_id;
      END;
      CREATE TRIGGER annotation_tags_changed AFTER UPDATE ON annotation_tags BEGIN
        UPDATE annotations SET tag_ids = ${tagList('OLD')} WHERE id = OLD.annotation_id;
        UPDATE annotations SET tag_ids = ${tagList('NEW')} WHERE id = NEW.annotation_id;
      END;
    `);
  },
};
