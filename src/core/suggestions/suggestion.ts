// What a suggestion is: a proposed annotation, shown apart from annotations
// (dashed, unfilled) until the user accepts it. Never exported.

/** Where a suggestion comes from; an accepted one is annotated with origin `suggestion:<source>`. */
export type SuggestionSource = 'dictionary' | 'compromise';

export interface Suggestion {
  /** Code point offsets into the text it was computed on, end exclusive. */
  start: number;
  end: number;
  quote: string;
  tagId: string;
  source: SuggestionSource;
}

/** The origin an annotation made from an accepted suggestion carries. */
export function suggestionOrigin(source: SuggestionSource): `suggestion:${SuggestionSource}` {
  return `suggestion:${source}`;
}

/** Order by position, then longer first, then tag. */
export function bySpan(a: Suggestion, b: Suggestion): number {
  return a.start - b.start || b.end - a.end || (a.tagId < b.tagId ? -1 : a.tagId > b.tagId ? 1 : 0);
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
