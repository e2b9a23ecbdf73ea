// Writing an output file so that an interrupted or failed write never leaves
// half a file under its name, nor a temporary file beside it.

import { rename, unlink, writeFile } from 'node:fs/promises';

export interface FileOps {
  /** Text is written as UTF-8; bytes as they are. */
  writeFile(path: string, content: string | Uint8Array, encoding: 'utf8'): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

const nodeOps: FileOps = { writeFile, rename, unlink };

/**
 * Written beside the target and renamed into place. On failure the temporary
 * file is removed and the message names the target (what the user asked for),
 * with a plain reason for the usual causes.
 */
export async function writeAtomically(path: string, content: string | Uint8Array, ops: FileOps = nodeOps): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
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
