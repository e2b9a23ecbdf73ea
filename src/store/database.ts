// Opening a workspace file: refuse what is not ours, make it durable, and
// bring its schema up to date behind a backup.

import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
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
  /** Fills a workspace the moment it is created, in the transaction that creates its schema. */
  initialize?: (db: Database.Database) => void;
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
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    // Everything that may refuse the file runs before anything writes to it:
    // a damaged file, another program's database or a newer workspace is left byte for byte as it was.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw damaged(path, String(check));
    const version = db.pragma('user_version', { simple: true }) as number;
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const hasTables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n > 0;
    if (applicationId !== APPLICATION_ID && (hasTables || version !== 0 || applicationId !== 0)) {
      throw new WorkspaceError('foreign_database', `${path} is an SQLite database of another program, not a Scholia workspace; it was left as it is`);
    }
    const latest = migrations.at(-1)?.version ?? 0;
    if (version > latest) {
      throw new WorkspaceError('too_new', `${path} was written by a newer Scholia (schema ${version}; this version reads up to ${latest})`);
    }
    configure(db);
    const pending = migrations.filter((m) => m.version > version);
    let backupPath: string | null = null;
    if (pending.length > 0 && version > 0) {
      backupPath = `${path}.v${version}-${new Date().toISOString().replace(/[:.]/g, '-')}.backup`;
      await db.backup(backupPath);
    }
    let created = false;
    if (version === 0) {
      // A new workspace is made whole in one transaction (schema, then default contents), so a
      // crash leaves no half-made file, and a second process creating it at the same moment waits,
      // then finds it made.
      created = db.transaction((): boolean => {
        if ((db.pragma('user_version', { simple: true }) as number) !== 0) return false;
        for (const migration of pending) applyMigration(db, path, migration, null);
        options.initialize?.(db);
        return true;
      }).immediate();
    } else {
      for (const migration of pending) {
        db.transaction(() => {
          // Another process may have migrated while this one waited for the lock.
          if ((db.pragma('user_version', { simple: true }) as number) >= migration.version) return;
          applyMigration(db, path, migration, backupPath);
        }).immediate();
      }
    }
    return { db, created, backupPath };
  } catch (error) {
    db.close();
    throw error instanceof WorkspaceError ? error : translateOpenError(path, error);
  }
}

/** Runs one migration and records its version; call inside a write transaction. */
function applyMigration(db: Database.Database, path: string, migration: Migration, backupPath: string | null): void {
  try {
    migration.up(db);
    db.pragma(`user_version = ${migration.version}`);
    if (migration.version === 1) db.pragma(`application_id = ${APPLICATION_ID}`);
  } catch (error) {
    if (isBusy(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const where = backupPath ? `; the workspace is unchanged and a backup is at ${backupPath}` : '; the workspace is unchanged';
    throw new WorkspaceError('migration_failed', `migrating ${path} to schema ${migration.version} failed: ${reason}${where}`);
  }
}

function configure(db: Database.Database): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new WorkspaceError('cannot_open', `${db.name} cannot use write-ahead logging (journal mode ${String(mode)})`);
  // NORMAL, better-sqlite3's default, can lose the last commits on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

function checkFileLooksLikeSqlite(path: string): void {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw translateOpenError(path, error);
  }
  if (stat.isDirectory()) throw new WorkspaceError('not_a_file', `${path} is a folder, not a workspace file`);
  if (!stat.isFile()) throw new WorkspaceError('not_a_file', `${path} is not a regular file, so it cannot be a workspace`);
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
    throw new WorkspaceError('not_sqlite', `${path} is not a Scholia workspace (not an SQLite database); it was left as it is`);
  }
}

function damaged(path: string, detail: string): WorkspaceError {
  // quick_check can list many problems over many lines: one line, the first few, is enough to say what happened.
  const lines = detail
    .replace(/\*\*\* in database \w+ \*\*\*/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const shown = lines.slice(0, 3).join('; ') + (lines.length > 3 ? `; and ${lines.length - 3} more problem${lines.length === 4 ? '' : 's'}` : '');
  return new WorkspaceError('corrupt', `${path} is damaged (SQLite: ${shown.length > 400 ? `${shown.slice(0, 400)}…` : shown}); Scholia leaves it as it is: restore it from a backup or a copy`);
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** A write SQLite refused because the disk (or the file's allowed size) is full: the transaction was rolled back. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
}

export function diskFullError(path: string): WorkspaceError {
  return new WorkspaceError('disk_full', `the disk is full; nothing was saved (${path})`);
}

/** The message for a write that gave up waiting for another process's lock. */
export function busyError(path: string): WorkspaceError {
  return new WorkspaceError('locked', `${path} is busy: another program kept it locked for writing too long; nothing was changed, try again`);
}

function translateOpenError(path: string, error: unknown): WorkspaceError {
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB') return new WorkspaceError('not_sqlite', `${path} is not a Scholia workspace (not an SQLite database); it was left as it is`);
  if (code.startsWith('SQLITE_CORRUPT')) return damaged(path, message);
  if (code === 'EACCES' || code === 'EPERM') return new WorkspaceError('cannot_open', `${path} cannot be read: permission denied`);
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return new WorkspaceError('read_only', `${path} cannot be written (read-only file or folder): ${message}`);
  }
  if (isBusy(error)) return new WorkspaceError('locked', `${path} is locked by another program; close it there and try again`);
  if (code.startsWith('SQLITE_CANTOPEN')) {
    const folder = dirname(path);
    if (!existsSync(path) && !writable(folder)) return new WorkspaceError('read_only', `${path} cannot be created: the folder ${folder} is not writable`);
    return new WorkspaceError('cannot_open', `cannot open workspace ${path}: ${message} (is its folder writable?)`);
  }
  return new WorkspaceError('cannot_open', `cannot open workspace ${path}: ${message}`);
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
