// Character edit distance (Levenshtein, UTF-16 units), banded (Ukkonen): the
// texts compared differ in a few places, so only a narrow diagonal band of
// the table is computed, doubled until the distance fits inside it.

export function editDistance(a: string, b: string): number {
  let start = 0;
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  if (x.length === 0 || y.length === 0) return x.length + y.length;
  for (let band = Math.max(8, Math.abs(x.length - y.length)); ; band *= 2) {
    const d = banded(x, y, band);
    if (d <= band) return d;
  }
}

/** The distance if it is at most `band`, else some number above `band`. */
function banded(x: string, y: string, band: number): number {
  const n = x.length;
  const m = y.length;
  const BIG = band + 1;
  let previous = new Array<number>(m + 1).fill(BIG);
  let current = new Array<number>(m + 1).fill(BIG);
  for (let j = 0; j <= Math.min(m, band); j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(m, i + band);
    current.fill(BIG);
    if (i <= band) current[0] = i;
    const c = x.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const substitute = previous[j - 1]! + (c === y.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitute, previous[j]! + 1, current[j - 1]! + 1, BIG);
    }
    [previous, current] = [current, previous];
  }
  return previous[m]!;
}
