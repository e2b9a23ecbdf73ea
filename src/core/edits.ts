// Edits against an immutable original: applying one or a series, replaying a
// history, reverting one. Mapping ranges through a change is in mapping.ts.

import type { Edit, TextChange } from './model';
import { astralStarts, CodePointIndex } from './offsets';

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

/** The one range check: throws EditError unless [start, end) is a range of a text `length` code points long. */
export function checkChangeRange({ start, end }: Pick<TextChange, 'start' | 'end'>, length: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
    throw new EditError(`change [${start}, ${end}) is outside the text (length ${length})`);
  }
}

/** The change's range in UTF-16 indices; throws EditError when it is not a range of the text. */
function utf16Range(change: TextChange, index: CodePointIndex): [number, number] {
  checkChangeRange(change, index.length);
  return [index.toUtf16(change.start), index.toUtf16(change.end)];
}

/** UTF-16 units a piece of a ChangingText is cut to; one that grows past twice this is cut again. */
const PIECE = 16_384;

/** A piece of a ChangingText, with what locates code points in it. */
interface Piece {
  text: string;
  /** Code points. */
  length: number;
  /** UTF-16 indices at which its astral characters start, ascending. */
  astral: number[];
}

/**
 * A text changed one change after another, held in pieces: a change rewrites
 * the piece it reaches and moves that piece's index of astral characters by
 * the change, where a change to one string would copy, and a new index read,
 * the whole text each time (an export checks 70 edits of a 5 MB text; "Fix
 * all safe" sends thousands of changes in one call). A change reads no
 * character but those it inserts, so a batch costs about its inserted text
 * plus a string copy of a piece per change.
 */
export class ChangingText {
  private pieces: Piece[];
  private total: number;
  private joined: string | null;

  constructor(text: string) {
    this.pieces = cut(text);
    this.total = this.pieces.reduce((sum, p) => sum + p.length, 0);
    this.joined = text;
  }

  get text(): string {
    this.joined ??= this.pieces.map((p) => p.text).join('');
    return this.joined;
  }

  /** Length in code points. */
  get length(): number {
    return this.total;
  }

  /** Applies the change (code point offsets of the text as it is now); returns what it removed. */
  apply(change: TextChange): string {
    checkChangeRange(change, this.total);
    const { start, end } = change;
    // The pieces from the one holding `start` to the one holding `end` become one, then take the change.
    const [first, base] = this.pieceAt(start);
    let last = first;
    let lastEnd = base + this.pieces[first]!.length;
    while (lastEnd < end) lastEnd += this.pieces[++last]!.length;
    const piece = last === first ? this.pieces[first]! : joinPieces(this.pieces.slice(first, last + 1));
    const from = toUtf16(piece.astral, start - base);
    const to = toUtf16(piece.astral, end - base);
    const removed = piece.text.slice(from, to);
    const inserted = change.inserted;
    const insertedAstral = astralStarts(inserted, from);
    const growth = inserted.length - (to - from);
    // The astral characters before the change stay, the inserted ones join, the ones after it move.
    let before = 0;
    while (before < piece.astral.length && piece.astral[before]! < from) before++;
    let after = before;
    while (after < piece.astral.length && piece.astral[after]! < to) after++;
    const astral = piece.astral.slice(0, before).concat(insertedAstral);
    for (let i = after; i < piece.astral.length; i++) astral.push(piece.astral[i]! + growth);
    const changed: Piece = {
      text: piece.text.slice(0, from) + inserted + piece.text.slice(to),
      length: piece.length - (end - start) + inserted.length - insertedAstral.length,
      astral,
    };
    const replaced = changed.text.length > 2 * PIECE ? cut(changed.text) : changed.text === '' && this.pieces.length > last - first + 1 ? [] : [changed];
    this.pieces.splice(first, last - first + 1, ...replaced);
    this.total += changed.length - piece.length;
    this.joined = null;
    return removed;
  }

  /** The code points [start, end) of the text as it is now. */
  slice(start: number, end: number): string {
    let [i, base] = this.pieceAt(start);
    let text = '';
    while (i < this.pieces.length && base < end) {
      const piece = this.pieces[i]!;
      text += piece.text.slice(toUtf16(piece.astral, Math.max(0, start - base)), toUtf16(piece.astral, Math.min(piece.length, end - base)));
      base += piece.length;
      i++;
    }
    return text;
  }

  /** The piece holding code point `cp` (the last one for the text's end) and where it starts. */
  private pieceAt(cp: number): [number, number] {
    let base = 0;
    for (let i = 0; i < this.pieces.length - 1; i++) {
      const length = this.pieces[i]!.length;
      if (cp < base + length) return [i, base];
      base += length;
    }
    return [this.pieces.length - 1, base];
  }
}

/** UTF-16 index of code point `cp` in a piece whose astral characters start at `astral`. */
function toUtf16(astral: readonly number[], cp: number): number {
  // Count the astral characters whose code point offset (UTF-16 index less the pairs before) is below cp.
  let lo = 0;
  let hi = astral.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (astral[mid]! - mid < cp) lo = mid + 1;
    else hi = mid;
  }
  return cp + lo;
}

/** Pieces side by side as one. */
function joinPieces(pieces: readonly Piece[]): Piece {
  const joined: Piece = { text: '', length: 0, astral: [] };
  for (const p of pieces) {
    for (const a of p.astral) joined.astral.push(a + joined.text.length);
    joined.text += p.text;
    joined.length += p.length;
  }
  return joined;
}

/** `text` in pieces of about PIECE UTF-16 units, none ending inside a surrogate pair (at least one piece). */
function cut(text: string): Piece[] {
  const piece = (t: string): Piece => {
    const astral = astralStarts(t, 0);
    return { text: t, length: t.length - astral.length, astral };
  };
  if (text.length <= 2 * PIECE) return [piece(text)];
  const pieces: Piece[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + PIECE);
    const c = text.charCodeAt(end - 1);
    if (end < text.length && c >= 0xd800 && c <= 0xdbff) end++;
    pieces.push(piece(text.slice(at, end)));
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
