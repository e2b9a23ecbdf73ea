// The write-ahead log copied into the workspace file once writes pause (so
// SQLite's own checkpoint no longer lands inside a commit): the file alone,
// copied without its log, holds what was committed once the workspace has been
// idle, and not before; a transaction still open puts it off; nothing
// committed is lost either way.

import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashDocument, insertDocument } from '../../../src/store/documents';
import { Workspace } from '../../../src/store/workspace';

const IDLE_MS = 80;
const dir = mkdtempSync(join(tmpdir(), 'scholia-checkpoint-'));
let opened: Workspace[] = [];
// The workspace's timer is driven by hand: what counts is the order of writes and pauses, not the clock.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  for (const ws of opened) ws.close();
  opened = [];
  vi.useRealTimers();
});
const pause = (ms: number) => vi.advanceTimersByTime(ms);

async function open(name: string): Promise<Workspace> {
  const ws = await Workspace.open(join(dir, `${name}.sqlite`), { idleCheckpointMs: IDLE_MS });
  opened.push(ws);
  // Whatever opening wrote is checkpointed first.
  pause(IDLE_MS * 3);
  return ws;
}

async function addDocument(ws: Workspace, title: string): Promise<void> {
  const hashed = await hashDocument({ title, text: `${title}\n`.repeat(200) });
  ws.transaction(() => insertDocument(ws.db, hashed));
}

/** The titles the workspace file holds by itself: a copy of it without its log, opened. */
function titlesInFileAlone(ws: Workspace, name: string): string[] {
  const copy = join(dir, `${name}-copy-${Math.random().toString(36).slice(2)}.sqlite`);
  copyFileSync(ws.path, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return (db.prepare('SELECT title FROM documents ORDER BY title').all() as { title: string }[]).map((r) => r.title);
  } finally {
    db.close();
  }
}

const titles = (ws: Workspace) => (ws.db.prepare('SELECT title FROM documents ORDER BY title').all() as { title: string }[]).map((r) => r.title);

describe('the log checkpointed when the workspace is idle', () => {
  it('leaves a commit in the log, then copies it into the file once writes have paused', async () => {
    const ws = await open('paused');
    await addDocument(ws, 'first');
    // Committed (in the log), not yet in the file: the commit did not wait for a checkpoint.
    expect(titles(ws)).toEqual(['first']);
    expect(titlesInFileAlone(ws, 'paused')).toEqual([]);
    pause(IDLE_MS * 3);
    expect(titlesInFileAlone(ws, 'paused')).toEqual(['first']);
  });

  it('waits while writes keep coming, each one putting it off', async () => {
    const ws = await open('busy');
    for (const title of ['a', 'b', 'c', 'd']) {
      await addDocument(ws, title);
      pause(IDLE_MS / 4);
    }
    expect(titlesInFileAlone(ws, 'busy')).toEqual([]);
    pause(IDLE_MS * 3);
    expect(titlesInFileAlone(ws, 'busy')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('is put off by a transaction still open, and copies only what was committed', async () => {
    const ws = await open('open-tx');
    await addDocument(ws, 'committed');
    const hashed = await hashDocument({ title: 'uncommitted', text: 'x\n' });
    ws.db.prepare('BEGIN IMMEDIATE').run();
    insertDocument(ws.db, hashed);
    pause(IDLE_MS * 3);
    expect(titlesInFileAlone(ws, 'open-tx')).toEqual([]);
    ws.db.prepare('ROLLBACK').run();
    pause(IDLE_MS * 3);
    expect(titlesInFileAlone(ws, 'open-tx')).toEqual(['committed']);
    expect(titles(ws)).toEqual(['committed']);
  });

  it('keeps everything committed when the workspace is closed and opened again', async () => {
    const ws = await open('reopen');
    await addDocument(ws, 'one');
    pause(IDLE_MS * 3);
    await addDocument(ws, 'two');
    ws.close();
    const again = await open('reopen');
    expect(titles(again)).toEqual(['one', 'two']);
  });
});
