import type { Database } from 'better-sqlite3';

/** One schema step. `up` runs inside the transaction that also sets user_version. */
export interface Migration {
  version: number;
  description: string;
  up(db: Database): void;
}
