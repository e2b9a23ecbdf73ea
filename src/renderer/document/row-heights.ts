// The heights of a long list's rows, measured once drawn and estimated before,
// so that a list drawing only the rows in view can place them and its
// scrollbar as if all were there. A Fenwick tree: a row's height changes and
// a row's offset or the row at an offset are found in O(log n).

export class RowHeights {
  private readonly tree: Float64Array;
  private readonly heights: Float64Array;

  constructor(
    readonly count: number,
    estimate: number,
  ) {
    this.heights = new Float64Array(count).fill(estimate);
    this.tree = new Float64Array(count + 1);
    // Built in O(n): each node adds itself to its parent.
    for (let i = 1; i <= count; i++) {
      this.tree[i]! += estimate;
      const parent = i + (i & -i);
      if (parent <= count) this.tree[parent]! += this.tree[i]!;
    }
  }

  /** Records row `index`'s height; true when it changed. */
  set(index: number, height: number): boolean {
    const delta = height - this.heights[index]!;
    if (index < 0 || index >= this.count || Math.abs(delta) < 0.5) return false;
    this.heights[index] = height;
    for (let i = index + 1; i <= this.count; i += i & -i) this.tree[i]! += delta;
    return true;
  }

  /** The top of row `index` (the total height when index = count). */
  offset(index: number): number {
    let sum = 0;
    for (let i = Math.min(index, this.count); i > 0; i -= i & -i) sum += this.tree[i]!;
    return sum;
  }

  get total(): number {
    return this.offset(this.count);
  }

  /** The row at vertical offset `y` (the last row when y is past the end). */
  indexAt(y: number): number {
    if (this.count === 0) return 0;
    let index = 0;
    let remaining = y;
    for (let step = 1 << Math.floor(Math.log2(this.count)); step > 0; step >>= 1) {
      const next = index + step;
      if (next <= this.count && this.tree[next]! <= remaining) {
        index = next;
        remaining -= this.tree[next]!;
      }
    }
    return Math.min(index, this.count - 1);
  }
}
