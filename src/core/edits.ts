// Edits against an immutable original: applying one or a series, replaying a
// history, reverting one. Mapping ranges through a change is in mapping.ts.

import type { Edit, TextChange } from './model';
import { CodePointIndex } from './offsets';

export class EditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditError';
  }
}

export interface AppliedChange {
  text: string;
  /** The code points the change replaced. */
  removed: string;
}

/** Applies one change (code point offsets) to `text`. */
export function applyChange(text: string, change: TextChange, index = new CodePointIndex(text)): AppliedChange {
  const [from, to] = utf16Range(change, index);
  return { text: text.slice(0, from) + change.inserted + text.slice(to), removed: text.slice(from, to) };
}

/** The change's range in UTF-16 indices; throws EditError when it is not a range of the text. */
function utf16Range({ start, end }: TextChange, index: CodePointIndex): [number, number] {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > index.length) {
    throw new EditError(`change [${start}, ${end}) is outside the text (length ${index.length})`);
  }
  return [index.toUtf16(start), index.toUtf16(end)];
}

/**
 * A text changed one change after another, its code point index kept in step:
 * a change costs its own size and the astral characters after it, where a new
 * index would read the whole text again.
 */
export class ChangingText {
  private readonly index: CodePointIndex;

  constructor(private current: string) {
    this.index = new CodePointIndex(current);
  }

  get text(): string {
    return this.current;
  }

  /** Length in code points. */
  get length(): number {
    return this.index.length;
  }

  /** Applies the change (code point offsets of the text as it is now); returns what it removed. */
  apply(change: TextChange): string {
    const [from, to] = utf16Range(change, this.index);
    const removed = this.current.slice(from, to);
    this.current = this.current.slice(0, from) + change.inserted + this.current.slice(to);
    this.index.replace(from, to, change.inserted);
    return removed;
  }

  /** The code points [start, end) of the text as it is now. */
  slice(start: number, end: number): string {
    return this.current.slice(this.index.toUtf16(start), this.index.toUtf16(end));
  }
}

/** Applies `changes` in order, each in the coordinates of the text the previous one left. */
export function applyChanges(text: string, changes: readonly TextChange[]): { text: string; removed: string[] } {
  const changing = new ChangingText(text);
  const removed = changes.map((change) => changing.apply(change));
  return { text: changing.text, removed };
}

/**
 * Replays a document's edits on its original text. Throws when an edit's
 * `removed` does not match the text it claims to have replaced: the history
 * would then not explain the current text.
 */
export function replayEdits(original: string, edits: readonly Pick<Edit, 'start' | 'end' | 'removed' | 'inserted'>[]): string {
  const replayed = new ChangingText(original);
  edits.forEach((edit, i) => {
    const removed = replayed.apply(edit);
    if (removed !== edit.removed) {
      throw new EditError(`edit ${i + 1} says it removed ${JSON.stringify(edit.removed)} but the text there is ${JSON.stringify(removed)}`);
    }
  });
  return replayed.text;
}

/** The change that undoes `edit` (for reverting it as a new edit). */
export function inverseOf(edit: Pick<Edit, 'start' | 'removed' | 'inserted'>): TextChange & { removed: string } {
  return {
    start: edit.start,
    end: edit.start + [...edit.inserted].length,
    inserted: edit.removed,
    removed: edit.inserted,
  };
}

/**
 * The change that reverts edit `seq` on the current text: its inverse, moved
 * through the edits made after it. Null when a later edit touched the text it
 * inserted (revert those first).
 */
export function revertChange(edits: readonly Pick<Edit, 'seq' | 'start' | 'end' | 'removed' | 'inserted'>[], seq: number): TextChange | null {
  const index = edits.findIndex((e) => e.seq === seq);
  if (index < 0) return null;
  const inverse = inverseOf(edits[index]!);
  let start = inverse.start;
  let end = inverse.end;
  for (const later of edits.slice(index + 1)) {
    const laterEnd = later.end;
    const insertedLength = [...later.inserted].length;
    // A later change inside or across the reverted text, or an insertion in its middle.
    if (later.start < end && laterEnd > start) return null;
    if (later.start === laterEnd && later.start > start && later.start < end) return null;
    if (laterEnd <= start) {
      const delta = insertedLength - (laterEnd - later.start);
      start += delta;
      end += delta;
    }
  }
  return { start, end, inserted: inverse.inserted };
}
