// Axis room for the report charts: a band axis of names gets the margin its
// longest name needs (up to a limit, past which names are shortened, the full
// name staying in the table), and an axis of counts gets whole-number ticks.

/** Longest name shown whole on a band axis; the tables always hold the whole names. */
const LONGEST_LABEL = 34;

export const shortLabel = (label: string): string => (label.length > LONGEST_LABEL ? `${label.slice(0, LONGEST_LABEL - 1)}…` : label);

/** Left margin, in pixels, for a band axis of these labels at the charts' 12 px type. */
export function labelMargin(labels: readonly string[]): number {
  const longest = labels.reduce((n, l) => Math.max(n, shortLabel(l).length), 0);
  return Math.max(60, Math.round(longest * 7 + 16));
}

/** A tick count that keeps an axis of counts on whole numbers: never more ticks than the largest count. */
export const countTicks = (largest: number): number => Math.max(1, Math.min(10, Math.ceil(largest)));
