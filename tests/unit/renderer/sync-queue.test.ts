import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Edit, EditOrigin, TextChange } from '../../../src/core/model';
import { Behind, PermanentFailure, SyncQueue, type RebaseReport, type SaveStatus } from '../../../src/renderer/editor/sync-queue';

/** A store that records what arrives, in order; `fail` makes the next sends throw. */
function fakeStore(stored = 0) {
  const received: string[] = [];
  let editCount = stored;
  const store = {
    received,
    fail: null as null | (() => Error),
    get editCount() {
      return editCount;
    },
    target: {
      sendText: async (base: number, changes: TextChange[], origin: EditOrigin) => {
        if (store.fail) throw store.fail();
        expect(base).toBe(editCount);
        received.push(`text(${origin}):${changes.map((c) => c.inserted).join('+')}`);
        editCount += changes.length;
        return editCount;
      },
      fetchSince: async (): Promise<{ text: string; edits: Edit[] }> => {
        throw new Error('no other window in these tests');
      },
    },
    op(name: string) {
      return async () => {
        if (store.fail) throw store.fail();
        received.push(`op:${name}`);
      };
    },
  };
  return store;
}

const typed = (inserted: string): TextChange => ({ start: 0, end: 0, inserted });

describe('the sync queue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('an operation queued as the queue reports Saved is sent too, and Saved comes after it', async () => {
    const store = fakeStore();
    const statuses: SaveStatus['state'][] = [];
    let queue: SyncQueue | null = null;
    let queuedLate = false;
    queue = new SyncQueue(
      store.target,
      0,
      (s) => {
        statuses.push(s.state);
        // Something reacting to Saved queues another operation at once, before the drain has ended.
        if (s.state === 'saved' && !queuedLate) {
          queuedLate = true;
          queue!.addOperation(store.op('late'));
        }
      },
      250,
    );
    queue.addOperation(store.op('first'));
    // No other flush comes (nothing else is typed or queued): the queue sends it of itself.
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.received).toEqual(['op:first', 'op:late']);
    expect(queue.hasUnsaved).toBe(false);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('batches typing for a moment, then sends it as one call', async () => {
    const store = fakeStore();
    const statuses: SaveStatus['state'][] = [];
    const queue = new SyncQueue(store.target, 0, (s) => statuses.push(s.state), 250);
    queue.addText([typed('a')]);
    queue.addText([typed('b')]);
    expect(queue.hasUnsaved).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    queue.addText([typed('c')]); // typing again restarts the wait
    await vi.advanceTimersByTimeAsync(200);
    expect(store.received).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(store.received).toEqual(['text(manual):a+b+c']);
    expect(queue.hasUnsaved).toBe(false);
    expect(queue.confirmedEditCount).toBe(3);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('sends text and annotation operations in the order they were made', async () => {
    const store = fakeStore();
    const queue = new SyncQueue(store.target, 0);
    queue.addText([typed('a')]);
    queue.addOperation(store.op('create'));
    queue.addText([typed('b')], 'rule:repeated-word');
    queue.addText([typed('c')], 'manual');
    queue.addOperation(store.op('delete'));
    await queue.flush();
    expect(store.received).toEqual(['text(manual):a', 'op:create', 'text(rule:repeated-word):b', 'text(manual):c', 'op:delete']);
  });

  it('keeps what failed at the head and sends it again on the next flush', async () => {
    const store = fakeStore(5);
    const statuses: SaveStatus[] = [];
    const queue = new SyncQueue(store.target, 5, (s) => statuses.push(s));
    store.fail = () => new Error('offline');
    queue.addText([typed('a')]);
    queue.addOperation(store.op('create'));
    await queue.flush();
    expect(statuses.at(-1)).toEqual({ state: 'error', message: 'offline' });
    expect(queue.hasUnsaved).toBe(true);
    expect(store.received).toEqual([]);
    store.fail = null;
    await queue.flush();
    expect(store.received).toEqual(['text(manual):a', 'op:create']);
    expect(queue.confirmedEditCount).toBe(6);
    expect(statuses.at(-1)).toEqual({ state: 'saved' });
  });

  it('drops an operation that can never succeed, reports it, and goes on with the rest', async () => {
    const store = fakeStore();
    const statuses: SaveStatus[] = [];
    const queue = new SyncQueue(store.target, 0, (s) => statuses.push(s));
    queue.addOperation(async () => {
      throw new PermanentFailure('no such annotation');
    });
    queue.addOperation(store.op('update'));
    await queue.flush();
    expect(store.received).toEqual(['op:update']);
    expect(queue.hasUnsaved).toBe(false);
    expect(statuses.at(-1)).toEqual({ state: 'error', message: 'no such annotation' });
  });

  it('does not add to a batch already on its way', async () => {
    const store = fakeStore();
    let release!: () => void;
    const sent: string[][] = [];
    const queue = new SyncQueue(
      {
        sendText: async (base, changes) => {
          sent.push(changes.map((c) => c.inserted));
          if (sent.length === 1) await new Promise<void>((resolve) => (release = resolve));
          return base + changes.length;
        },
        fetchSince: store.target.fetchSince,
      },
      0,
    );
    queue.addText([typed('a')]);
    const first = queue.flush();
    await vi.advanceTimersByTimeAsync(0);
    queue.addText([typed('b')]); // while "a" is being sent
    release();
    await first;
    await queue.flush();
    expect(sent).toEqual([['a'], ['b']]);
    expect(queue.confirmedEditCount).toBe(2);
    expect(store.received).toEqual([]);
  });

  it('has nothing to send for an empty change list', async () => {
    const store = fakeStore();
    const queue = new SyncQueue(store.target, 0);
    queue.addText([]);
    expect(queue.hasUnsaved).toBe(false);
    await queue.flush();
    expect(store.received).toEqual([]);
  });
});

describe('the sync queue behind another window', () => {
  it('rebases what is unsent onto the other window’s edits, reports it, and sends it on', async () => {
    // The store's text has “VERY ” at 4 from another window; this window typed “ red” after “fox” and annotated “quick” on the old text.
    const sent: string[] = [];
    let editCount = 1;
    const queue = new SyncQueue(
      {
        sendText: async (base, changes) => {
          if (base !== editCount) throw new Behind('behind');
          sent.push(`text@${base}:${changes.map((c) => `${c.start}+${c.inserted}`).join(',')}`);
          return (editCount += changes.length);
        },
        fetchSince: async () => ({
          text: 'The VERY quick brown fox jumps.',
          edits: [{ seq: 1, start: 4, end: 4, removed: '', inserted: 'VERY ', origin: 'manual', author: 'other', at: 'now' }],
        }),
      },
      0,
      () => {},
      250,
      (report) => reports.push(report),
    );
    const reports: RebaseReport[] = [];
    queue.addText([{ start: 19, end: 19, inserted: ' red' }]);
    queue.addOperation(async (range, base) => void sent.push(`op@${base}:${range!.start}-${range!.end}`), { start: 4, end: 9 });
    await queue.flush();
    expect(sent).toEqual(['text@1:24+ red', 'op@2:9-14']);
    expect(reports).toEqual([{ forView: [{ start: 4, end: 4, inserted: 'VERY ' }], drafts: [], remoteEdits: 1 }]);
    expect(queue.confirmedEditCount).toBe(2);
    expect(queue.hasUnsaved).toBe(false);
  });

  it('does not send twice a batch the store saved when its answer was lost', async () => {
    // The first call commits and then the connection drops; the retry finds the store one edit ahead: its own.
    const stored: TextChange[] = [];
    let answered = false;
    const queue = new SyncQueue(
      {
        sendText: async (base, changes) => {
          if (base !== stored.length) throw new Behind('behind');
          stored.push(...changes);
          if (!answered) {
            answered = true;
            throw new Error('connection lost');
          }
          return stored.length;
        },
        fetchSince: async (base) => ({ text: stored.map((c) => c.inserted).join(''), edits: stored.slice(base).map((c, i) => ({ ...c, seq: base + i + 1, removed: '', origin: 'manual', author: 'me', at: 'now' })) }),
      },
      0,
    );
    queue.addText([{ start: 0, end: 0, inserted: 'a' }]);
    await queue.flush();
    queue.addText([{ start: 1, end: 1, inserted: 'b' }]);
    await queue.flush();
    expect(stored.map((c) => c.inserted)).toEqual(['a', 'b']);
    expect(queue.confirmedEditCount).toBe(2);
    expect(queue.hasUnsaved).toBe(false);
  });
});
