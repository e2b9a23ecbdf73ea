import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryNameOf, writeAtomically, type FileOps } from '../../../src/cli/atomic-write';

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

describe('temporary files a killed export left', () => {
  /** The id of a process that has ended. */
  const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

  it('are recognisable: hidden, beside the target, naming it and the process', () => {
    expect(temporaryNameOf('/data/out.json', 4242)).toMatch(/^\/data\/\.out\.json\.scholia-4242-[0-9a-f]{8}\.tmp$/);
  });

  it('the next write of the same target removes those of processes gone, and nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scholia-atomic-'));
    const target = join(dir, 'out.json');
    const stale = temporaryNameOf(target, deadPid());
    writeFileSync(stale, 'half an exp');
    // A write of the same target still running (this process), another target's leftover, a link under our pattern, the user's own file.
    const live = temporaryNameOf(target, process.pid);
    writeFileSync(live, 'in progress');
    const otherTarget = temporaryNameOf(join(dir, 'other.json'), deadPid());
    writeFileSync(otherTarget, 'not this target');
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    const link = temporaryNameOf(target, deadPid());
    symlinkSync(join(dir, 'keep.txt'), link);
    writeFileSync(join(dir, 'out.json.tmp'), 'the user named it so');

    await writeAtomically(target, '{}');

    expect(readFileSync(target, 'utf8')).toBe('{}');
    expect(existsSync(stale)).toBe(false);
    for (const kept of [live, otherTarget, link, join(dir, 'keep.txt'), join(dir, 'out.json.tmp')]) expect(readdirSync(dir)).toContain(kept.slice(dir.length + 1));
    expect(readFileSync(join(dir, 'keep.txt'), 'utf8')).toBe('mine');
  });
});
