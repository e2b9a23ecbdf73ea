// Automatic saving: text changes and annotation operations are sent to the
// store in exactly the order they were made. Text changes are batched for a
// few hundred milliseconds; an annotation operation goes at once (after the
// text before it). Flushed on blur, document switch and page hide.

import type { EditOrigin, TextChange } from '../../core/model';

export type SaveStatus = { state: 'saved' } | { state: 'pending' } | { state: 'saving' } | { state: 'error'; message: string };

export interface SyncTarget {
  /** Sends changes made on top of `baseEditCount` edits; resolves with the new count. */
  sendText(baseEditCount: number, changes: TextChange[], origin: EditOrigin): Promise<number>;
}

/** An operation that failed in a way retrying cannot fix (it is dropped and reported). */
export class PermanentFailure extends Error {}

type Item = { kind: 'text'; changes: TextChange[]; origin: EditOrigin } | { kind: 'op'; send: () => Promise<void> };

export class SyncQueue {
  private items: Item[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private headInFlight = false;

  constructor(
    private readonly target: SyncTarget,
    private editCount: number,
    private readonly onStatus: (status: SaveStatus) => void = () => {},
    private readonly delayMs = 250,
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

  addOperation(send: () => Promise<void>): void {
    this.items.push({ kind: 'op', send });
    void this.flush();
  }

  /** Sends everything queued; resolves when the store has it or a send failed. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    let dropped: string | null = null;
    while (this.items.length > 0) {
      const item = this.items[0]!;
      this.onStatus({ state: 'saving' });
      this.headInFlight = true;
      try {
        if (item.kind === 'text') this.editCount = await this.target.sendText(this.editCount, item.changes, item.origin);
        else await item.send();
        this.items.shift();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (!(error instanceof PermanentFailure)) {
          // Kept at the head, to be sent again with the next flush.
          this.onStatus({ state: 'error', message });
          return;
        }
        this.items.shift();
        dropped = message;
      } finally {
        this.headInFlight = false;
      }
    }
    this.onStatus(dropped ? { state: 'error', message: dropped } : { state: 'saved' });
  }
}
