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
  /** How long after the last write the log is checkpointed (ms); see checkpointWhenIdle. */
  idleCheckpointMs?: number;
}

/** Long enough to fall between a user's actions (an annotation, a pause in typing), short enough that the log stays small. */
const IDLE_CHECKPOINT_MS = 300;

export class Workspace {
  private checkpointTimer: ReturnType<typeof setTimeout> | null = null;

  private constructor(
    readonly path: string,
    readonly db: Database,
    /** Set when opening migrated the schema: where the backup of the old file is. */
    readonly backupPath: string | null,
    private readonly idleCheckpointMs: number,
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
    const workspace = new Workspace(path, db, backupPath, options.idleCheckpointMs ?? IDLE_CHECKPOINT_MS);
    // What creating or migrating the file wrote, too.
    workspace.checkpointWhenIdle();
    return workspace;
  }

  /**
   * Runs `fn` as one write transaction (BEGIN IMMEDIATE: waits up to the busy
   * timeout for another process's write to finish, then gives up with a clear
   * message and nothing written).
   */
  transaction<T>(fn: () => T): T {
    try {
      const result = this.db.transaction(fn).immediate();
      this.checkpointWhenIdle();
      return result;
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

  /**
   * Copies the write-ahead log into the workspace file once writes have
   * paused. SQLite would otherwise do it itself inside the commit that finds
   * the log over 1,000 pages, and that commit (a keystroke, an annotation)
   * would wait for it. PASSIVE: it copies only committed pages and never
   * waits for another connection's reader or writer; the log stays the
   * durable record of whatever is not copied yet.
   */
  private checkpointWhenIdle(): void {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = null;
      if (!this.db.open) return;
      // A transaction opened by hand and still open: its commit comes through transaction() or closes the file.
      if (this.db.inTransaction) return this.checkpointWhenIdle();
      try {
        this.db.pragma('wal_checkpoint(PASSIVE)');
      } catch {
        // Busy or full: the log keeps everything, and SQLite checkpoints at a later commit.
      }
    }, this.idleCheckpointMs);
    // A pending checkpoint does not keep a command-line process alive.
    this.checkpointTimer.unref?.();
  }

  close(): void {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = null;
    if (this.db.open) this.db.close();
  }
}
