// The real `check` and `fix` commands, run as users run them, on temp files.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli as runCli } from './reliability-host';

const dir = mkdtempSync(join(tmpdir(), 'scholia-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


/** The command line as a user runs it. */
const cli = (...args: string[]) => runCli(args);

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const BOM = '\uFEFF';
// Written for the project: a BOM, an astral character, then artifacts.
const ARTIFACTS = `${BOM}😀 The port reopened.We must act,Now. See the the plan.\n`;

describe('check', () => {
  it('prints the findings as JSON, in code points of the text without its BOM, and exits 1', async () => {
    const result = await cli('check', file('artifacts.txt', ARTIFACTS), '--json');
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(findings.map((f) => [f.rule, f.start, f.end, f.replacement, f.safe])).toEqual([
      ['missing-space-after-sentence', 19, 21, '. W', true],
      ['missing-space-after-comma', 31, 33, ', N', true],
      ['repeated-word', 44, 48, '', true],
    ]);
    const text = ARTIFACTS.slice(1);
    expect([...text].slice(19, 21).join('')).toBe('.W');
    expect([...text].slice(44, 48).join('')).toBe(' the');
    for (const f of findings) expect(Object.keys(f).sort()).toEqual(['end', 'message', 'replacement', 'rule', 'safe', 'severity', 'start']);
  });

  it('prints findings readably, with 1-based line and column and the quoted text', async () => {
    const path = file('two-lines.txt', 'Clean first line.\nThe port reopened.We act.\n');
    const result = await cli('check', path);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${path}:2:18`);
    expect(result.stdout).toContain('missing-space-after-sentence');
    expect(result.stdout).toContain('".W"');
  });

  it('exits 0 on a clean file', async () => {
    const result = await cli('check', file('clean.txt', 'A clean sentence. Another one.\n'), '--json');
    expect(result).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  it('limits the rules with --rules, and refuses unknown ones listing the known', async () => {
    const path = file('rules.txt', ARTIFACTS);
    const limited = await cli('check', path, '--json', '--rules', 'repeated-word');
    expect((JSON.parse(limited.stdout) as { rule: string }[]).map((f) => f.rule)).toEqual(['repeated-word']);
    const unknown = await cli('check', path, '--rules', 'repeated-word,no-such-rule');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown rule no-such-rule; known rules: .*missing-space-after-sentence/);
  });

  it('refuses a binary file, invalid UTF-8, a missing file and a missing argument with exit 2', async () => {
    const binary = await cli('check', file('image.bin', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])));
    expect(binary.code).toBe(2);
    expect(binary.stderr).toMatch(/not a text file/);
    const latin1 = await cli('check', file('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a])));
    expect(latin1.code).toBe(2);
    expect(latin1.stderr).toMatch(/not valid UTF-8/);
    const missing = await cli('check', join(dir, 'nowhere.txt'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
    const usage = await cli('check');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/needs a FILE/);
  });
});

describe('fix', () => {
  it('prints the text with every safe fix applied', async () => {
    const result = await cli('fix', file('print.txt', ARTIFACTS));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('😀 The port reopened. We must act, Now. See the plan.\n');
  });

  it('writes the file back in place, keeping its BOM and leaving no temporary file', async () => {
    const path = file('in-place.txt', ARTIFACTS);
    const result = await cli('fix', path, '--in-place');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(path, 'utf8')).toBe(`${BOM}😀 The port reopened. We must act, Now. See the plan.\n`);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect((await cli('check', path, '--json', '--rules', 'missing-space-after-sentence,missing-space-after-comma')).code).toBe(0);
  });

  it('limits the fixes with --rules', async () => {
    const result = await cli('fix', file('limited.txt', ARTIFACTS), '--rules', 'missing-space-after-comma');
    expect(result.stdout).toBe('😀 The port reopened.We must act, Now. See the the plan.\n');
  });

  it('exits 2 on a file it cannot read as text', async () => {
    const path = file('fix.bin', new Uint8Array([0x00, 0x01, 0x02]));
    const result = await cli('fix', path, '--in-place');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a text file/);
    expect(readFileSync(path)).toEqual(Buffer.from([0x00, 0x01, 0x02]));
  });
});
