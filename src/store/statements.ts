// Running statements: prepared once per connection (preparing costs more than
// running one of the small statements a keystroke's save or an import runs
// many times), and reads that must agree run in one snapshot.

import type { Database, Statement } from 'better-sqlite3';

const prepared = new WeakMap<Database, Map<string, Statement>>();

export function statement(db: Database, sql: string): Statement {
  let statements = prepared.get(db);
  if (!statements) prepared.set(db, (statements = new Map()));
  let found = statements.get(sql);
  if (!found) statements.set(sql, (found = db.prepare(sql)));
  return found;
}

/**
 * Runs reads in one transaction, so they see one state of the workspace
 * (each statement alone sees the latest commit, which another process may
 * make between two of them); inside the caller's transaction when there is one.
 */
export function oneSnapshot<T>(db: Database, read: () => T): T {
  return db.inTransaction ? read() : db.transaction(read).deferred();
}
