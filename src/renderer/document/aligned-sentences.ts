// What the Source panel asks of an alignment: which link holds the caret, the
// next link along one side, where a link splits by default, and the undo
// stack of the user's corrections. Pure, so it is tested without a page.

import { splitSentences } from '../../core/bilingual/sentences';
import type { AlignmentLink, Side, Span } from '../../core/bilingual/types';

/**
 * The link whose `side` holds code point `offset`: the last one starting at or
 * before it (a caret between two sentences belongs to the one before); -1 when none does.
 */
export function linkAt(links: readonly AlignmentLink[], side: Side, offset: number): number {
  let found = -1;
  for (const [i, link] of links.entries()) {
    const span = link[side];
    if (!span) continue;
    if (span.start > offset) break;
    found = i;
  }
  return found;
}

/** The next (1) or previous (-1) link after `from` that has a `side`; `from` itself when there is none. */
export function stepLink(links: readonly AlignmentLink[], from: number, by: 1 | -1, side: Side | null): number {
  for (let i = from + by; i >= 0 && i < links.length; i += by) if (side === null || links[i]![side]) return i;
  return from;
}

/** The translation sentences that have no source (additions). */
export function unmatchedTranslations(links: readonly AlignmentLink[]): Span[] {
  return links.flatMap((l) => (l.translation && !l.source ? [l.translation] : []));
}

/**
 * Where a link's side (`inside`, the text of `span`) splits when the user gave
 * no position: after its first sentence, or null when the side holds one
 * sentence (or none).
 */
export function defaultSplit(inside: string, span: Span | null, language: string): number | null {
  if (!span) return null;
  const sentences = splitSentences(inside, language).filter((s) => [...inside].slice(s.start, s.end).join('').trim() !== '');
  if (sentences.length < 2) return null;
  return span.start + sentences[1]!.start;
}

const sameAlignment = (a: readonly AlignmentLink[], b: readonly AlignmentLink[]) => JSON.stringify(a) === JSON.stringify(b);

interface Correction {
  before: AlignmentLink[];
  after: AlignmentLink[];
}

/**
 * The corrections made in this view, for undo and redo. Each gives back a
 * whole alignment; it is refused when the alignment is no longer the one the
 * correction left (the text was edited since, or another window corrected it).
 */
export class CorrectionHistory {
  private done: Correction[] = [];
  private undone: Correction[] = [];

  /** The history as text, to keep it across a reload of the window. */
  serialize(): string {
    return JSON.stringify({ done: this.done, undone: this.undone });
  }

  /** A history read back from `serialize`'s text; empty when the text is not one. */
  static parse(text: string | null): CorrectionHistory {
    const history = new CorrectionHistory();
    try {
      const value = JSON.parse(text ?? '') as { done?: unknown; undone?: unknown };
      if (Array.isArray(value.done) && Array.isArray(value.undone)) {
        history.done = value.done as Correction[];
        history.undone = value.undone as Correction[];
      }
    } catch {
      // Nothing kept, or not ours: start empty.
    }
    return history;
  }

  record(before: AlignmentLink[], after: AlignmentLink[]): void {
    this.done.push({ before, after });
    this.undone = [];
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** The alignment to restore to undo the last correction, or a reason it cannot be undone. */
  undo(current: readonly AlignmentLink[]): { alignment: AlignmentLink[] } | { refused: string } {
    return this.step(this.done, this.undone, current, 'after', 'before', 'undo');
  }

  redo(current: readonly AlignmentLink[]): { alignment: AlignmentLink[] } | { refused: string } {
    return this.step(this.undone, this.done, current, 'before', 'after', 'redo');
  }

  private step(from: Correction[], to: Correction[], current: readonly AlignmentLink[], expected: keyof Correction, restored: keyof Correction, verb: string) {
    const last = from.at(-1);
    if (!last) return { refused: `there is no correction to ${verb}` };
    if (!sameAlignment(last[expected], current)) {
      from.length = 0;
      return { refused: `the alignment changed since (the text was edited or another window corrected it); nothing to ${verb}` };
    }
    from.pop();
    to.push(last);
    return { alignment: last[restored] };
  }
}

/** A mark on a sentence: an annotation or a finding's span, in code points of the whole text. */
export interface SpanMark {
  start: number;
  end: number;
  kind: 'annotation' | 'finding';
  label: string;
}

/** A piece of a sentence and the marks covering all of it. */
export interface Segment {
  text: string;
  marks: SpanMark[];
}

/**
 * The sentence `sentence` at `span` (code points of its whole text) cut where
 * a mark starts or ends, each piece with the marks over it, to draw them inline.
 */
export function segmentsOf(sentence: string, span: Span, marks: readonly SpanMark[]): Segment[] {
  const points = [...sentence];
  const inside = marks.filter((m) => m.start < span.end && m.end > span.start);
  const cuts = new Set([span.start, span.end]);
  for (const m of inside) {
    if (m.start > span.start) cuts.add(m.start);
    if (m.end < span.end) cuts.add(m.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [from, to] = [sorted[i]!, sorted[i + 1]!];
    segments.push({ text: points.slice(from - span.start, to - span.start).join(''), marks: inside.filter((m) => m.start <= from && m.end >= to) });
  }
  return segments;
}
