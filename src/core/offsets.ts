// Conversions between Unicode code point offsets (what leaves the program) and
// UTF-16 indices (what JavaScript strings use). Text without astral characters
// takes a fast path where both are the same.

const SURROGATE = /[\uD800-\uDFFF]/;

/** Number of code points in `text` (a lone surrogate counts as one). */
export function codePointLength(text: string): number {
  if (!SURROGATE.test(text)) return text.length;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * Maps offsets of one string both ways in O(log k), k being the number of
 * astral characters. Build once per text, query many times.
 */
export class CodePointIndex {
  /** UTF-16 indices at which an astral character (surrogate pair) starts, ascending. */
  private readonly astral: number[];
  private readonly utf16: number;

  constructor(text: string) {
    this.astral = astralStarts(text, 0);
    this.utf16 = text.length;
  }

  /** Length of the text in UTF-16 code units. */
  get utf16Length(): number {
    return this.utf16;
  }

  /** Length of the text in code points. */
  get length(): number {
    return this.utf16 - this.astral.length;
  }

  /** UTF-16 index of code point offset `cp` (0 ≤ cp ≤ length). */
  toUtf16(cp: number): number {
    if (this.astral.length === 0) return cp;
    // Count astral characters whose code point offset is below cp.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const cpOfMid = this.astral[mid]! - mid;
      if (cpOfMid < cp) lo = mid + 1;
      else hi = mid;
    }
    return cp + lo;
  }

  /** Code point offset of UTF-16 index `u`; an index inside a pair rounds down. */
  toCodePoint(u: number): number {
    if (this.astral.length === 0) return u;
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.astral[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    // lo pairs start before u; an index inside a pair thereby rounds down.
    return u - lo;
  }
}

/** A surrogate pair: an astral character (a lone surrogate is not one). */
const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** UTF-16 indices (plus `offset`) at which the astral characters of `text` start. */
export function astralStarts(text: string, offset: number): number[] {
  const starts: number[] = [];
  if (!SURROGATE.test(text)) return starts;
  // The regex engine scans a long text several times faster than a loop over its code units.
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(text); m !== null; m = PAIR.exec(text)) starts.push(offset + m.index);
  return starts;
}

/** UTF-16 index of code point offset `cp` in `text`, scanning once. */
export function utf16Offset(text: string, cp: number): number {
  return new CodePointIndex(text).toUtf16(cp);
}

/** The code points [start, end) of `text`. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  const index = new CodePointIndex(text);
  return text.slice(index.toUtf16(start), index.toUtf16(end));
}

/** Whether `text` holds a lone (unpaired) surrogate, which UTF-8 cannot encode. */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
