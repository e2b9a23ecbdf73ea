// Annotations of the source (an MQM omission belongs there) and annotations
// of the text pointing to a source span, through the api on a real workspace:
// placed and kept while the text is edited, carried by native JSON and W3C
// (targets on the source name the source) and read back by both; bad ranges
// refused; a source they are anchored in is not replaced under them.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BilingualView, TransferExport, TransferImport } from '../../src/api/common/contract';
import { workspaceApis } from './api-harness';
import { sourceIri, documentIri } from '../../src/core/formats/w3c';
import type { Annotation, DocumentSummary, Tag } from '../../src/core/model';
import { schemaErrors } from '../unit/formats/schema';
import { repoRoot } from '../unit/formats/paths';

const openApi = workspaceApis('source-annotations');

async function workspace() {
  const { ws, call } = await openApi();
  const importFiles = (files: { name: string; content: string }[], extra: Record<string, unknown> = {}) =>
    call<TransferImport>('transfer.import', { files: files.map((f) => ({ name: f.name, contentBase64: Buffer.from(f.content).toString('base64') })), ...extra });
  return { ws, call, importFiles };
}

// Written for this test: the second source sentence is not translated (an omission); 😀 makes code points and UTF-16 differ.
const SOURCE = '😀国家统计局发布了数据。工业生产保持稳定。出口增长了5.8%。';
const TRANSLATION = 'The statistics bureau released data. Exports grew by 5.8%.';
const points = (text: string) => [...text];
const at = (text: string, part: string) => {
  const start = points(text.slice(0, text.indexOf(part))).length;
  return { start, end: start + points(part).length };
};
const OMITTED = '工业生产保持稳定。';
const TERM = '统计局';

async function withPair() {
  const w = await workspace();
  const { documentIds } = await w.importFiles([
    { name: 'stats.zh.txt', content: SOURCE },
    { name: 'stats.en.txt', content: TRANSLATION },
  ]);
  const documentId = documentIds[0]!;
  const [omission, terminology] = await Promise.all(
    ['Omission', 'Terminology'].map((name) => w.call<Tag>('tags.create', { name, color: '#aa3300', parentId: null })),
  );
  const onSource = await w.call<Annotation>('annotations.create', {
    documentId,
    baseEditCount: 0,
    side: 'source',
    ...at(SOURCE, OMITTED),
    tagIds: [omission!.id],
    note: 'not translated',
    attributes: { severity: 'major' },
  });
  const pointing = await w.call<Annotation>('annotations.create', {
    documentId,
    baseEditCount: 0,
    ...at(TRANSLATION, 'statistics bureau'),
    sourceRange: at(SOURCE, TERM),
    tagIds: [terminology!.id],
  });
  return { ...w, documentId, onSource, pointing };
}

describe('annotations of the source and source ranges', () => {
  it('are placed on the source, listed apart from the text, and stay put while the text is edited', async () => {
    const { call, documentId, onSource, pointing } = await withPair();
    expect(onSource).toMatchObject({ side: 'source', quote: OMITTED, ...at(SOURCE, OMITTED), attributes: { severity: 'major' } });
    expect(pointing).toMatchObject({ quote: 'statistics bureau', sourceRange: at(SOURCE, TERM) });
    expect(pointing).not.toHaveProperty('side');

    // The text's annotations are those of the text; the source's come with the source.
    expect((await call<Annotation[]>('annotations.list', { documentId })).map((a) => a.id)).toEqual([pointing.id]);
    expect((await call<BilingualView>('bilingual.get', { documentId })).annotations).toEqual([onSource]);

    await call('edits.apply', { documentId, baseEditCount: 0, changes: [{ start: 0, end: 0, inserted: 'Today, ' }] });
    const [moved] = await call<Annotation[]>('annotations.list', { documentId });
    expect(moved).toMatchObject({ start: pointing.start + 7, quote: 'statistics bureau', sourceRange: at(SOURCE, TERM) });
    expect((await call<BilingualView>('bilingual.get', { documentId })).annotations).toEqual([onSource]);

    // A source range is changed and removed like any field.
    const cleared = await call<Annotation>('annotations.update', { id: pointing.id, sourceRange: null });
    expect(cleared).not.toHaveProperty('sourceRange');
    const moved2 = await call<Annotation>('annotations.update', { id: onSource.id, range: at(SOURCE, '出口'), baseEditCount: 1 });
    expect(moved2).toMatchObject({ side: 'source', quote: '出口' });
  });

  it('refuse ranges outside the source, a source range without a source, and a new source under them', async () => {
    const { call, documentId, importFiles } = await withPair();
    const length = points(SOURCE).length;
    await expect(call('annotations.create', { documentId, baseEditCount: 0, side: 'source', start: length - 1, end: length + 1 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('annotations.create', { documentId, baseEditCount: 0, start: 0, end: 3, sourceRange: { start: 0, end: length + 1 } })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(call('annotations.create', { documentId, baseEditCount: 0, side: 'source', start: 0, end: 3, sourceRange: { start: 0, end: 1 } })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const { documentIds } = await importFiles([{ name: 'plain.txt', content: 'No source here.' }]);
    await expect(call('annotations.create', { documentId: documentIds[0], baseEditCount: 0, side: 'source', start: 0, end: 2 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('bilingual.setSource', { documentId, text: '统计局发布了数据。出口增长了5.8%。', language: 'zh' })).rejects.toThrow(/anchored in the present source/);
    expect((await call<BilingualView>('bilingual.get', { documentId })).source).toBe(SOURCE);
  });
});

describe('native JSON and W3C carry them', () => {
  it('native: written under the source and on the annotation, valid against the schema, read back the same', async () => {
    const { call, documentId, onSource, pointing } = await withPair();
    const exported = await call<TransferExport>('transfer.export', { format: 'native', documentIds: [documentId] });
    const content = exported.files[0]!.content;
    expect(schemaErrors(content)).toEqual([]);
    const file = JSON.parse(content) as { documents: { annotations: { sourceRange?: unknown }[]; source: { annotations: { quote: string }[] } }[] };
    expect(file.documents[0]!.source.annotations.map((a) => a.quote)).toEqual([OMITTED]);
    expect(file.documents[0]!.annotations[0]!.sourceRange).toEqual(at(SOURCE, TERM));

    const other = await workspace();
    const { documentIds } = await other.importFiles([{ name: 'stats.json', content }]);
    const view = await other.call<BilingualView>('bilingual.get', { documentId: documentIds[0] });
    expect(view.annotations).toEqual([{ ...onSource, documentId: documentIds[0] }]);
    expect(await other.call<Annotation[]>('annotations.list', { documentId: documentIds[0] })).toEqual([{ ...pointing, documentId: documentIds[0] }]);
    // And out again, the same file.
    const again = await other.call<TransferExport>('transfer.export', { format: 'native', documentIds });
    const withoutTime = (json: string) => json.replace(/"exportedAt": "[^"]*"/, '');
    expect(withoutTime(again.files[0]!.content)).toBe(withoutTime(content));
  });

  it('W3C: an annotation of the source targets the source; a source range is a second target; both read back', async () => {
    const { call, documentId, onSource, pointing } = await withPair();
    const exported = await call<TransferExport>('transfer.export', { format: 'w3c', documentIds: [documentId] });
    const content = exported.files[0]!.content;
    type Target = { source: string; selector: { type: string; exact?: string; start?: number; end?: number }[] };
    const items = (JSON.parse(content) as { first: { items: { id: string; target: Target | Target[] }[] } }).first.items;
    const [textItem, sourceItem] = items;
    expect(sourceItem!.target).toMatchObject({ source: sourceIri(documentId), selector: [{ type: 'TextQuoteSelector', exact: OMITTED }, { type: 'TextPositionSelector', ...at(SOURCE, OMITTED) }] });
    expect(textItem!.target).toMatchObject([
      { source: documentIri(documentId), selector: [{ exact: 'statistics bureau' }, {}] },
      { source: sourceIri(documentId), selector: [{ exact: TERM }, { type: 'TextPositionSelector', ...at(SOURCE, TERM) }] },
    ]);
    const suite = resolve(repoRoot, '../shared/w3c-annotation-model');
    if (existsSync(join(suite, 'validate.mjs'))) {
      const path = join(mkdtempSync(join(tmpdir(), 'scholia-w3c-')), 'export.jsonld');
      writeFileSync(path, content);
      const run = spawnSync(process.execPath, [join(suite, 'validate.mjs'), path], { env: { ...process.env, AJV_DIR: repoRoot }, encoding: 'utf8' });
      expect(`${run.stdout}${run.stderr}`).toMatch(/\b[1-9]\d* passed, 0 failed/);
    }

    // Read back onto the document after its annotations were deleted: the same places, sides and source range.
    await call('annotations.delete', { id: onSource.id });
    await call('annotations.delete', { id: pointing.id });
    const result = await call<TransferImport>('transfer.import', { files: [{ name: 'stats.jsonld', contentBase64: Buffer.from(content).toString('base64') }], documentId });
    expect(result.unanchored).toEqual([]);
    const [text] = await call<Annotation[]>('annotations.list', { documentId });
    expect(text).toMatchObject({ start: pointing.start, end: pointing.end, quote: pointing.quote, sourceRange: pointing.sourceRange, tagIds: pointing.tagIds });
    const [source] = (await call<BilingualView>('bilingual.get', { documentId })).annotations;
    expect(source).toMatchObject({ side: 'source', start: onSource.start, end: onSource.end, quote: OMITTED, note: onSource.note, attributes: onSource.attributes });
  });

  it('W3C: an annotation of a source is not anchored on a document that has none', async () => {
    const { call, documentId } = await withPair();
    const content = (await call<TransferExport>('transfer.export', { format: 'w3c', documentIds: [documentId] })).files[0]!.content;
    const other = await workspace();
    const { documentIds } = await other.importFiles([{ name: 'plain.en.txt', content: TRANSLATION }]);
    const result = await other.call<TransferImport>('transfer.import', { files: [{ name: 'stats.jsonld', contentBase64: Buffer.from(content).toString('base64') }], documentId: documentIds[0] });
    expect(result.unanchored.map((u) => u.problem)).toEqual([expect.stringContaining('this document has none'), expect.stringContaining('this document has none')]);
    expect(await other.call<DocumentSummary[]>('documents.list', {})).toHaveLength(1);
  });
});
