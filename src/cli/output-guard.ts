// An export must never land on the workspace it was read from: writing text
// over the SQLite file (or its -wal, -shm or -journal) destroys it, and a host
// still running on it would keep acknowledging writes into a deleted file.

import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './args';

/** The files SQLite keeps beside a workspace, besides the workspace itself. */
const SIDE_FILES = ['', '-wal', '-shm', '-journal'];

/**
 * Throws a UsageError when `target` is, or may be on a case-insensitive file
 * system, one of the protected files (a workspace with its side files, or an
 * input of the same command). Paths are compared after resolving symlinks and
 * `..`, by name case-insensitively (refusing `WS.SQLITE` on a case-sensitive
 * disk too costs nothing), and by inode where the file exists (hard links).
 */
export function refuseProtectedTarget(target: string, protectedFiles: readonly { path: string; what: string }[], shownAs = target): void {
  const real = canonical(target);
  const targetInode = inode(target);
  for (const file of protectedFiles) {
    const { path, what } = file;
    const candidates = what === 'the workspace' ? SIDE_FILES.map((suffix) => `${canonical(path)}${suffix}`) : [canonical(path)];
    for (const candidate of candidates) {
      const sameInode = targetInode !== null && targetInode === inode(candidate);
      if (sameInode || real.toLowerCase() === candidate.toLowerCase()) {
        const side = candidate.slice(canonical(path).length);
        const name = side ? `the workspace's ${side.slice(1)} file` : what;
        throw new UsageError(`${shownAs} is ${name} (${path}): writing the export there would destroy it; choose another output path`);
      }
    }
  }
}

/** The absolute path with every symlink resolved, as far as the path exists. */
function canonical(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync.native(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(canonical(parent), basename(absolute));
  }
}

function inode(path: string): string | null {
  try {
    const info = statSync(path);
    return `${info.dev}:${info.ino}`;
  } catch {
    return null;
  }
}
