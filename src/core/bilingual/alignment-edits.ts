// The user's corrections of an alignment (link, unlink, merge, split), and the
// one check that an alignment fits its two texts. Pure: the store writes what
// these return, and undo is the previous alignment given back whole.

import type { AlignmentLink, Span } from './types';

/** Most links one alignment may hold (a sentence a link, far beyond a book). */
export const MAX_ALIGNMENT_LINKS = 200_000;

export type AlignmentOperation =
  /** Joins an omission and an addition that stand next to each other (links `index` and `index + 1`). */
  | { op: 'link'; index: number }
  /** Cuts link `index` into its source alone and its translation alone. */
  | { op: 'unlink'; index: number }
  /** Joins links `index` and `index + 1` (many-to-one, one-to-many). */
  | { op: 'merge'; index: number }
  /** Cuts link `index` in two at a position on each side (null: that side all goes to the first part). */
  | { op: 'split'; index: number; source: number | null; translation: number | null }
  /** The whole alignment at once (undo and redo give the previous one back). */
  | { op: 'replace'; alignment: AlignmentLink[] };

export class AlignmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AlignmentError';
  }
}

const union = (a: Span | null, b: Span | null): Span | null => (a && b ? { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) } : (a ?? b));

function linkAt(links: readonly AlignmentLink[], index: number): AlignmentLink {
  const link = links[index];
  if (!link) throw new AlignmentError(`there is no link ${index} (the alignment has ${links.length})`);
  return link;
}

/** The alignment after `operation`; throws an AlignmentError naming what does not fit. */
export function applyAlignmentOperation(links: readonly AlignmentLink[], operation: AlignmentOperation): AlignmentLink[] {
  const out = [...links];
  switch (operation.op) {
    case 'replace':
      return operation.alignment.map((l) => ({ source: l.source && { ...l.source }, translation: l.translation && { ...l.translation } }));
    case 'unlink': {
      const link = linkAt(links, operation.index);
      if (!link.source || !link.translation) throw new AlignmentError(`link ${operation.index} has only one side; there is nothing to unlink`);
      out.splice(operation.index, 1, { source: link.source, translation: null }, { source: null, translation: link.translation });
      return out;
    }
    case 'link':
    case 'merge': {
      const first = linkAt(links, operation.index);
      const second = linkAt(links, operation.index + 1);
      if (operation.op === 'link') {
        const complementary = (!first.translation && !second.source && first.source && second.translation) || (!first.source && !second.translation && first.translation && second.source);
        if (!complementary) throw new AlignmentError(`links ${operation.index} and ${operation.index + 1} are not a sentence without counterpart next to one on the other side; merge them instead`);
      }
      out.splice(operation.index, 2, { source: union(first.source, second.source), translation: union(first.translation, second.translation) });
      return out;
    }
    case 'split': {
      const link = linkAt(links, operation.index);
      const cut = (span: Span | null, at: number | null, side: string): [Span | null, Span | null] => {
        if (at === null) return [span, null];
        if (!span || at <= span.start || at >= span.end) throw new AlignmentError(`the ${side} split point ${at} is not inside link ${operation.index}'s ${side}`);
        return [{ start: span.start, end: at }, { start: at, end: span.end }];
      };
      if (operation.source === null && operation.translation === null) throw new AlignmentError('a split needs a position on at least one side');
      const [s1, s2] = cut(link.source, operation.source, 'source');
      const [t1, t2] = cut(link.translation, operation.translation, 'translation');
      const parts = [{ source: s1, translation: t1 }, { source: s2, translation: t2 }].filter((l) => l.source || l.translation);
      out.splice(operation.index, 1, ...parts);
      return out;
    }
  }
}

/**
 * Why an alignment does not fit texts of these lengths (code points), or null:
 * each range inside its text and not empty, a link has at least one side, and
 * the links go forward on both sides without overlapping.
 */
export function alignmentProblem(links: readonly AlignmentLink[], sourceLength: number, translationLength: number): string | null {
  if (links.length > MAX_ALIGNMENT_LINKS) return `an alignment holds at most ${MAX_ALIGNMENT_LINKS} links`;
  let sourceEnd = 0;
  let translationEnd = 0;
  for (const [i, link] of links.entries()) {
    if (!link.source && !link.translation) return `link ${i} has neither a source nor a translation`;
    for (const [side, span, length, after] of [
      ['source', link.source, sourceLength, sourceEnd],
      ['translation', link.translation, translationLength, translationEnd],
    ] as const) {
      if (!span) continue;
      if (!Number.isSafeInteger(span.start) || !Number.isSafeInteger(span.end) || span.start < 0 || span.end <= span.start) return `link ${i}'s ${side} range [${span.start}, ${span.end}) is empty or not a range`;
      if (span.end > length) return `link ${i}'s ${side} range [${span.start}, ${span.end}) is outside the ${side} (length ${length})`;
      if (span.start < after) return `link ${i}'s ${side} range [${span.start}, ${span.end}) overlaps or comes before the previous link's`;
    }
    if (link.source) sourceEnd = link.source.end;
    if (link.translation) translationEnd = link.translation.end;
  }
  return null;
}
