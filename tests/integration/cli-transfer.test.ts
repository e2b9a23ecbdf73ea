// The real `list`, `import` and `export` commands, run as users run them, on
// temp workspaces and files.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unzipFiles } from '../../src/core/formats/zip-archive';
import { fixtures } from '../unit/formats/paths';
import { cli as runCli } from './reliability-host';

const dir = mkdtempSync(join(tmpdir(), 'scholia-cli-transfer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


/** The command line as a user runs it. */
const cli = (...args: string[]) => runCli(args);

let n = 0;
const newWorkspace = () => join(dir, `ws-${++n}.sqlite`);
const SAMPLE = join(fixtures, 'sample.native.json');
const withoutExportedAt = (json: string) => json.replace(/"exportedAt": "[^"]*"/, '"exportedAt": "-"');

describe('import, list and export', () => {
  it('imports a native file, lists it, and exports the same JSON to stdout', async () => {
    const ws = newWorkspace();
    const imported = await cli('import', SAMPLE, '--workspace', ws);
    expect(imported).toMatchObject({ code: 0, stdout: 'doc-1\ndoc-2\n' });
    expect(imported.stderr).toContain(`imported 2 documents and 7 annotations into ${ws}`);

    const listed = await cli('list', '--json', '--workspace', ws);
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.stdout) as { id: string; title: string; annotations: number; edits: number; length: number }[];
    expect(rows.map(({ id, title, annotations, edits, length }) => ({ id, title, annotations, edits, length })).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([
      { id: 'doc-1', title: 'Document doc-1', annotations: 6, edits: 3, length: 113 },
      { id: 'doc-2', title: 'Document doc-2', annotations: 1, edits: 0, length: 59 },
    ]);
    const table = await cli('list', '--workspace', ws);
    expect(table.stdout.split('\n')[0]).toBe('ID     ANNOTATIONS  EDITS  LENGTH  TITLE');
    expect(table.stdout).toContain('doc-1            6      3     113  Document doc-1');

    const exported = await cli('export', '--all', '--format', 'native', '--workspace', ws);
    expect(exported.code).toBe(0);
    expect(withoutExportedAt(exported.stdout)).toBe(withoutExportedAt(readFileSync(SAMPLE, 'utf8')));
  });

  it('prints what it made as JSON with --json, including what it left out', async () => {
    const ws = newWorkspace();
    const result = await cli('import', join(fixtures, 'doccano/doccano-label.jsonl'), '--json', '--workspace', ws);
    expect(result.code).toBe(0);
    const outcome = JSON.parse(result.stdout) as { documentIds: string[]; annotationCount: number; issues: { record: string; problem: string }[] };
    expect(outcome.documentIds).toHaveLength(2);
    expect(outcome.annotationCount).toBe(3);
    expect(outcome.issues).toEqual([{ record: 'doccano-label.jsonl: line 2 Comments', problem: 'not imported: 1 comments (Scholia has no place for them)' }]);
  });

  it('imports brat from a folder or a pair of files, and exports brat into a folder with -o', async () => {
    const folder = join(dir, 'brat-in');
    mkdirSync(folder);
    for (const name of ['readout.txt', 'readout.ann']) writeFileSync(join(folder, name), readFileSync(join(fixtures, 'brat', name)));
    const ws = newWorkspace();
    const fromFolder = await cli('import', folder, '--workspace', ws);
    expect(fromFolder.code).toBe(0);
    const [id] = fromFolder.stdout.trim().split('\n');
    const fromPair = await cli('import', join(folder, 'readout.ann'), join(folder, 'readout.txt'), '--format', 'brat', '--workspace', ws);
    expect(fromPair.code).toBe(0);

    const out = join(dir, 'brat-out');
    const exported = await cli('export', id!, '--format', 'brat', '-o', out, '--workspace', ws);
    expect(exported.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['readout.brat.ann', 'readout.brat.txt']);
    expect(readFileSync(join(out, 'readout.brat.txt'))).toEqual(readFileSync(join(fixtures, 'brat/readout.txt')));
    expect(readFileSync(join(out, 'readout.brat.ann'), 'utf8')).toContain('T3\tEntity/Place 23 25\t𠀋京');
  });

  it('writes one file to -o PATH, and the text export is the current text exactly', async () => {
    const ws = newWorkspace();
    await cli('import', SAMPLE, '--workspace', ws);
    const path = join(dir, 'doc-1.txt');
    const result = await cli('export', 'doc-1', '--format', 'text', '-o', path, '--workspace', ws);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { documents: { text: string }[] };
    expect(readFileSync(path, 'utf8')).toBe(sample.documents[0]!.text);
  });
});

describe('export to a .zip', () => {
  it('writes every file of a brat or text export into the one archive -o names', async () => {
    const ws = newWorkspace();
    await cli('import', SAMPLE, '--workspace', ws);
    for (const format of ['brat', 'text']) {
      const path = join(dir, `workspace-${format}.zip`);
      const result = await cli('export', '--all', '--format', format, '-o', path, '--workspace', ws);
      expect(result).toMatchObject({ code: 0, stdout: '' });
      const inside = unzipFiles(readFileSync(path));
      const expected = await cli('export', '--all', '--format', format, '-o', join(dir, `workspace-${format}`), '--workspace', ws);
      expect(expected.code).toBe(0);
      const loose = readdirSync(join(dir, `workspace-${format}`)).sort();
      expect(inside.map((f) => f.name).sort()).toEqual(loose);
      for (const file of inside) expect(file.content).toBe(readFileSync(join(dir, `workspace-${format}`, file.name), 'utf8'));
    }
    expect(unzipFiles(readFileSync(join(dir, 'workspace-brat.zip'))).map((f) => f.name).sort()).toEqual([
      'Document doc-1.brat.ann',
      'Document doc-1.brat.txt',
      'Document doc-2.brat.ann',
      'Document doc-2.brat.txt',
    ]);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('errors: exit 2 and a message on stderr', () => {
  it('refuses a bad file naming it, the record and the problem, and imports nothing', async () => {
    const ws = newWorkspace();
    const bad = join(dir, 'newer.json');
    const file = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { documents: { annotations: { quote: string }[] }[] };
    file.documents[0]!.annotations[1]!.quote = 'not the text';
    writeFileSync(bad, JSON.stringify(file));
    const result = await cli('import', SAMPLE, bad, '--workspace', ws);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('scholia: newer.json: documents[0].annotations[1]: quote "not the text" does not match the text at [8, 16), which is "Li Qiang"\n');
    expect(JSON.parse((await cli('list', '--json', '--workspace', ws)).stdout)).toEqual([]);
  });

  it('says what is missing or wrong in the command line', async () => {
    const ws = newWorkspace();
    expect(await cli('export', '--format', 'native', '--workspace', ws)).toMatchObject({ code: 2, stderr: 'scholia: export needs document ids (see: list) or --all, not both\n' });
    expect(await cli('export', '--all', '--workspace', ws)).toMatchObject({ code: 2, stderr: expect.stringContaining('export needs --format, one of native, w3c, brat, doccano, xliff, text') });
    expect(await cli('export', 'nope', '--format', 'native', '--workspace', ws)).toMatchObject({ code: 2, stderr: 'scholia: no document with id nope\n' });
    expect(await cli('import', '--workspace', ws)).toMatchObject({ code: 2, stderr: expect.stringContaining('import needs at least one FILE') });
    expect(await cli('import', join(dir, 'missing.json'), '--workspace', ws)).toMatchObject({ code: 2, stderr: expect.stringContaining('missing.json: no such file') });
    expect(await cli('import', SAMPLE, '--format', 'csv', '--workspace', ws)).toMatchObject({ code: 2, stderr: expect.stringContaining('--format is one of auto, text, native, w3c, brat, doccano') });
    await cli('import', SAMPLE, '--workspace', ws);
    expect(await cli('export', 'doc-1', '--format', 'brat', '--workspace', ws)).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('brat export of these documents is 2 files: give a folder with -o DIR') });
    // Nine starts of the command line from sources (tsx): seconds each on a busy machine.
  }, 120_000);
});
