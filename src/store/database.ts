// Opening a workspace file: refuse what is not ours, make it durable, and
// bring its schema up to date behind a backup.

import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { WorkspaceError } from './errors';
import { migrations as allMigrations, type Migration } from './migrations';

/** PRAGMA application_id of Scholia workspaces ("SCH1"). */
export const APPLICATION_ID = 0x53434831;

const SQLITE_HEADER = 'SQLite format 3\u0000';

export interface OpenOptions {
  /** Migrations to apply; tests pass their own to exercise failures. */
  migrations?: readonly Migration[];
  /** Path of the native better-sqlite3 binding (Electron loads its own build). */
  nativeBinding?: string;
  /** How long a write waits for another process's lock before failing. */
  busyTimeoutMs?: number;
}

export interface OpenedDatabase {
  db: Database.Database;
  /** True when the file was new (or empty) and has just been given the schema. */
  created: boolean;
  /** Where the pre-migration backup went, when one was made. */
  backupPath: string | null;
}

export async function openDatabase(path: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  const migrations = options.migrations ?? allMigrations;
  checkFileLooksLikeSqlite(path);
  let db: Database.Database;
  try {
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw translateOpenError(path, error);
  }
  try {
    configure(db, path, options.busyTimeoutMs ?? 5000);
    const version = db.pragma('user_version', { simple: true }) as number;
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const hasTables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n > 0;
    if (applicationId !== APPLICATION_ID && (hasTables || version !== 0 || applicationId !== 0)) {
      throw new WorkspaceError('foreign_database', `${path} is an SQLite database of another program, not a Scholia workspace`);
    }
    const latest = migrations.at(-1)?.version ?? 0;
    if (version > latest) {
      throw new WorkspaceError('too_new', `${path} was written by a newer Scholia (schema ${version}; this version reads up to ${latest})`);
    }
    const pending = migrations.filter((m) => m.version > version);
    let backupPath: string | null = null;
    if (pending.length > 0 && version > 0) {
      backupPath = `${path}.v${version}-${new Date().toISOString().replace(/[:.]/g, '-')}.backup`;
      await db.backup(backupPath);
    }
    for (const migration of pending) {
      try {
        db.transaction(() => {
          migration.up(db);
          db.pragma(`user_version = ${migration.version}`);
          if (migration.version === 1) db.pragma(`application_id = ${APPLICATION_ID}`);
        }).immediate();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const where = backupPath ? `; the workspace is unchanged and a backup is at ${backupPath}` : '; the workspace is unchanged';
        throw new WorkspaceError('migration_failed', `migrating ${path} to schema ${migration.version} failed: ${reason}${where}`);
      }
    }
    return { db, created: version === 0, backupPath };
  } catch (error) {
    db.close();
    throw error instanceof WorkspaceError ? error : translateOpenError(path, error);
  }
}

function configure(db: Database.Database, path: string, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw new WorkspaceError('corrupt', `${path} is damaged (SQLite quick_check: ${String(check)})`);
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new WorkspaceError('cannot_open', `${path} cannot use write-ahead logging (journal mode ${String(mode)})`);
  // NORMAL, better-sqlite3's default, can lose the last commits on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

function checkFileLooksLikeSqlite(path: string): void {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isDirectory()) throw new WorkspaceError('not_a_file', `${path} is a folder, not a workspace file`);
  if (stat.size === 0) return;
  const header = Buffer.alloc(16);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw translateOpenError(path, error);
  }
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new WorkspaceError('not_sqlite', `${path} is not a Scholia workspace (not an SQLite database)`);
  }
}

function translateOpenError(path: string, error: unknown): WorkspaceError {
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB') return new WorkspaceError('not_sqlite', `${path} is not a Scholia workspace (not an SQLite database)`);
  if (code === 'SQLITE_CORRUPT') return new WorkspaceError('corrupt', `${path} is damaged: ${message}`);
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EROFS') {
    return new WorkspaceError('read_only', `${path} cannot be written (read-only file or folder): ${message}`);
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new WorkspaceError('locked', `${path} is locked by another program; close it there and try again`);
  }
  return new WorkspaceError('cannot_open', `cannot open workspace ${path}: ${message}`);
}
