// A text read by code point ranges without spreading it into an array of
// code points: the Source panel slices sentences out of texts of megabytes,
// and `[...text]` on each save costed more than all the rows it drew.

/** Every STRIDE code points, where it starts in UTF-16 units. */
const STRIDE = 512;

export class CodePointText {
  readonly length: number;
  private readonly marks: Uint32Array;

  constructor(readonly text: string) {
    const marks: number[] = [];
    let points = 0;
    for (let unit = 0; unit < text.length; points++) {
      if (points % STRIDE === 0) marks.push(unit);
      const code = text.charCodeAt(unit);
      unit += code >= 0xd800 && code <= 0xdbff && unit + 1 < text.length && isLow(text.charCodeAt(unit + 1)) ? 2 : 1;
    }
    this.length = points;
    this.marks = Uint32Array.from(marks);
  }

  /** The UTF-16 offset of code point `point` (clamped to the text). */
  unitAt(point: number): number {
    if (point <= 0) return 0;
    if (point >= this.length) return this.text.length;
    let unit = this.marks[Math.floor(point / STRIDE)]!;
    for (let p = point - (point % STRIDE); p < point; p++) {
      const code = this.text.charCodeAt(unit);
      unit += code >= 0xd800 && code <= 0xdbff && isLow(this.text.charCodeAt(unit + 1)) ? 2 : 1;
    }
    return unit;
  }

  /** Code points `start` to `end`. */
  slice(start: number, end: number): string {
    return end <= start ? '' : this.text.slice(this.unitAt(start), this.unitAt(end));
  }
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
