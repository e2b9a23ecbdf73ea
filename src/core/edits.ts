// Edits against an immutable original: applying one, replaying a history, and
// mapping ranges (annotations, findings) through a change.

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
  const { start, end } = change;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > index.length) {
    throw new EditError(`change [${start}, ${end}) is outside the text (length ${index.length})`);
  }
  const from = index.toUtf16(start);
  const to = index.toUtf16(end);
  return { text: text.slice(0, from) + change.inserted + text.slice(to), removed: text.slice(from, to) };
}

/** Applies `changes` in order, each in the coordinates of the text the previous one left. */
export function applyChanges(text: string, changes: readonly TextChange[]): { text: string; removed: string[] } {
  const removed: string[] = [];
  let current = text;
  for (const change of changes) {
    const result = applyChange(current, change);
    current = result.text;
    removed.push(result.removed);
  }
  return { text: current, removed };
}

/**
 * Replays a document's edits on its original text. Throws when an edit's
 * `removed` does not match the text it claims to have replaced: the history
 * would then not explain the current text.
 */
export function replayEdits(original: string, edits: readonly Pick<Edit, 'start' | 'end' | 'removed' | 'inserted'>[]): string {
  let text = original;
  edits.forEach((edit, i) => {
    const result = applyChange(text, edit);
    if (result.removed !== edit.removed) {
      throw new EditError(`edit ${i + 1} says it removed ${JSON.stringify(edit.removed)} but the text there is ${JSON.stringify(result.removed)}`);
    }
    text = result.text;
  });
  return text;
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
 * Maps a position through a change. `assoc` < 0 keeps a position at an
 * insertion point before the inserted text, > 0 moves it after; positions
 * strictly inside a replaced range collapse to one of its ends the same way.
 * This matches ProseMirror's StepMap, so store and editor agree.
 */
export function mapPosition(pos: number, change: TextChange, insertedLength: number, assoc: -1 | 1): number {
  const { start, end } = change;
  if (pos < start) return pos;
  if (pos > end) return pos - (end - start) + insertedLength;
  const side = start === end ? assoc : pos === start ? -1 : pos === end ? 1 : assoc;
  return side < 0 ? start : start + insertedLength;
}

export interface Range {
  start: number;
  end: number;
}

/**
 * Maps an annotation's range through a change: typing inside extends it,
 * typing at its edges does not. Returns null when all its text was deleted.
 */
export function mapRange(range: Range, change: TextChange, insertedLength = [...change.inserted].length): Range | null {
  const start = mapPosition(range.start, change, insertedLength, 1);
  const end = mapPosition(range.end, change, insertedLength, -1);
  return end > start ? { start, end } : null;
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
