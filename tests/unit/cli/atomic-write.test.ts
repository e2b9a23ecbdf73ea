import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomically, type FileOps } from '../../../src/cli/atomic-write';

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

describe('writing an export file', () => {
  it('writes the content under the name, leaving nothing beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scholia-atomic-'));
    await writeAtomically(join(dir, 'out.txt'), 'hello');
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('hello');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('on a full disk removes its temporary file and names the target, not the temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scholia-atomic-'));
    const target = join(dir, 'out.txt');
    // The disk fills up halfway through the write: half a file is on disk when the error comes.
    const ops: FileOps = {
      writeFile: async (path, content, encoding) => {
        await writeFile(path, content.slice(0, 2), encoding);
        throw enospc();
      },
      rename,
      unlink,
    };
    const failure = await writeAtomically(target, 'hello', ops).then(() => null, (error: Error) => error.message);
    expect(failure).toBe(`cannot write ${target}: the disk is full; nothing was written there`);
    expect(failure).not.toContain('.tmp');
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(target)).toBe(false);
  });
});
