// The Changes list's entries: the stored edits (fine-grained, lossless)
// grouped into what a person did, each with the text around it.

import { ChangingText, revertChange } from '../../core/edits';
import type { Edit, TextChange } from '../../core/model';

/** Edits further apart than this are two bursts, however adjacent. */
export const BURST_GAP_MS = 5000;

/** One entry of the Changes list. */
export interface EditGroup {
  /** The stored edits, in order; reverting the entry reverts each. */
  edits: readonly Edit[];
  origin: Edit['origin'];
  author: string;
  /** When the last edit was made. */
  at: string;
  /** What the whole burst removed and inserted, and a few words either side. */
  removed: string;
  inserted: string;
  before: string;
  after: string;
  /** Where its inserted text is in the current text, code points, end exclusive. */
  start: number;
  end: number;
  /** Every edit of it was undone by a later revert. */
  reverted: boolean;
}

const length = (s: string) => [...s].length;

/**
 * Whether `next` continues the burst that `previous` ended: the same author
 * and origin (typing or reverting, never a rule's fix: each fix is its own
 * entry), within BURST_GAP_MS, and starting where `previous` left the caret
 * (typing on) or deleting back up to it (backspace).
 */
export function continuesBurst(previous: Edit, next: Edit): boolean {
  if (next.author !== previous.author || next.origin !== previous.origin) return false;
  if (next.origin !== 'manual' && next.origin !== 'revert') return false;
  const gap = Date.parse(next.at) - Date.parse(previous.at);
  if (!(gap >= 0 && gap <= BURST_GAP_MS)) return false;
  const caret = previous.start + length(previous.inserted);
  return next.start === caret || (next.inserted === '' && next.end === caret);
}

/** The seqs of edits a later edit with origin revert undid (its change is exactly their revert at that point). */
export function revertedSeqs(edits: readonly Edit[]): Set<number> {
  const reverted = new Set<number>();
  edits.forEach((edit, i) => {
    if (edit.origin !== 'revert') return;
    const before = edits.slice(0, i);
    for (let k = i - 1; k >= 0; k--) {
      const candidate = before[k]!;
      if (reverted.has(candidate.seq)) continue;
      const change = revertChange(before, candidate.seq);
      if (change && change.start === edit.start && change.end === edit.end && change.inserted === edit.inserted) {
        reverted.add(candidate.seq);
        return;
      }
    }
  });
  return reverted;
}

const WORDS = 4;
/** Code points of text either side of an entry read for its context. */
const AROUND = 60;

/** The last few words of `text`, with an ellipsis when cut (`whole`: nothing came before it). */
function tailWords(text: string, whole: boolean): string {
  const m = new RegExp(`(?:\\S+\\s*){0,${WORDS}}$`, 'u').exec(text)!;
  return (m.index > 0 || !whole ? '…' : '') + m[0];
}

/** The first few words of `text`, with an ellipsis when cut (`whole`: nothing comes after it). */
function headWords(text: string, whole: boolean): string {
  const m = new RegExp(`^(?:\\s*\\S+){0,${WORDS}}`, 'u').exec(text)!;
  return m[0] + (m[0].length < text.length || !whole ? '…' : '');
}

/** Where a range of one text is after `later` changes (a bound inside a change moves to that change's end). */
function mapRange(start: number, end: number, later: readonly TextChange[]): [number, number] {
  for (const change of later) {
    const delta = length(change.inserted) - (change.end - change.start);
    const map = (n: number) => (n >= change.end && n > change.start ? n + delta : n > change.start ? change.start + length(change.inserted) : n);
    [start, end] = [map(start), Math.max(map(start), map(end))];
  }
  return [start, end];
}

/**
 * The range of the text after a burst that holds all it changed, and how much
 * longer it made the text: the text outside it is as it was before.
 */
function burstWindow(burst: readonly Edit[]): { lo: number; hi: number; delta: number } {
  let lo = Infinity;
  let hi = -Infinity;
  let delta = 0;
  for (const e of burst) {
    const d = length(e.inserted) - (e.end - e.start);
    const insertedEnd = e.start + length(e.inserted);
    if (lo !== Infinity) {
      lo = lo >= e.end && lo > e.start ? lo + d : lo > e.start ? e.start : lo;
      hi = hi >= e.end && hi > e.start ? hi + d : hi > e.start ? insertedEnd : hi;
    }
    lo = Math.min(lo, e.start);
    hi = Math.max(hi, insertedEnd);
    delta += d;
  }
  return { lo, hi, delta };
}

/** The edits of a document, oldest first, as Changes list entries, oldest first. */
export function groupEdits(original: string, edits: readonly Edit[]): EditGroup[] {
  const bursts: Edit[][] = [];
  for (const edit of edits) {
    const last = bursts[bursts.length - 1];
    if (last && continuesBurst(last[last.length - 1]!, edit)) last.push(edit);
    else bursts.push([edit]);
  }
  const reverted = revertedSeqs(edits);
  // One text changed edit by edit: each entry reads only the few words around it.
  const text = new ChangingText(original);
  let done = 0;
  return bursts.map((burst) => {
    const { lo, hi, delta } = burstWindow(burst);
    const removedAll = [...text.slice(lo, hi - delta)];
    for (const edit of burst) text.apply(edit);
    done += burst.length;
    const insertedAll = [...text.slice(lo, hi)];
    // One edit is shown as made ("alpha" → "gamma", not "alph" → "gamm"); a burst by its net change.
    let prefix = 0;
    let suffix = 0;
    if (burst.length > 1) {
      while (prefix < removedAll.length && prefix < insertedAll.length && removedAll[prefix] === insertedAll[prefix]) prefix++;
      while (suffix < removedAll.length - prefix && suffix < insertedAll.length - prefix && removedAll[removedAll.length - 1 - suffix] === insertedAll[insertedAll.length - 1 - suffix]) suffix++;
    }
    const from = lo + prefix;
    const to = hi - suffix;
    const [start, end] = mapRange(from, to, edits.slice(done));
    const last = burst[burst.length - 1]!;
    return {
      edits: burst,
      origin: last.origin,
      author: last.author,
      at: last.at,
      removed: removedAll.slice(prefix, removedAll.length - suffix).join(''),
      inserted: insertedAll.slice(prefix, insertedAll.length - suffix).join(''),
      before: tailWords(text.slice(Math.max(0, from - AROUND), from), from <= AROUND),
      after: headWords(text.slice(to, to + AROUND), to + AROUND >= text.length),
      start,
      end,
      reverted: burst.every((e) => reverted.has(e.seq)),
    };
  });
}
