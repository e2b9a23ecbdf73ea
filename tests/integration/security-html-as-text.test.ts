// Text is never interpreted as HTML, in exports either: markup in a document,
// its title, a tag name, a note or an attribute goes into every export format
// exactly as written (neither run nor escaped into something else), comes back
// the same through an import, and no export is ever a file a browser would
// render as a page. (The editor, panels and tag names: tests/e2e/annotations.spec.ts.)

import { describe, expect, it } from 'vitest';
import { exportFormats, type TransferExport, type TransferImport } from '../../src/api/common/contract';
import type { Annotation, DocumentRecord, DocumentSummary, Tag } from '../../src/core/model';
import { workspaceApis } from './api-harness';

const TEXT = 'Intro <img src=x onerror=alert(1)> then </script><script>alert(2)</script> & &lt;b&gt; "quoted" \'single\' end.\n';
const TITLE = '<img src=x onerror=alert(3)></title>';
const TAG = '<b onmouseover=alert(4)>Tag</b>';
const NOTE = '<svg onload=alert(5)> & </textarea>';
const ATTRIBUTE = '"><script>alert(6)</script>';

const openApi = workspaceApis('html', { author: '<i>author</i>' });
async function api() {
  return (await openApi()).call;
}

describe('markup in exports', () => {
  it('goes into every format exactly as written, and no export is an HTML or SVG file', async () => {
    const call = await api();
    const doc = await call<DocumentSummary>('documents.create', { title: TITLE, text: TEXT });
    const tag = await call<Tag>('tags.create', { name: TAG, color: '#123456' });
    const start = [...TEXT].indexOf('<');
    const quote = '<img src=x onerror=alert(1)>';
    await call<Annotation>('annotations.create', { documentId: doc.id, baseEditCount: 0, start, end: start + quote.length, tagIds: [tag.id], note: NOTE, attributes: { severity: ATTRIBUTE } });

    for (const format of exportFormats) {
      const { files } = await call<TransferExport>('transfer.export', { documentIds: [doc.id], format });
      for (const file of files) {
        // Names a browser would not render, and no way out of the folder they are saved in.
        expect(file.name, format).not.toMatch(/\.(x?html?|svg|xml|xht)$/i);
        expect(file.name, format).not.toMatch(/[/\\<>\u0000-\u001f]/);
      }
      const all = files.map((f) => f.content).join('\n');
      switch (format) {
        case 'native': {
          const parsed = JSON.parse(all) as { documents: { title: string; text: string; annotations: { quote: string; note: string; attributes: Record<string, string> }[] }[]; tags: { name: string }[] };
          expect(parsed.documents[0]).toMatchObject({ title: TITLE, text: TEXT });
          expect(parsed.documents[0]!.annotations[0]).toMatchObject({ quote, note: NOTE, attributes: { severity: ATTRIBUTE } });
          expect(parsed.tags.map((t) => t.name)).toContain(TAG);
          break;
        }
        case 'w3c': {
          type Item = { body: { purpose: string; value: string }[]; target: { selector: { type: string; exact?: string }[] }; 'scholia:attributes': Record<string, string> };
          const item = (JSON.parse(all) as { first: { items: Item[] } }).first.items[0]!;
          expect(item.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact).toBe(quote);
          expect(item.body.find((b) => b.purpose === 'commenting')?.value).toBe(NOTE);
          // Tags go as paths (parent/child), where a slash in a name is written \/.
          expect(item.body.find((b) => b.purpose === 'tagging')?.value).toBe(TAG.replaceAll('/', '\\/'));
          expect(item['scholia:attributes']).toEqual({ severity: ATTRIBUTE });
          expect(all).not.toMatch(/&lt;|&gt;|&amp;/);
          break;
        }
        case 'doccano': {
          const line = JSON.parse(all.trim().split('\n')[0]!) as { text: string };
          expect(line.text).toBe(TEXT);
          break;
        }
        case 'brat':
          expect(files.find((f) => f.name.endsWith('.txt'))!.content).toBe(TEXT);
          expect(files.find((f) => f.name.endsWith('.ann'))!.content).toContain(quote);
          break;
        case 'text':
          expect(all).toBe(TEXT);
          break;
      }
    }
  });

  it('comes back the same through a native import into another workspace', async () => {
    const call = await api();
    const doc = await call<DocumentSummary>('documents.create', { title: TITLE, text: TEXT });
    const tag = await call<Tag>('tags.create', { name: TAG, color: '#123456' });
    await call<Annotation>('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 6, end: 34, tagIds: [tag.id], note: NOTE, attributes: { severity: ATTRIBUTE } });
    const { files } = await call<TransferExport>('transfer.export', { documentIds: [doc.id], format: 'native' });

    const other = await api();
    const imported = await other<TransferImport>('transfer.import', { files: files.map((f) => ({ name: f.name, contentBase64: Buffer.from(f.content).toString('base64') })) });
    const copy = await other<DocumentRecord>('documents.get', { id: imported.documentIds[0]! });
    expect(copy).toMatchObject({ title: TITLE, text: TEXT, originalText: TEXT });
    const [annotation] = await other<Annotation[]>('annotations.list', { documentId: copy.id });
    expect(annotation).toMatchObject({ note: NOTE, attributes: { severity: ATTRIBUTE }, quote: [...TEXT].slice(6, 34).join('') });
    expect((await other<Tag[]>('tags.list', {})).map((t) => t.name)).toContain(TAG);
  });
});
