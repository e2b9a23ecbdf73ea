// What the library shows about documents: their status, when they last
// changed (annotations count), the workspace's settings, and titles of
// imported files; and the `rename` command.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/api/common/contract';
import { createDispatch } from '../../src/api/node/dispatch';
import { createService } from '../../src/api/node/service';
import type { Annotation, DocumentSummary, Edit } from '../../src/core/model';
import type { Settings } from '../../src/core/settings';
import { Workspace } from '../../src/store/workspace';
import { cli } from './reliability-host';

const open: Workspace[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
});

const tempPath = () => join(mkdtempSync(join(tmpdir(), 'scholia-library-')), 'workspace.sqlite');

async function workspace(path = tempPath()) {
  const ws = await Workspace.open(path);
  open.push(ws);
  // A clock that moves a minute per call, so every write has its own time.
  let minute = 0;
  const now = () => new Date(Date.UTC(2026, 0, 1, 0, minute++)).toISOString();
  const dispatch = createDispatch(createService({ workspace: ws, author: 'system-user', now }));
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const envelope = (await dispatch(method, input)) as Envelope<T>;
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value;
  };
  const summary = async (id: string) => (await call<DocumentSummary[]>('documents.list', {})).find((d) => d.id === id)!;
  return { ws, path, call, summary };
}

describe('a document in the library', () => {
  it('is new, moves to in progress with its first annotation, and takes the status the user sets', async () => {
    const { call, summary } = await workspace();
    const doc = await call<DocumentSummary>('documents.create', { title: 'Readout', text: 'Premier Li met the press.' });
    expect(doc.status).toBe('new');
    await call('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 0, end: 7 });
    expect((await summary(doc.id)).status).toBe('in-progress');
    await call('documents.setStatus', { id: doc.id, status: 'done' });
    expect((await summary(doc.id)).status).toBe('done');
    // Done stays done when more work comes in.
    await call('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 8, end: 10 });
    expect((await summary(doc.id)).status).toBe('done');
    await expect(call('documents.setStatus', { id: doc.id, status: 'finished' })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('moves to in progress with its first edit', async () => {
    const { call, summary } = await workspace();
    const doc = await call<DocumentSummary>('documents.create', { title: 'Readout', text: 'abc' });
    await call('edits.apply', { documentId: doc.id, baseEditCount: 0, changes: [{ start: 3, end: 3, inserted: 'd' }] });
    expect((await summary(doc.id)).status).toBe('in-progress');
  });

  it('shows a later "last change" when only its annotations change (created, updated, deleted)', async () => {
    const { call, summary } = await workspace();
    const doc = await call<DocumentSummary>('documents.create', { title: 'Readout', text: 'Premier Li met the press.' });
    const times = [(await summary(doc.id)).updatedAt];
    const annotation = await call<Annotation>('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 0, end: 7 });
    times.push((await summary(doc.id)).updatedAt);
    await call('annotations.update', { id: annotation.id, note: { base: '', value: 'the head of government' } });
    times.push((await summary(doc.id)).updatedAt);
    await call('annotations.delete', { id: annotation.id });
    times.push((await summary(doc.id)).updatedAt);
    expect([...times].sort()).toEqual(times);
    expect(new Set(times).size).toBe(4);
  });

  it('gets its title from its first line when the file name is a machine code, and keeps the file name as source', async () => {
    const { call } = await workspace();
    const content = Buffer.from('\nPremier Li meets the press\nBody text.').toString('base64');
    const { documentIds } = await call<{ documentIds: string[] }>('transfer.import', { files: [{ name: '000_0615b6b790e0de63.txt', contentBase64: content }] });
    const doc = await call<DocumentSummary>('documents.get', { id: documentIds[0] });
    expect(doc).toMatchObject({ title: 'Premier Li meets the press', sourceName: '000_0615b6b790e0de63.txt' });
    const named = await call<DocumentSummary>('documents.importFile', { fileName: 'Press notes.txt', contentBase64: content });
    expect(named.title).toBe('Press notes');
  });
});

describe('settings', () => {
  it('start at their defaults, keep what is set, and refuse what is not a setting', async () => {
    const { call } = await workspace();
    expect(await call<Settings>('settings.get', {})).toEqual({ authorName: '', theme: 'system', textSize: 100 });
    await call('settings.update', { theme: 'dark', textSize: 115 });
    expect(await call<Settings>('settings.get', {})).toEqual({ authorName: '', theme: 'dark', textSize: 115 });
    await expect(call('settings.update', { textSize: 113 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('settings.update', { theme: 'sepia' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('settings.update', { colour: 'red' })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('name the author of edits and annotations; without a name, the system user is the author', async () => {
    const { call } = await workspace();
    const doc = await call<DocumentSummary>('documents.create', { title: 'Readout', text: 'abc' });
    expect((await call<Annotation>('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 0, end: 1 })).author).toBe('system-user');
    await call('settings.update', { authorName: 'Mei Chen' });
    expect((await call<Annotation>('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 1, end: 2 })).author).toBe('Mei Chen');
    await call('edits.apply', { documentId: doc.id, baseEditCount: 0, changes: [{ start: 3, end: 3, inserted: 'd' }] });
    expect((await call<Edit[]>('edits.list', { documentId: doc.id })).map((e) => e.author)).toEqual(['Mei Chen']);
  });
});

describe('the rename command', () => {
  it('renames a document and refuses an empty title or an unknown id', async () => {
    const { call, path, ws } = await workspace();
    const doc = await call<DocumentSummary>('documents.create', { title: 'Old', text: 'abc' });
    ws.close();
    const renamed = await cli(['rename', doc.id, 'Premier readout, 17 May', '--workspace', path]);
    expect(renamed).toMatchObject({ code: 0, stdout: `${doc.id}\tPremier readout, 17 May\n` });
    expect((await cli(['list', '--json', '--workspace', path])).stdout).toContain('"title": "Premier readout, 17 May"');
    const empty = await cli(['rename', doc.id, '  ', '--workspace', path]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('cannot rename');
    const unknown = await cli(['rename', 'nope', 'Title', '--workspace', path]);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toContain('no document with id nope');
  });
});
