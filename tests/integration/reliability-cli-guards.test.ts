// Issue 12, items 1 and 11: the command line never writes an export over the
// workspace it reads (or its SQLite side files), and never reads what is not
// a regular file or is larger than an import may be.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './reliability-host';

const dir = mkdtempSync(join(tmpdir(), 'scholia-cli-guards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function workspaceWithOneDocument(name = `ws-${++n}.sqlite`): Promise<string> {
  const folder = join(dir, `case-${++n}`);
  mkdirSync(folder);
  const ws = join(folder, name);
  mkdirSync(join(folder, 'in'));
  const text = join(folder, 'in', 'Document.txt');
  writeFileSync(text, 'The quick brown fox.');
  const imported = await cli(['import', text, '--workspace', ws]);
  expect(imported.code).toBe(0);
  rmSync(text);
  return ws;
}

const SQLITE_HEADER = 'SQLite format 3\u0000';
const stillAWorkspace = async (ws: string) => {
  expect(readFileSync(ws).subarray(0, 16).toString('latin1')).toBe(SQLITE_HEADER);
  const listed = await cli(['list', '--workspace', ws]);
  expect(listed.code).toBe(0);
  expect(listed.stdout).toContain('Document');
};

describe('export -o never writes over the workspace', { timeout: 180_000 }, () => {
  it('refuses the workspace itself, by the same path, a relative path and a symlink', async () => {
    const ws = await workspaceWithOneDocument();
    const link = join(dir, `link-${n}.sqlite`);
    symlinkSync(ws, link);
    for (const target of [ws, relative(process.cwd(), ws), link, join(ws, '..', '.', basename(ws))]) {
      const run = await cli(['export', '--all', '--format', 'text', '-o', target, '--workspace', ws]);
      expect(run.code, target).toBe(2);
      expect(run.stderr).toMatch(/is the workspace/);
      expect(run.stderr).toContain(target);
      await stillAWorkspace(ws);
    }
    // Through the symlink as --workspace, onto the real file.
    const run = await cli(['export', '--all', '--format', 'native', '-o', ws, '--workspace', link]);
    expect(run.code).toBe(2);
    await stillAWorkspace(ws);
  });

  it('refuses its -wal, -shm and -journal files, also spelled in another case', async () => {
    const ws = await workspaceWithOneDocument();
    for (const suffix of ['-wal', '-shm', '-journal', '-WAL']) {
      const run = await cli(['export', '--all', '--format', 'text', '-o', `${ws}${suffix}`, '--workspace', ws]);
      expect(run.code, suffix).toBe(2);
      expect(run.stderr).toMatch(/workspace/);
      await stillAWorkspace(ws);
    }
    const upper = await cli(['export', '--all', '--format', 'text', '-o', join(ws, '..', basename(ws).toUpperCase()), '--workspace', ws]);
    expect(upper.code).toBe(2);
  });

  it('refuses a folder export that would write one of its files over the workspace', async () => {
    const ws = await workspaceWithOneDocument('Document.txt');
    const folder = join(ws, '..');
    const run = await cli(['export', '--all', '--format', 'text', '-o', folder, '--workspace', ws]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(ws);
    await stillAWorkspace(ws);
    expect(readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('still exports beside the workspace', async () => {
    const ws = await workspaceWithOneDocument();
    const out = join(ws, '..', 'out.txt');
    const run = await cli(['export', '--all', '--format', 'text', '-o', out, '--workspace', ws]);
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('The quick brown fox.');
  });

  it('removes the temporary file an export killed mid-write left, and names only the target', async () => {
    const ws = await workspaceWithOneDocument();
    const out = join(ws, '..', 'out.txt');
    // What kill -9 leaves: a hidden temporary file naming the target and a process that is gone.
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const leftover = join(ws, '..', `.out.txt.scholia-${gone}-0123abcd.tmp`);
    writeFileSync(leftover, 'The qui');
    const run = await cli(['export', '--all', '--format', 'text', '-o', out, '--workspace', ws]);
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('The quick brown fox.');
    expect(existsSync(leftover)).toBe(false);
    expect(readdirSync(join(ws, '..')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(`${run.stdout}${run.stderr}`).not.toContain('.tmp');
  });
});

describe('import reads only regular files of a size it accepts', () => {
  it('refuses a device before reading from it', async () => {
    const ws = join(dir, `dev-${++n}.sqlite`);
    const run = await cli(['import', '/dev/zero', '--workspace', ws]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\/dev\/zero is not a regular file/);
    expect(existsSync(ws)).toBe(false);
  });

  it('refuses a 65 MiB file by its size, saying what the limits are for', async () => {
    const big = join(dir, 'big.jsonl');
    writeFileSync(big, '');
    truncateSync(big, 65 * 1024 * 1024);
    const run = await cli(['import', big, '--workspace', join(dir, `big-${++n}.sqlite`)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/big\.jsonl is 65\.0 MiB, over the 64 MiB limit for one file/);
    expect(run.stderr).toMatch(/16 MiB for one document/);
  });
});

describe('names from files reach the terminal escaped', () => {
  it('a doccano label that would retitle the window and clear the screen is refused and shown escaped', async () => {
    const hostile = '\u001b]0;owned\u0007\u001b[2J';
    const input = join(dir, 'hostile.jsonl');
    writeFileSync(input, `${JSON.stringify({ text: 'Hello brave new world.', label: [[0, 5, hostile]] })}\n`);
    const run = await cli(['import', input, '--workspace', join(dir, `esc-${++n}.sqlite`)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('control characters');
    expect(run.stderr).not.toMatch(/[\u0007\u001b]/);
    expect(run.stderr).toContain('\\u001b]0;owned\\u0007');
  });
});
