// `â€™` for `’` — UTF-8 bytes read as Windows-1252 (or Latin-1) and saved
// again. Read the characters back as those bytes and decode them as UTF-8.

import type { Rule, RuleMatch } from './rule';
import { q } from './text';

// Windows-1252's characters for bytes 0x80–0x9F; other bytes map to the code point of the same value.
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const BYTE = new Map<string, number>();
for (let b = 0x80; b <= 0xff; b++) BYTE.set(String.fromCharCode(b), b);
for (let i = 0; i < CP1252.length; i++) BYTE.set(CP1252[i]!, 0x80 + i);

// A UTF-8 lead byte read as a character (Â..ô), then a character that
// stands for a byte, or a space (a no-break space turned plain): where to try.
const CANDIDATE = /[\u00C2-\u00F4][\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ ]/g;

export const mojibake: Rule = {
  id: 'mojibake',
  description: 'Garbled characters from UTF-8 read as Windows-1252: "â€™" for "’", "Ã©" for "é", "Â " for a no-break space.',
  severity: 'error',
  safe: true,
  detect(line) {
    const matches: RuleMatch[] = [];
    let from = 0;
    for (const m of line.matchAll(CANDIDATE)) {
      if (m.index < from) continue;
      const run = decodeRun(line, m.index);
      if (run) {
        const intended = run.replacement === '\u00A0' ? 'a no-break space' : q(run.replacement);
        matches.push({ ...run, message: `${q(line.slice(run.start, run.end))} is ${intended} garbled by a wrong encoding.` });
        from = run.end;
      } else if (m[0] === '\u00C2 ' && !/\p{Lu}/u.test(line[m.index - 1] ?? '')) {
        // A no-break space (C2 A0) whose second byte became a plain space.
        matches.push({ start: m.index, end: m.index + 1, replacement: '', message: `${q('Â')} is a garbled no-break space: remove it.` });
        from = m.index + 2;
      }
    }
    return matches;
  },
};

/**
 * The longest run of UTF-8 sequences spelled in Windows-1252 starting at
 * `start`, if it is plainly garbled: it holds a three- or four-byte sequence
 * (â€™, ä¸­), a two-byte one led by Â or Ã (the Latin-1 range: Â©, Ã©), or
 * two sequences in a row. A lone pair such as `Ñ—` in `ESPAÑA—` is text.
 */
function decodeRun(line: string, start: number): { start: number; end: number; replacement: string } | null {
  let end = start;
  let decoded = '';
  let count = 0;
  let plain = false;
  for (;;) {
    const sequence = decodeSequence(line, end);
    if (!sequence) break;
    plain ||= sequence.length > 2 || line[end] === 'Â' || line[end] === 'Ã';
    decoded += sequence.text;
    end += sequence.length;
    count++;
  }
  return count > 0 && (plain || count > 1) ? { start, end, replacement: decoded } : null;
}

/** One UTF-8 sequence spelled as characters at `index`, with its length in characters. */
function decodeSequence(line: string, index: number): { text: string; length: number } | null {
  const lead = BYTE.get(line[index] ?? '');
  if (lead === undefined || lead < 0xc2 || lead > 0xf4) return null;
  const length = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
  let code = lead & (0x7f >> length);
  for (let k = 1; k < length; k++) {
    const byte = BYTE.get(line[index + k] ?? '');
    if (byte === undefined || byte > 0xbf) return null;
    code = (code << 6) | (byte & 0x3f);
  }
  // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
  const min = [0, 0, 0x80, 0x800, 0x10000][length]!;
  if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return null;
  // A control character is no one's intended text.
  if (code <= 0x9f) return null;
  return { text: String.fromCodePoint(code), length };
}
