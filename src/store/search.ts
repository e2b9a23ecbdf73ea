// Searching documents' current text across the workspace.

import type { Database } from 'better-sqlite3';
import type { SearchHit } from '../core/model';
import { codePointLength } from '../core/offsets';


const CONTEXT = 40;

export function searchDocuments(db: Database, query: string, limit = 50): SearchHit[] {
  const needle = query.toLowerCase();
  const rows = db
    .prepare('SELECT id, title, current_text FROM documents WHERE instr(lower(current_text), ?) > 0 ORDER BY updated_at DESC LIMIT ?')
    .all(needle, limit) as { id: string; title: string; current_text: string }[];
  return rows.map((row) => {
    // Lower-casing keeps UTF-16 lengths for the texts we index, so indices carry over.
    const haystack = row.current_text.toLowerCase();
    const sameLength = haystack.length === row.current_text.length;
    const snippets: SearchHit['snippets'] = [];
    let matchCount = 0;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
      matchCount++;
      if (snippets.length < 3 && sameLength) {
        const start = codePointLength(row.current_text.slice(0, at));
        snippets.push({
          start,
          end: start + codePointLength(row.current_text.slice(at, at + needle.length)),
          before: row.current_text.slice(Math.max(0, at - CONTEXT), at),
          match: row.current_text.slice(at, at + needle.length),
          after: row.current_text.slice(at + needle.length, at + needle.length + CONTEXT),
        });
      }
    }
    return { documentId: row.id, title: row.title, matchCount, snippets };
  });
}
