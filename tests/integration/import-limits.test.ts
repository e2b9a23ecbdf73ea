// Issue 12, items 5 and 9: every importer is held to the api's limits and text
// rules (core/limits.ts); what a file holds beyond them is refused with the
// record named, and a workspace filled through every way in exports in every format.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportFormats } from '../../src/api/common/contract';
import { exportFiles, importFiles } from '../../src/api/node/transfer';
import { Workspace } from '../../src/store/workspace';
import { fixtures } from '../unit/formats/paths';

const open: Workspace[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
});
const newWorkspace = async () => {
  const ws = await Workspace.open(join(mkdtempSync(join(tmpdir(), 'scholia-limits-')), 'w.sqlite'));
  open.push(ws);
  return ws;
};
const request = { format: 'auto' as const, author: 'tester', now: '2026-01-01T00:00:00.000Z' };
const file = (name: string, content: string) => ({ name, bytes: Buffer.from(content, 'utf8') });
const count = (ws: Workspace, table: string) => (ws.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

type NativeFile = { tags: Record<string, unknown>[]; documents: Record<string, unknown>[] & { annotations?: Record<string, unknown>[] }[] };
const sample = (): NativeFile => JSON.parse(readFileSync(join(fixtures, 'sample.native.json'), 'utf8')) as NativeFile;
const nativeWith = (change: (data: NativeFile) => void) => {
  const data = sample();
  change(data);
  return file('bad.scholia.json', JSON.stringify(data));
};
const secondDoc = (d: NativeFile) => d.documents[1] as Record<string, unknown> & { annotations: Record<string, unknown>[] };

async function refused(files: { name: string; bytes: Buffer }[], message: RegExp): Promise<void> {
  const ws = await newWorkspace();
  const tags = count(ws, 'tags');
  await expect(importFiles(ws, files, request)).rejects.toThrow(message);
  expect([count(ws, 'documents'), count(ws, 'tags')]).toEqual([0, tags]);
}

describe('imports are held to the api’s rules', () => {
  it('refuses NUL in a doccano text and in a native text, naming the record', async () => {
    await refused([file('nul.jsonl', `${JSON.stringify({ text: 'Hello\u0000 brave new world.', label: [] })}\n`)], /nul\.jsonl: documents\[0\].*NUL/);
    await refused(
      [nativeWith((d) => Object.assign(secondDoc(d), { originalText: 'Hello\u0000 world', text: 'Hello\u0000 world', annotations: [] }))],
      /bad\.scholia\.json: documents\[1\].*NUL/,
    );
  });

  it('refuses titles and tag names with control characters, empty or too long', async () => {
    await refused([nativeWith((d) => (secondDoc(d).title = '\u001b]0;owned\u0007\u001b[2J'))], /documents\[1\].*title holds control characters/);
    await refused([nativeWith((d) => (secondDoc(d).title = 'line\nbreak'))], /documents\[1\].*title holds control characters/);
    await refused([nativeWith((d) => (secondDoc(d).title = ' '))], /documents\[1\].*title is empty/);
    await refused([nativeWith((d) => (secondDoc(d).title = 'x'.repeat(1_000_000)))], /documents\[1\].*title is 1000000 characters long, over the limit of 200/);
    await refused(
      [nativeWith((d) => d.tags.push({ id: 't-long', name: 'n'.repeat(100_000), color: '#112233', parent: null, key: null, description: '' }))],
      new RegExp(`tags\\[${sample().tags.length}\\].*name is 100000 characters long`),
    );
    await refused([file('esc.jsonl', `${JSON.stringify({ title: 'a\u0007b', text: 'Hello.', label: [] })}\n`)], /esc\.jsonl: documents\[0\].*control characters/);
  });

  it('refuses zero-length attached annotations, unknown edit origins, huge notes and too many attributes', async () => {
    await refused([nativeWith((d) => Object.assign(secondDoc(d).annotations[0]!, { start: 3, end: 3, quote: '' }))], /documents\[1\].*annotations\[0\].*covers no text/);
    const withEdit = (origin: string) =>
      nativeWith((d) => {
        const doc = secondDoc(d);
        doc.edits = [{ start: 0, end: 0, removed: '', inserted: 'A ', origin, author: 'x', at: '2024-05-02T10:30:00.000Z' }];
        doc.text = `A ${doc.text as string}`;
        doc.annotations = [];
      });
    await refused([withEdit('rule:\u001b[2J')], /documents\[1\].*edits\[0\].*origin/);
    await refused([withEdit('anything')], /documents\[1\].*edits\[0\].*origin/);
    await refused([nativeWith((d) => (secondDoc(d).annotations[0]!.note = 'n'.repeat(10_000_000)))], /annotations\[0\].*note is 10000000 characters long, over the limit of 100000/);
    const many = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, 'v']));
    await refused([nativeWith((d) => (secondDoc(d).annotations[0]!.attributes = many))], /annotations\[0\].*10000 attributes, over the limit of 50/);
  });

  it('refuses a tag chain deeper than the limit with a clear message', async () => {
    const tags = Array.from({ length: 5000 }, (_, i) => ({ id: `t${i}`, name: `T${i}`, color: '#112233', parent: i === 0 ? null : `t${i - 1}`, key: null, description: '' }));
    await refused([nativeWith((d) => ((d.tags = tags), (d.documents = [])))], /tags\[16\].*17 levels deep, over the limit of 16/);
  });
});

describe('exports never fail on what imports stored', () => {
  it('a workspace filled through every importer with hostile-but-allowed text exports in every format', async () => {
    const ws = await newWorkspace();
    const hostile = '\u202eevil\u202c \r\n line\u2028sep e\u0301 👩‍👩‍👧 \t tab "quotes" <b>html</b> \\ back';
    await importFiles(ws, [file('sample.scholia.json', readFileSync(join(fixtures, 'sample.native.json'), 'utf8'))], request);
    await importFiles(ws, [file('h.jsonl', `${JSON.stringify({ title: 'Hostile <b>', text: hostile, label: [[0, 5, 'PER']] })}\n`)], request);
    await importFiles(ws, [file('h.txt', `\ufeff${hostile}`)], request);
    for (const format of exportFormats) {
      const result = exportFiles(ws, 'all', format, request.now);
      // A format with nothing it can hold here (XLIFF without sources) writes no file and says why.
      expect(result.files.length + result.omitted.length, format).toBeGreaterThan(0);
    }
  });
});

describe('the api keeps to the same tag depth', () => {
  it('refuses a tag 17 levels deep, created or moved there', async () => {
    const { createService } = await import('../../src/api/node/service');
    const ws = await newWorkspace();
    const api = createService({ workspace: ws, author: 'tester' });
    let parentId: string | null = null;
    for (let i = 0; i < 16; i++) parentId = (api['tags.create']({ name: `L${i}`, color: '#112233', parentId, key: null, description: '' }) as { id: string }).id;
    expect(() => api['tags.create']({ name: 'L16', color: '#112233', parentId, key: null, description: '' })).toThrow(/at most 16 levels deep/);
    const top = api['tags.create']({ name: 'Top', color: '#112233', parentId: null, key: null, description: '' }) as { id: string };
    api['tags.create']({ name: 'Child', color: '#112233', parentId: top.id, key: null, description: '' });
    expect(() => api['tags.update']({ id: top.id, parentId })).toThrow(/at most 16 levels deep/);
  });
});
