// What suggestions are computed from, beyond the text: the user's dictionary
// (what they annotated before, anywhere in the workspace) and the suggestions
// they rejected, remembered by tag and text.

import type { Database } from 'better-sqlite3';
import type { DictionaryEntry, Rejection } from '../core/suggestions';

/** Quotes longer than this are passages, not names: they make poor dictionary terms. */
const MAX_TERM_LENGTH = 200;

/** Each tag with the distinct texts annotated with it, in every document of the workspace. */
export function annotatedTerms(db: Database): DictionaryEntry[] {
  const rows = db
    .prepare(
      // Annotations scanned in their table and each one's tags found by its key (CROSS JOIN keeps that order):
      // the planner's own choice, tags by tag then each annotation by id, searches two indexes per row.
      `SELECT DISTINCT t.tag_id, trim(a.quote) AS term FROM annotations a CROSS JOIN annotation_tags t ON t.annotation_id = a.id
       WHERE a.detached = 0 AND length(trim(a.quote)) BETWEEN 1 AND ? ORDER BY t.tag_id, term`,
    )
    .raw(true)
    .all(MAX_TERM_LENGTH) as [string, string][];
  const byTag = new Map<string, string[]>();
  for (const [tagId, term] of rows) {
    const terms = byTag.get(tagId) ?? [];
    terms.push(term);
    byTag.set(tagId, terms);
  }
  return [...byTag].map(([tagId, terms]) => ({ tagId, terms }));
}

export function listRejections(db: Database): Rejection[] {
  return db.prepare('SELECT tag_id AS tagId, quote FROM suggestion_rejections ORDER BY tag_id, quote').all() as Rejection[];
}

/** Remembers a rejection; rejecting the same twice is one rejection. */
export function addRejection(db: Database, rejection: Rejection, now: string): void {
  db.prepare('INSERT OR IGNORE INTO suggestion_rejections (tag_id, quote, created_at) VALUES (?, ?, ?)').run(rejection.tagId, rejection.quote, now);
}

/** Forgets a rejection (its undo); false when there was none. */
export function removeRejection(db: Database, rejection: Rejection): boolean {
  return db.prepare('DELETE FROM suggestion_rejections WHERE tag_id = ? AND quote = ?').run(rejection.tagId, rejection.quote).changes > 0;
}
