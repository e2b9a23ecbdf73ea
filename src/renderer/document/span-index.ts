// The spans overlapping a range, found without a pass over all of them: the
// Source panel asks it for each sentence it draws, among thousands of
// annotations and findings.

export interface Spanned {
  start: number;
  end: number;
}

export class SpanIndex<T extends Spanned> {
  private readonly items: T[];
  /** reach[i]: the furthest end among items[0..i]. */
  private readonly reach: Float64Array;

  constructor(items: Iterable<T>) {
    this.items = [...items].sort((a, b) => a.start - b.start);
    this.reach = new Float64Array(this.items.length);
    let furthest = -Infinity;
    this.items.forEach((item, i) => (this.reach[i] = furthest = Math.max(furthest, item.end)));
  }

  /** The items with start < end and end > start, in order of their start. */
  overlapping(start: number, end: number): T[] {
    // The first item starting at or after `end`: none from there on can overlap.
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid]!.start < end) lo = mid + 1;
      else hi = mid;
    }
    const found: T[] = [];
    // Back from there while some item before may still reach past `start`.
    for (let i = lo - 1; i >= 0 && this.reach[i]! > start; i--) if (this.items[i]!.end > start) found.push(this.items[i]!);
    return found.reverse();
  }
}
