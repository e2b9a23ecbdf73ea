// Turning a file's bytes into document text, refusing what is not text.

/** Largest file accepted as one document. Documented in the README. */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

export type DecodeErrorCode = 'empty' | 'too_large' | 'binary' | 'invalid_utf8' | 'invalid_utf16';

export interface DecodeError {
  code: DecodeErrorCode;
  message: string;
  /** Byte offset of the first offending byte, where there is one. */
  byteOffset?: number;
}

export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; bom: boolean }
  | { ok: false; error: DecodeError };

/**
 * Decodes UTF-8 (BOM removed unless keepUtf8Bom) or BOM-marked UTF-16. Anything else — NUL bytes,
 * invalid UTF-8, an empty or oversized file — is refused with the reason.
 */
export function decodeText(bytes: Uint8Array, maxBytes = MAX_DOCUMENT_BYTES, options: { keepUtf8Bom?: boolean } = {}): DecodeResult {
  if (bytes.length === 0) return fail('empty', 'the file is empty');
  if (bytes.length > maxBytes) {
    return fail('too_large', `the file is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} limit for ${maxBytes === MAX_DOCUMENT_BYTES ? 'one document' : 'one file'}`);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const nul = bytes.indexOf(0);
  if (nul >= 0) return fail('binary', `this is not a text file: it holds a NUL byte at byte offset ${nul}`, nul);
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    return fail('invalid_utf8', `the file is not valid UTF-8: invalid byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at byte offset ${bad}`, bad);
  }
  // brat reads .txt files as plain UTF-8 (Python's "utf-8", not "utf-8-sig"): a leading U+FEFF is a character its offsets count.
  const text = new TextDecoder('utf-8', { ignoreBOM: options.keepUtf8Bom === true }).decode(bytes);
  if (text.length === 0) return fail('empty', 'the file holds only a byte order mark');
  return { ok: true, text, encoding: 'utf-8', bom };
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodeResult {
  if (bytes.length % 2 !== 0) {
    return fail('invalid_utf16', `the file starts with a ${encoding.toUpperCase()} byte order mark but has an odd number of bytes`);
  }
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return fail('invalid_utf16', `the file starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()}`);
  }
  if (text.length === 0) return fail('empty', 'the file holds only a byte order mark');
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return fail('binary', `this is not a text file: it holds a NUL character at character ${nul}`);
  return { ok: true, text, encoding, bom: true };
}

/** Byte offset of the first byte that breaks UTF-8 (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

function fail(code: DecodeErrorCode, message: string, byteOffset?: number): DecodeResult {
  return { ok: false, error: byteOffset === undefined ? { code, message } : { code, message, byteOffset } };
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}
