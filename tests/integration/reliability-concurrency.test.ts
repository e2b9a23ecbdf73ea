// A workspace opened by a second process: two web hosts, a host and the
// command line, or another program holding a write lock. Writes wait for the
// lock (busy_timeout) and then land, or fail with a clear "busy" message and
// nothing written; a file another program keeps locked is refused with a
// clear message; nothing ever corrupts.

import Database from 'better-sqlite3';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EditsApplied } from '../../src/api/common/contract';
import { replayEdits } from '../../src/core/edits';
import type { Annotation, DocumentRecord, DocumentSummary, Tag } from '../../src/core/model';
import { insertDocument } from '../../src/store/documents';
import { listEdits } from '../../src/store/edits';
import { readOriginal, readText } from '../../src/store/text';
import { Workspace } from '../../src/store/workspace';
import { call, cli, killAllHosts, must, spawnHost, startHost } from './reliability-host';

const dir = mkdtempSync(join(tmpdir(), 'scholia-concurrency-'));
chmodSync(dir, 0o755);
afterAll(async () => {
  await killAllHosts();
  rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
const tempPath = () => join(dir, `w${counter++}.sqlite`);

/** A workspace with one document, made in this process. */
async function workspaceWithDocument(text = 'The delegation met in Beijing on Monday. 😀 Trade was discussed.'): Promise<{ path: string; documentId: string }> {
  const path = tempPath();
  const ws = await Workspace.open(path);
  const id = ws.transaction(() => {
    return insertDocument(ws.db, { id: 'doc', title: 'Doc', sha256: 'x', text }).id;
  });
  ws.close();
  return { path, documentId: id };
}

/** integrity_check, foreign keys, and the edit-replay invariant for every document. */
function checkFile(path: string): { documents: number; annotations: number; tags: number } {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const docs = db.prepare('SELECT id, edit_count FROM documents').all() as { id: string; edit_count: number }[];
    for (const d of docs) {
      const edits = listEdits(db, d.id);
      expect(edits.length).toBe(d.edit_count);
      expect(replayEdits(readOriginal(db, d.id)!, edits)).toBe(readText(db, d.id));
    }
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { documents: docs.length, annotations: count('annotations'), tags: count('tags') };
  } finally {
    db.close();
  }
}

/** Holds a write transaction on `path` from another connection (as another program would) for `ms`. */
function holdWriteLock(path: string, ms: number): { held: Promise<void>; release: () => void } {
  const db = new Database(path);
  db.pragma('busy_timeout = 5000');
  db.exec('BEGIN IMMEDIATE');
  db.prepare("UPDATE documents SET title = title || '' WHERE 0").run();
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    const timer = setTimeout(() => release(), ms);
    release = () => {
      clearTimeout(timer);
      if (db.open) {
        db.exec('COMMIT');
        db.close();
      }
      resolve();
    };
  });
  return { held, release };
}

describe('two web hosts on one workspace', () => {
  it('three create a new workspace at the same moment: one schema, one set of default tags', async () => {
    const path = tempPath();
    const hosts = await Promise.all([startHost(path), startHost(path), startHost(path)]);
    const tags = await Promise.all(hosts.map((h) => must<Tag[]>(h, 'tags.list', {})));
    expect(tags[0]).toHaveLength(7);
    expect(tags[1]).toEqual(tags[0]);
    expect(tags[2]).toEqual(tags[0]);
    await Promise.all(hosts.map((h) => h.kill('SIGTERM')));
    expect(checkFile(path)).toMatchObject({ documents: 0, tags: 7 });
  });

  it('take turns and write at once through SQLite’s locking; a stale edit is refused as a conflict', async () => {
    const { path, documentId } = await workspaceWithDocument();
    const [a, b] = await Promise.all([startHost(path), startHost(path)]);
    // Turns: each host sees what the other committed, at once.
    for (let i = 0; i < 20; i++) {
      const host = i % 2 === 0 ? a : b;
      const applied = await must<EditsApplied>(host, 'edits.apply', { documentId, baseEditCount: i, changes: [{ start: 0, end: 0, inserted: `${i}|` }] });
      expect(applied.editCount).toBe(i + 1);
    }
    const stale = await call(a, 'edits.apply', { documentId, baseEditCount: 3, changes: [{ start: 0, end: 0, inserted: 'late' }] });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('reload') } });

    // At once: 60 annotations through both hosts while each also edits a document of its own.
    const second = await must<DocumentSummary>(b, 'documents.create', { title: 'Second', text: 'Another text, edited by the other host.' });
    const chain = async (host: typeof a, id: string, from: number) => {
      for (let i = 0; i < 15; i++) await must<EditsApplied>(host, 'edits.apply', { documentId: id, baseEditCount: from + i, changes: [{ start: 0, end: 0, inserted: 'x' }] });
    };
    const created = await Promise.all([
      chain(a, documentId, 20),
      chain(b, second.id, 0),
      ...Array.from({ length: 60 }, (_, i) => must<Annotation>(i % 2 === 0 ? a : b, 'annotations.create', { documentId, baseEditCount: 20, start: 30, end: 38, note: `n${i}` })),
    ]);
    const annotationIds = created.slice(2).map((x) => (x as Annotation).id);
    const seenByA = await must<Annotation[]>(a, 'annotations.list', { documentId });
    expect(seenByA.map((x) => x.id).sort()).toEqual([...annotationIds].sort());
    const text = (await must<DocumentRecord>(b, 'documents.get', { id: documentId })).text;
    expect(text.startsWith('x'.repeat(15) + '19|18|')).toBe(true);
    await Promise.all([a.kill('SIGKILL'), b.kill('SIGKILL')]);
    expect(checkFile(path)).toMatchObject({ documents: 2, annotations: 60 });
  });
});

describe.concurrent('another process holding the write lock', () => {
  it('a write waits for it and then succeeds', async () => {
    const { path, documentId } = await workspaceWithDocument();
    const host = await startHost(path);
    const lock = holdWriteLock(path, 1500);
    const started = Date.now();
    const created = await call<Annotation>(host, 'annotations.create', { documentId, baseEditCount: 0, start: 0, end: 3 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(created).toMatchObject({ ok: true, value: { quote: 'The' } });
    await lock.held;
    await host.kill('SIGTERM');
    expect(checkFile(path)).toMatchObject({ annotations: 1 });
  });

  it('held past the busy timeout, the host and the command line fail with a clear “busy” message and write nothing; then both succeed', async () => {
    const { path, documentId } = await workspaceWithDocument();
    const host = await startHost(path);
    const text = join(dir, `import-${counter++}.txt`);
    writeFileSync(text, 'A file imported from the command line while the web host has the workspace open.\n');
    const lock = holdWriteLock(path, 60_000);
    const [refused, cliRefused] = await Promise.all([
      call<Annotation>(host, 'annotations.create', { documentId, baseEditCount: 0, start: 0, end: 3 }),
      cli(['import', text, '--workspace', path]),
    ]);
    lock.release();
    expect(refused).toMatchObject({ ok: false, error: { code: 'workspace', message: expect.stringMatching(/busy.*nothing was changed/) } });
    expect(cliRefused.code).toBe(2);
    expect(cliRefused.stderr).toMatch(/busy.*nothing was changed/);
    expect(checkFile(path)).toMatchObject({ documents: 1, annotations: 0 });

    // Released: the same write, and an import from the command line while the host keeps writing.
    const writes = Array.from({ length: 20 }, (_, i) => must<Annotation>(host, 'annotations.create', { documentId, baseEditCount: 0, start: i, end: i + 3 }));
    const imported = await cli(['import', text, '--workspace', path]);
    await Promise.all(writes);
    expect(imported.code, imported.stderr).toBe(0);
    const listed = await must<DocumentSummary[]>(host, 'documents.list', {});
    expect(listed.map((d) => d.id)).toContain(imported.stdout.trim());
    await host.kill('SIGTERM');
    expect(checkFile(path)).toMatchObject({ documents: 2, annotations: 20 });
  });

  it('a workspace another program keeps locked exclusively is refused at start with a clear message, and left as it was', async () => {
    const { path } = await workspaceWithDocument();
    // Read first: closing any descriptor of the file would drop this process's POSIX locks on it.
    const before = readFileSync(path);
    const other = new Database(path);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN IMMEDIATE; UPDATE documents SET title = title; COMMIT');
    const refused = await spawnHost(path).ready.then(
      () => null,
      (error: unknown) => error as Error & { output: string },
    );
    expect(refused, 'the host started on a locked workspace').not.toBeNull();
    expect(refused!.output).toMatch(/locked by another program; close it there and try again/);
    expect(readFileSync(path).equals(before)).toBe(true);
    other.close();
    const host = await startHost(path);
    expect(await must<DocumentSummary[]>(host, 'documents.list', {})).toHaveLength(1);
    await host.kill('SIGTERM');
    checkFile(path);
  });
});
