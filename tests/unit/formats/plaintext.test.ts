import { describe, expect, it } from 'vitest';
import { exportPlainText, importPlainText } from '../../../src/core/formats/plaintext';
import { counter, sampleWorkspace, T0 } from './sample';

const encode = (text: string) => new TextEncoder().encode(text);

describe('plain text', () => {
  it('exports the corrected text exactly', () => {
    const doc = sampleWorkspace().documents[0]!.document;
    expect(exportPlainText(doc)).toBe(doc.text);
    expect(exportPlainText(doc)).toMatch(/\r\n\r\n {2}Trailing line {2}\r\n$/);
  });

  it('imports a file as a new document, keeping line ends and whitespace', async () => {
    const text = '  Line one 😀\r\n\r\nLine 𠀋 two\t \n';
    const bundle = await importPlainText(encode(text), { file: '/home/ana/readouts/brief.2024.txt', newId: counter('doc'), now: () => T0 });
    expect(bundle.tags).toEqual([]);
    expect(bundle.documents).toHaveLength(1);
    const { document, annotations, edits } = bundle.documents[0]!;
    expect(document).toEqual({
      id: 'doc-0001',
      title: 'brief.2024',
      sourceName: 'brief.2024.txt',
      // sha256 of the file's bytes, as `sha256sum` gives it.
      sha256: '7d22c30206c3fc989f8c70d6f7a8f60d596fbfff5a59e0dc76fc6e842be6756a',
      sourceLanguage: null,
      targetLanguage: null,
      createdAt: T0,
      updatedAt: T0,
      length: 29,
      editCount: 0,
      annotationCount: 0,
      originalText: text,
      text,
    });
    expect([annotations, edits]).toEqual([[], []]);
    expect(exportPlainText(document)).toBe(text);
  });

  it("refuses binary, invalid UTF-8 and empty files with the decoder's reason", async () => {
    await expect(importPlainText(new Uint8Array([0x41, 0x00, 0x42]), { file: 'a.bin' })).rejects.toThrow('a.bin: byte 1: this is not a text file: it holds a NUL byte at byte offset 1');
    await expect(importPlainText(new Uint8Array([0x41, 0xff]), { file: 'b.txt' })).rejects.toThrow(/^b\.txt: byte 1: the file is not valid UTF-8/);
    await expect(importPlainText(new Uint8Array(), { file: 'c.txt' })).rejects.toThrow('c.txt: the file is empty');
  });
});
