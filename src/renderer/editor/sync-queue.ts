// Automatic saving: text changes and annotation operations are sent to the
// store in exactly the order they were made. Text changes are batched for a
// few hundred milliseconds; an annotation operation goes at once (after the
// text before it). Flushed on blur, document switch and page hide.
// When another window saved first (a conflict), what is unsent is rebased
// onto the newer text (core/rebase) and sending goes on; what cannot be
// rebased comes back as drafts through `onRebase`, never dropped silently.

import type { Range } from '../../core/mapping';
import type { Edit, EditOrigin, TextChange } from '../../core/model';
import { rebasePending, type PendingItem, type TextDraft } from '../../core/rebase';

export type SaveStatus = { state: 'saved' } | { state: 'pending' } | { state: 'saving' } | { state: 'error'; message: string };

export interface SyncTarget {
  /** Sends changes made on top of `baseEditCount` edits; resolves with the new count. Throws `Behind` when the store has newer edits. */
  sendText(baseEditCount: number, changes: TextChange[], origin: EditOrigin): Promise<number>;
  /** The store's current text and its edits after `baseEditCount` (to rebase onto). */
  fetchSince(baseEditCount: number): Promise<{ text: string; edits: Edit[] }>;
}

/** An operation that failed in a way retrying cannot fix (it is dropped and reported). */
export class PermanentFailure extends Error {}

/** The store has edits this window has not seen: what is unsent must be rebased onto them. */
export class Behind extends Error {}

/** Sends an annotation operation: its range (if any) is on the text of `baseEditCount` edits. */
export type SendOperation = (range: Range | null, baseEditCount: number) => Promise<void>;

/** `unanswered`: how many of its changes went out in a call that failed without an answer (the store may have saved them). */
type TextItem = { kind: 'text'; changes: TextChange[]; origin: EditOrigin; unanswered?: number };
type OpItem = { kind: 'op'; range: Range | null; send: SendOperation; onLost?: () => void };
type Item = TextItem | OpItem;

/** What a rebase did, for the window to show: the remote changes to apply to its text, and what could not be rebased. */
export interface RebaseReport {
  /** Changes (code points) that turn the window's text into the store's with the rebased work on it. */
  forView: TextChange[];
  drafts: TextDraft[];
  /** How many edits of another window were rebased onto. */
  remoteEdits: number;
}

export class SyncQueue {
  private items: Item[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private headInFlight = false;
  /** Whether a drain is sending (it sends whatever is queued meanwhile). */
  private draining = false;

  constructor(
    private readonly target: SyncTarget,
    private editCount: number,
    private readonly onStatus: (status: SaveStatus) => void = () => {},
    private readonly delayMs = 250,
    /** Called, synchronously with the rebase, so the window's text follows before anything else is typed. */
    private readonly onRebase: (report: RebaseReport) => void = () => {},
  ) {}

  /** Edits the store has from this editor: valid once `flush()` resolved. */
  get confirmedEditCount(): number {
    return this.editCount;
  }

  get hasUnsaved(): boolean {
    return this.items.length > 0;
  }

  addText(changes: readonly TextChange[], origin: EditOrigin = 'manual'): void {
    if (changes.length === 0) return;
    const tail = this.items.at(-1);
    // Join the last text batch of the same origin unless it is already on its way.
    if (tail?.kind === 'text' && tail.origin === origin && !(this.items.length === 1 && this.headInFlight)) tail.changes.push(...changes);
    else this.items.push({ kind: 'text', changes: [...changes], origin });
    this.onStatus({ state: 'pending' });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Queues an annotation operation; `range` is on the text once everything queued before is saved. `onLost`: its text was deleted by another window. */
  addOperation(send: SendOperation, range: Range | null = null, onLost?: () => void): void {
    this.items.push({ kind: 'op', range, send, ...(onLost && { onLost }) });
    // A drain that has ended (its Saved said, its promise not yet settled) does not send it: say so until the next one does.
    if (!this.draining) this.onStatus({ state: 'pending' });
    void this.flush();
  }

  /** Sends everything queued; resolves when the store has it or a send failed. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.running ??= this.drain()
      .finally(() => {
        this.running = null;
      })
      .then((halted) => {
        // Queued after the drain's last look but before it ended (by a listener of its Saved): sent now, not left for a flush that may not come.
        if (!halted && this.items.length > 0) return this.flush();
      });
    return this.running;
  }

  /** Sends the queue's items in order (see sendAll), marked as draining meanwhile. */
  private async drain(): Promise<boolean> {
    this.draining = true;
    try {
      return await this.sendAll();
    } finally {
      this.draining = false;
    }
  }

  /** True when it stopped on a failure, keeping the rest for the next flush. */
  private async sendAll(): Promise<boolean> {
    let dropped: string | null = null;
    while (this.items.length > 0) {
      const item = this.items[0]!;
      this.onStatus({ state: 'saving' });
      this.headInFlight = true;
      try {
        if (item.kind === 'text') this.editCount = await this.target.sendText(this.editCount, item.changes, item.origin);
        else await item.send(item.range, this.editCount);
        this.items.shift();
      } catch (error) {
        if (error instanceof Behind) {
          try {
            await this.rebase();
            continue;
          } catch (failed) {
            this.onStatus({ state: 'error', message: failed instanceof Error ? failed.message : String(failed) });
            return true;
          }
        }
        const message = error instanceof Error ? error.message : String(error);
        if (item.kind === 'text' && !(error instanceof PermanentFailure)) item.unanswered = item.changes.length;
        if (!(error instanceof PermanentFailure)) {
          // Kept at the head, to be sent again with the next flush.
          this.onStatus({ state: 'error', message });
          return true;
        }
        this.items.shift();
        dropped = message;
      } finally {
        this.headInFlight = false;
      }
    }
    this.onStatus(dropped ? { state: 'error', message: dropped } : { state: 'saved' });
    return false;
  }

  /** Fetches the edits since this window's version and rebases everything unsent onto them (all of it, including what was queued meanwhile). */
  private async rebase(): Promise<void> {
    const since = await this.target.fetchSince(this.editCount);
    const head = this.items[0];
    if (head?.kind === 'text' && head.unanswered && sameChanges(since.edits.slice(0, head.unanswered), head.changes.slice(0, head.unanswered))) {
      // The store saved the batch whose answer was lost (the host went away after its commit): it is ours, not to be sent twice.
      this.editCount += head.unanswered;
      since.edits = since.edits.slice(head.unanswered);
      head.changes = head.changes.slice(head.unanswered);
      delete head.unanswered;
      if (head.changes.length === 0) this.items.shift();
    }
    const pending = this.items.map((item): PendingItem<TextItem, OpItem> => (item.kind === 'text' ? { kind: 'text', changes: item.changes, meta: item } : { kind: 'op', range: item.range, meta: item }));
    const rebased = rebasePending(since.text, since.edits, pending);
    this.items = rebased.pending.map((p): Item => (p.kind === 'text' ? { kind: 'text', origin: p.meta.origin, changes: p.changes } : { ...p.meta, range: p.range }));
    this.editCount += since.edits.length;
    for (const lost of rebased.lostOps) lost.onLost?.();
    this.onRebase({ forView: rebased.forView, drafts: rebased.drafts, remoteEdits: since.edits.length });
  }
}

function sameChanges(edits: readonly TextChange[], changes: readonly TextChange[]): boolean {
  return edits.length === changes.length && edits.every((e, i) => e.start === changes[i]!.start && e.end === changes[i]!.end && e.inserted === changes[i]!.inserted);
}
