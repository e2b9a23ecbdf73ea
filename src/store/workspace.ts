// A workspace: one SQLite file holding documents, tags and annotations.

import type { Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase, type OpenOptions } from './database';
import { insertDocument, type NewDocument } from './documents';
import { insertDefaultTags } from './tags';

export interface WorkspaceOptions extends OpenOptions {
  /** A document to add when the workspace file is created (the default workspace's sample). */
  sample?: NewDocument;
}

export class Workspace {
  private constructor(
    readonly path: string,
    readonly db: Database,
    /** Set when opening migrated the schema: where the backup of the old file is. */
    readonly backupPath: string | null,
  ) {}

  static async open(path: string, options: WorkspaceOptions = {}): Promise<Workspace> {
    mkdirSync(dirname(path), { recursive: true });
    const { db, created, backupPath } = await openDatabase(path, options);
    const workspace = new Workspace(path, db, backupPath);
    if (created) {
      workspace.transaction(() => {
        insertDefaultTags(db);
        if (options.sample) insertDocument(db, options.sample);
      });
    }
    return workspace;
  }

  /** Runs `fn` as one write transaction (BEGIN IMMEDIATE: waits for other writers up front). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** Read-only snapshot of the schema version. */
  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
