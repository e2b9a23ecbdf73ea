// Rebasing a window's unsent work onto edits another window saved first:
// each unsent text change is moved past the other window's changes (with the
// one mapping rule, mapping.ts), and each unsent annotation range is mapped
// the way stored annotations are. A change whose text the other window also
// changed cannot be moved without losing one side's words: it is not sent,
// and comes back as a draft for the user to see and keep.

import { applyChanges, inverseOf } from './edits';
import { mapPosition, mapRange, type Range } from './mapping';
import type { Edit, TextChange } from './model';
import { codePointLength, sliceCodePoints } from './offsets';

/** Unsent work, in the order it was made: text changes (each in the coordinates the previous left) or an annotation operation with its range, if any. */
export type PendingItem<T, O> = { kind: 'text'; changes: TextChange[]; meta: T } | { kind: 'op'; range: Range | null; meta: O };

/** A change that could not be moved onto the newer text: what it replaced, what was typed, and a little of the text around it. */
export interface TextDraft {
  removed: string;
  inserted: string;
  before: string;
  after: string;
}

export interface Rebased<T, O> {
  /** What to send now, on top of the newer text; empty text batches are left out. */
  pending: PendingItem<T, O>[];
  /** Text changes that could not be moved. */
  drafts: TextDraft[];
  /** Annotation operations whose text was deleted by the other window (their range could not be mapped). */
  lostOps: O[];
  /** Changes that turn the window's text into the newer text with the rebased work on it (to apply to the view). */
  forView: TextChange[];
  /** The text once everything rebased is saved. */
  text: string;
}

const CONTEXT = 30;

/**
 * Moves `a` and `b`, two changes of the same text, past each other: `a2` is
 * `a` after `b`, `b2` is `b` after `a`. Null when they touch the same text
 * (two insertions at one point are not a clash: `b` goes first).
 */
export function transformPair(a: TextChange, b: TextChange, touchingClashes = false): { a2: TextChange; b2: TextChange } | null {
  const aLength = codePointLength(a.inserted);
  const bLength = codePointLength(b.inserted);
  const bothInsertAtOnePoint = a.start === a.end && b.start === b.end && a.start === b.start;
  if (touchingClashes && a.start <= b.end && a.end >= b.start) return null;
  const shifted = (c: TextChange, by: TextChange, byLength: number): TextChange => ({
    start: mapPosition(c.start, by, byLength, 1),
    end: mapPosition(c.end, by, byLength, 1),
    inserted: c.inserted,
  });
  if (!bothInsertAtOnePoint && a.end <= b.start) return { a2: a, b2: shifted(b, a, aLength) };
  if (bothInsertAtOnePoint || b.end <= a.start) return { a2: shifted(a, b, bLength), b2: b };
  return null;
}

/**
 * Rebases `pending` (made on the text before `remote`) onto `serverText`, the
 * text after `remote` (stored edits, in order).
 */
export function rebasePending<T, O>(serverText: string, remote: readonly Pick<Edit, 'start' | 'end' | 'removed' | 'inserted'>[], pending: readonly PendingItem<T, O>[]): Rebased<T, O> {
  // The text the pending work was made on: the newer text with the remote edits undone.
  const baseText = applyChanges(serverText, [...remote].reverse().map(inverseOf)).text;
  // `others`: what turns the window's text (so far) into the newer text with the rebased work so far.
  // Undoing a change kept as a draft is one of them; a later change touching its text belongs to the draft too.
  let others: { change: TextChange; undoesDraft: boolean }[] = remote.map(({ start, end, inserted }) => ({ change: { start, end, inserted }, undoesDraft: false }));
  // The draft typing goes on: where its typed text ends in the window's text, if the last change was kept as a draft.
  let typingDraft: { draft: TextDraft; end: number } | null = null;
  let localText = baseText;
  const out: PendingItem<T, O>[] = [];
  const drafts: TextDraft[] = [];
  const lostOps: O[] = [];

  for (const item of pending) {
    if (item.kind === 'op') {
      if (item.range === null) {
        out.push(item);
        continue;
      }
      let range: Range | null = item.range;
      for (const c of others) range = range && mapRange(range, c.change);
      if (range) out.push({ ...item, range });
      else lostOps.push(item.meta);
      continue;
    }
    const sent: TextChange[] = [];
    for (const change of item.changes) {
      const removed = sliceCodePoints(localText, change.start, change.end);
      localText = applyChanges(localText, [change]).text;
      let moved: TextChange | null = change;
      const next: typeof others = [];
      for (const other of others) {
        const pair: { a2: TextChange; b2: TextChange } | null = moved && transformPair(moved, other.change, other.undoesDraft);
        if (!pair) {
          moved = null;
          break;
        }
        moved = pair.a2;
        next.push({ change: pair.b2, undoesDraft: other.undoesDraft });
      }
      if (moved) {
        sent.push(moved);
        others = next;
        typingDraft = null;
        continue;
      }
      // Not sent: the window's text still holds it, so undoing it joins what turns the window's text into the newer one.
      others = [{ change: inverseOf({ start: change.start, removed, inserted: change.inserted }), undoesDraft: true }, ...others];
      const end = change.start + codePointLength(change.inserted);
      const after = () => sliceCodePoints(localText, end, Math.min(codePointLength(localText), end + CONTEXT));
      if (typingDraft && removed === '' && change.start === typingDraft.end) {
        // Typing on at the end of the draft: one draft, not one per key.
        typingDraft.draft.inserted += change.inserted;
        typingDraft.draft.after = after();
        typingDraft.end = end;
        continue;
      }
      const draft: TextDraft = { removed, inserted: change.inserted, before: sliceCodePoints(localText, Math.max(0, change.start - CONTEXT), change.start), after: after() };
      drafts.push(draft);
      typingDraft = { draft, end };
    }
    if (sent.length > 0) out.push({ ...item, changes: sent });
  }
  const text = applyChanges(serverText, out.flatMap((i) => (i.kind === 'text' ? i.changes : []))).text;
  return { pending: out, drafts, lostOps, forView: others.map((o) => o.change), text };
}
