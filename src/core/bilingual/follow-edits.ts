// An alignment's translation side follows the translation's edits by the same
// rule as annotations (core/mapping.ts).

import { mapRange } from '../mapping';
import type { TextChange } from '../model';
import type { AlignmentLink, Span } from './types';

/** Maps a range through a change; null when all its text was deleted. */
export type RangeMapper = (range: Span, change: TextChange) => Span | null;

export const annotationRule: RangeMapper = (range, change) => mapRange(range, change);

/**
 * The alignment after `change` to the translation. A link whose translation
 * was deleted entirely keeps its source with no translation (an omission now).
 * Links that had no source and lose their translation disappear.
 */
export function mapAlignment(links: readonly AlignmentLink[], change: TextChange, mapper: RangeMapper = annotationRule): AlignmentLink[] {
  const out: AlignmentLink[] = [];
  for (const link of links) {
    const translation = link.translation ? mapper(link.translation, change) : null;
    if (!link.source && !translation) continue;
    out.push({ source: link.source, translation });
  }
  return out;
}

/** The alignment after a sequence of changes, each in the coordinates the previous left. */
export function mapAlignmentThrough(links: readonly AlignmentLink[], changes: readonly TextChange[], mapper: RangeMapper = annotationRule): AlignmentLink[] {
  return changes.reduce<AlignmentLink[]>((current, change) => mapAlignment(current, change, mapper), [...links]);
}
