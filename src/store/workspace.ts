// A workspace: one SQLite file holding documents, tags and annotations.

import type { Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { busyError, diskFullError, isDiskFull, openDatabase, type OpenOptions } from './database';
import { WorkspaceError } from './errors';
import { hashDocument, insertDocument, type NewDocument } from './documents';
import { insertDefaultTags } from './tags';

export interface WorkspaceOptions extends Omit<OpenOptions, 'initialize'> {
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
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      throw new WorkspaceError('cannot_open', `cannot create the folder of workspace ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const sample = options.sample && (await hashDocument(options.sample));
    const { db, backupPath } = await openDatabase(path, {
      ...options,
      // In the transaction that creates the schema: a new workspace never lacks its default tags.
      initialize: (created) => {
        insertDefaultTags(created);
        if (sample) insertDocument(created, sample);
      },
    });
    return new Workspace(path, db, backupPath);
  }

  /**
   * Runs `fn` as one write transaction (BEGIN IMMEDIATE: waits up to the busy
   * timeout for another process's write to finish, then gives up with a clear
   * message and nothing written).
   */
  transaction<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) throw busyError(this.path);
      if (isDiskFull(error)) throw diskFullError(this.path);
      throw error;
    }
  }

  /** Read-only snapshot of the schema version. */
  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
