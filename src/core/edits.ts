// Edits against an immutable original: applying one or a series, replaying a
// history, reverting one. Mapping ranges through a change is in mapping.ts.

import type { Edit, TextChange } from './model';
import { CodePointIndex, codePointLength } from './offsets';

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

/** UTF-16 units a piece of a ChangingText is cut to; one that grows past twice this is cut again. */
const PIECE = 16_384;

/**
 * A text changed one change after another, held in pieces: a change rewrites
 * the pieces it reaches (and indexes only them), where a change to one string
 * would copy, and a new index read, the whole text each time (an export
 * checks 70 edits of a 5 MB text).
 */
export class ChangingText {
  private pieces: string[];
  /** Code points of each piece. */
  private lengths: number[];
  private total: number;
  private joined: string | null;

  constructor(text: string) {
    this.pieces = cut(text);
    this.lengths = this.pieces.map(codePointLength);
    this.total = this.lengths.reduce((sum, n) => sum + n, 0);
    this.joined = text;
  }

  get text(): string {
    this.joined ??= this.pieces.join('');
    return this.joined;
  }

  /** Length in code points. */
  get length(): number {
    return this.total;
  }

  /** Applies the change (code point offsets of the text as it is now); returns what it removed. */
  apply(change: TextChange): string {
    const { start, end } = change;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > this.total) {
      throw new EditError(`change [${start}, ${end}) is outside the text (length ${this.total})`);
    }
    // The pieces from the one holding `start` to the one holding `end` are rewritten as one.
    const [first, base] = this.pieceAt(start);
    let last = first;
    let lastEnd = base + this.lengths[first]!;
    while (lastEnd < end) lastEnd += this.lengths[++last]!;
    const merged = this.pieces.slice(first, last + 1).join('');
    const index = new CodePointIndex(merged);
    const [from, to] = utf16Range({ start: start - base, end: end - base, inserted: '' }, index);
    const removed = merged.slice(from, to);
    const replaced = cut(merged.slice(0, from) + change.inserted + merged.slice(to));
    const lengths = replaced.map(codePointLength);
    this.pieces.splice(first, last - first + 1, ...replaced);
    this.lengths.splice(first, last - first + 1, ...lengths);
    this.total += lengths.reduce((sum, n) => sum + n, 0) - index.length;
    this.joined = null;
    return removed;
  }

  /** The code points [start, end) of the text as it is now. */
  slice(start: number, end: number): string {
    let [i, base] = this.pieceAt(start);
    let text = '';
    while (i < this.pieces.length && base < end) {
      const index = new CodePointIndex(this.pieces[i]!);
      text += this.pieces[i]!.slice(index.toUtf16(Math.max(0, start - base)), index.toUtf16(Math.min(index.length, end - base)));
      base += this.lengths[i++]!;
    }
    return text;
  }

  /** The piece holding code point `cp` (the last one for the text's end) and where it starts. */
  private pieceAt(cp: number): [number, number] {
    let base = 0;
    for (let i = 0; i < this.pieces.length - 1; i++) {
      if (cp < base + this.lengths[i]!) return [i, base];
      base += this.lengths[i]!;
    }
    return [this.pieces.length - 1, base];
  }
}

/** `text` in pieces of about PIECE UTF-16 units, none ending inside a surrogate pair (at least one piece). */
function cut(text: string): string[] {
  if (text.length <= 2 * PIECE) return [text];
  const pieces: string[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + PIECE);
    const c = text.charCodeAt(end - 1);
    if (end < text.length && c >= 0xd800 && c <= 0xdbff) end++;
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
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
