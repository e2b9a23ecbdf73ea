// Dismissed findings, kept per document so they stay dismissed after a reload.

import type { Database } from 'better-sqlite3';
import type { Dismissal } from '../core/model';

const contextOf = (d: Dismissal) => JSON.stringify([d.before, d.after]);

export function listDismissals(db: Database, documentId: string): Dismissal[] {
  const rows = db.prepare('SELECT rule, quote, context FROM finding_dismissals WHERE document_id = ? ORDER BY created_at').all(documentId) as {
    rule: string;
    quote: string;
    context: string;
  }[];
  return rows.map((r) => {
    const [before, after] = JSON.parse(r.context) as [string, string];
    return { rule: r.rule, quote: r.quote, before, after };
  });
}

export function addDismissal(db: Database, documentId: string, d: Dismissal, now: string): void {
  db.prepare('INSERT OR IGNORE INTO finding_dismissals (document_id, rule, quote, context, created_at) VALUES (?, ?, ?, ?, ?)').run(
    documentId,
    d.rule,
    d.quote,
    contextOf(d),
    now,
  );
}

export function removeDismissal(db: Database, documentId: string, d: Dismissal): boolean {
  return db.prepare('DELETE FROM finding_dismissals WHERE document_id = ? AND rule = ? AND quote = ? AND context = ?').run(documentId, d.rule, d.quote, contextOf(d)).changes > 0;
}
