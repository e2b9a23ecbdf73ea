// Writing an output file so that an interrupted or failed write never leaves
// half a file under its name, nor a temporary file beside it. A run killed
// mid-write (kill -9, power loss) cannot clean up: its temporary file has a
// name that says whose it is (.NAME.scholia-PID-RANDOM.tmp), and the next
// write of the same target removes those whose process is gone.

import { randomBytes } from 'node:crypto';
import { lstat, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface FileOps {
  /** Text is written as UTF-8; bytes as they are. */
  writeFile(path: string, content: string | Uint8Array, encoding: 'utf8'): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

// 'wx': never written through a file (or link) someone left under the temporary name.
const nodeOps: FileOps = { writeFile: (path, content, encoding) => writeFile(path, content, { encoding, flag: 'wx' }), rename, unlink };

/** The temporary file this process writes `path` through: hidden, beside it, naming the process. */
export function temporaryNameOf(path: string, pid = process.pid): string {
  return join(dirname(path), `.${basename(path)}.scholia-${pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Removes temporary files of earlier writes of `path` that were killed before
 * they could: by name only ours for this target, regular files (no link is
 * followed), owned by this user, written by a process that no longer runs.
 * Returns the names removed.
 */
export async function removeStaleTemporaries(path: string): Promise<string[]> {
  const dir = dirname(path);
  const prefix = `.${basename(path)}.scholia-`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)-[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
    if (!match) continue;
    const pid = Number(match[1]);
    if (processRuns(pid)) continue;
    const file = join(dir, name);
    try {
      const info = await lstat(file);
      if (!info.isFile() || (process.getuid !== undefined && info.uid !== process.getuid())) continue;
      await unlink(file);
      removed.push(file);
    } catch {
      // Gone meanwhile, or not ours to remove: left alone.
    }
  }
  return removed;
}

function processRuns(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Written beside the target and renamed into place. On failure the temporary
 * file is removed and the message names the target (what the user asked for),
 * with a plain reason for the usual causes.
 */
export async function writeAtomically(path: string, content: string | Uint8Array, ops: FileOps = nodeOps): Promise<void> {
  await removeStaleTemporaries(path);
  const temporary = temporaryNameOf(path);
  try {
    await ops.writeFile(temporary, content, 'utf8');
    await ops.rename(temporary, path);
  } catch (error) {
    await ops.unlink(temporary).catch(() => undefined);
    throw new Error(`cannot write ${path}: ${reason(error)}; nothing was written there`, { cause: error });
  }
}

function reason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOENT':
      return 'its folder does not exist';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
