// The Changes list's entries: the stored edits (fine-grained, lossless)
// grouped into what a person did, each with the text around it.

import { applyChanges, revertChange } from '../../core/edits';
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

/** The last few words of `text`, with an ellipsis when cut. */
function tailWords(text: string): string {
  const m = new RegExp(`(?:\\S+\\s*){0,${WORDS}}$`, 'u').exec(text.slice(-80))!;
  return (m.index > 0 || text.length > 80 ? '…' : '') + m[0];
}

/** The first few words of `text`, with an ellipsis when cut. */
function headWords(text: string): string {
  const m = new RegExp(`^(?:\\s*\\S+){0,${WORDS}}`, 'u').exec(text.slice(0, 80))!;
  return m[0] + (m[0].length < text.length ? '…' : '');
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

/** The edits of a document, oldest first, as Changes list entries, oldest first. */
export function groupEdits(original: string, edits: readonly Edit[]): EditGroup[] {
  const bursts: Edit[][] = [];
  for (const edit of edits) {
    const last = bursts[bursts.length - 1];
    if (last && continuesBurst(last[last.length - 1]!, edit)) last.push(edit);
    else bursts.push([edit]);
  }
  const reverted = revertedSeqs(edits);
  let text = original;
  let done = 0;
  return bursts.map((burst) => {
    const before = [...text];
    text = applyChanges(text, burst).text;
    done += burst.length;
    const after = [...text];
    // One edit is shown as made ("alpha" → "gamma", not "alph" → "gamm"); a burst by its net change.
    const only = burst.length === 1 ? burst[0]! : undefined;
    let prefix = 0;
    let suffix = 0;
    if (only) [prefix, suffix] = [only.start, before.length - only.end];
    else {
      while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
      while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
    }
    const [start, end] = mapRange(prefix, after.length - suffix, edits.slice(done));
    const last = burst[burst.length - 1]!;
    return {
      edits: burst,
      origin: last.origin,
      author: last.author,
      at: last.at,
      removed: before.slice(prefix, before.length - suffix).join(''),
      inserted: after.slice(prefix, after.length - suffix).join(''),
      before: tailWords(after.slice(0, prefix).join('')),
      after: headWords(after.slice(after.length - suffix).join('')),
      start,
      end,
      reverted: burst.every((e) => reverted.has(e.seq)),
    };
  });
}
