// Where a document changed since a moment (the last request to the
// suggestions worker): a few ranges of the current document, mapped through
// every edit, each with how many paragraphs its edits added (or removed). From
// them: which paragraphs of the document then were replaced by which now,
// without comparing the two documents.

import type { Node } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { MetadataStep } from './annotation-step';
import { DocPositions } from './positions';

export interface DirtyRange {
  from: number;
  to: number;
  /** Paragraphs added by the edits in it (negative: removed). */
  added: number;
}

/** Beyond this many ranges the two nearest are merged: a few spare paragraphs cost less than a long list. */
const MOST_RANGES = 32;

/** `dirty` after `tr`: mapped through its steps, with the ranges each step changed added. */
export function mapDirty(dirty: readonly DirtyRange[], tr: Transaction): readonly DirtyRange[] {
  let ranges = dirty;
  tr.steps.forEach((step, i) => {
    if (step instanceof MetadataStep) return;
    const before = tr.docs[i]!;
    const after = i + 1 < tr.docs.length ? tr.docs[i + 1]! : tr.doc;
    const map = step.getMap();
    ranges = ranges.map((r) => ({ from: map.map(r.from, -1), to: map.map(r.to, 1), added: r.added }));
    let from = Infinity;
    let to = -Infinity;
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      from = Math.min(from, newStart);
      to = Math.max(to, newEnd);
    });
    // A change that names no place (the document's own attributes): all of it.
    if (from > to) [from, to] = [0, after.content.size];
    ranges = withRange(ranges, { from, to, added: DocPositions.afterStep(before, after, map).count - DocPositions.of(before).count });
  });
  return ranges;
}

/** `dirty` with `range` in it (merged with those it overlaps or touches). */
export function withRange(dirty: readonly DirtyRange[], range: DirtyRange): readonly DirtyRange[] {
  const out: DirtyRange[] = [];
  let merged = range;
  for (const r of dirty) {
    if (r.to < merged.from || r.from > merged.to) out.push(r);
    else merged = { from: Math.min(r.from, merged.from), to: Math.max(r.to, merged.to), added: r.added + merged.added };
  }
  out.push(merged);
  out.sort((a, b) => a.from - b.from);
  while (out.length > MOST_RANGES) {
    let nearest = 0;
    for (let k = 1; k < out.length - 1; k++) if (out[k + 1]!.from - out[k]!.to < out[nearest + 1]!.from - out[nearest]!.to) nearest = k;
    const [a, b] = [out[nearest]!, out[nearest + 1]!];
    out.splice(nearest, 2, { from: a.from, to: b.to, added: a.added + b.added });
  }
  return out;
}

/** Paragraphs [from, to) of the document now replaced paragraphs [oldFrom, oldTo) of the document then. */
export interface ParagraphEdit {
  from: number;
  to: number;
  oldFrom: number;
  oldTo: number;
}

/** The paragraph edits that `dirty` stands for in `doc`, in order; null if they do not fit a document of `oldCount` paragraphs. */
export function paragraphEdits(doc: Node, dirty: readonly DirtyRange[], oldCount: number): ParagraphEdit[] | null {
  const positions = DocPositions.of(doc);
  const spans: { from: number; to: number; added: number }[] = [];
  for (const r of dirty) {
    const from = positions.paragraphAt(r.from);
    const to = positions.paragraphAt(r.to) + 1;
    const last = spans[spans.length - 1];
    // Ranges in the same paragraph are one edit of it.
    if (last && from < last.to) {
      last.to = Math.max(last.to, to);
      last.added += r.added;
    } else spans.push({ from, to, added: r.added });
  }
  const edits: ParagraphEdit[] = [];
  let shift = 0;
  for (const s of spans) {
    const oldFrom = s.from - shift;
    const oldTo = s.to - shift - s.added;
    if (oldTo < oldFrom || oldFrom < (edits[edits.length - 1]?.oldTo ?? 0)) return null;
    edits.push({ from: s.from, to: s.to, oldFrom, oldTo });
    shift += s.added;
  }
  if (positions.count - shift !== oldCount || (edits.length > 0 && edits[edits.length - 1]!.oldTo > oldCount)) return null;
  return edits;
}

/** Where paragraph `index` of the document then is now; null if it was edited since. */
export function paragraphNow(edits: readonly ParagraphEdit[], index: number): number | null {
  let shift = 0;
  for (const e of edits) {
    if (index < e.oldFrom) break;
    if (index < e.oldTo) return null;
    shift = e.to - e.oldTo;
  }
  return index + shift;
}
