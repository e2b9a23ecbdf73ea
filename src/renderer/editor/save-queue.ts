// Automatic saving of text edits: changes are batched for a few hundred
// milliseconds, sent in order, and flushed at once on blur, document switch
// and page hide. Nothing is ever sent twice or out of order.

import type { TextChange } from '../../core/model';

export type SaveStatus = { state: 'saved' } | { state: 'pending' } | { state: 'saving' } | { state: 'error'; message: string };

export interface SaveTarget {
  /** Sends changes made on top of `baseEditCount` edits; resolves with the new count. */
  send(baseEditCount: number, changes: TextChange[]): Promise<number>;
}

export class SaveQueue {
  private pending: TextChange[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private status: SaveStatus = { state: 'saved' };

  constructor(
    private readonly target: SaveTarget,
    private editCount: number,
    private readonly onStatus: (status: SaveStatus) => void = () => {},
    private readonly delayMs = 250,
  ) {}

  get confirmedEditCount(): number {
    return this.editCount;
  }

  get hasUnsaved(): boolean {
    return this.pending.length > 0 || this.inFlight !== null;
  }

  add(changes: readonly TextChange[]): void {
    if (changes.length === 0) return;
    this.pending.push(...changes);
    if (this.status.state !== 'error') this.setStatus({ state: 'pending' });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Sends everything not yet sent; resolves when the store has it (or it failed). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.inFlight) await this.inFlight;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.setStatus({ state: 'saving' });
    this.inFlight = this.target.send(this.editCount, batch).then(
      (count) => {
        this.editCount = count;
        this.setStatus(this.pending.length > 0 ? { state: 'pending' } : { state: 'saved' });
      },
      (error: unknown) => {
        // Keep the batch, in front of anything typed since, for the next try.
        this.pending = [...batch, ...this.pending];
        this.setStatus({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    this.onStatus(status);
  }
}
