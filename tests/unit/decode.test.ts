import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8 } from '../../src/core/decode';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decoding a file into document text', () => {
  it('keeps text exactly, CRLF and blank lines included', () => {
    const text = '  Title \r\n\r\nLine two  \n\n😀 𠀋 end \n';
    expect(decodeText(utf8(text))).toEqual({ ok: true, text, encoding: 'utf-8', bom: false });
  });
  it('removes a UTF-8 byte order mark', () => {
    const result = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('hi')]));
    expect(result).toEqual({ ok: true, text: 'hi', encoding: 'utf-8', bom: true });
  });
  it('decodes UTF-16 with a byte order mark', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0x3d, 0xd8, 0x00, 0xde]);
    expect(decodeText(le)).toEqual({ ok: true, text: 'h😀', encoding: 'utf-16le', bom: true });
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x68]);
    expect(decodeText(be)).toMatchObject({ ok: true, text: 'h' });
  });
  it('refuses an empty file', () => {
    expect(decodeText(new Uint8Array())).toMatchObject({ ok: false, error: { code: 'empty' } });
  });
  it('refuses binary data, naming the NUL byte', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
    expect(decodeText(png)).toMatchObject({ ok: false, error: { code: 'binary' } });
  });
  it('refuses invalid UTF-8 and says where', () => {
    const bytes = new Uint8Array([...utf8('café '), 0xe9, ...utf8(' ok')]);
    const result = decodeText(bytes);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_utf8', byteOffset: 6 } });
    if (!result.ok) expect(result.error.message).toMatch(/byte offset 6/);
  });
  it('refuses a file over the size limit', () => {
    expect(decodeText(utf8('abcdef'), 5)).toMatchObject({ ok: false, error: { code: 'too_large' } });
  });
  it('finds overlong forms, surrogates and truncated sequences', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xe2, 0x82]))).toBe(1);
    expect(firstInvalidUtf8(utf8('ok 😀 中'))).toBe(-1);
  });
});
