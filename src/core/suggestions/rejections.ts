// Rejected suggestions are remembered by their tag and text, so "Li" rejected
// as a person is not proposed again anywhere, even after the text moves.

import type { Suggestion } from './suggestion';

export interface Rejection {
  tagId: string;
  quote: string;
}

export function rejectionKey(rejection: Rejection): string {
  return `${rejection.tagId}\u0000${rejection.quote}`;
}

/** The suggestions not rejected before. */
export function withoutRejected(suggestions: readonly Suggestion[], rejections: readonly Rejection[]): Suggestion[] {
  const rejected = new Set(rejections.map(rejectionKey));
  return suggestions.filter((s) => !rejected.has(rejectionKey(s)));
}
