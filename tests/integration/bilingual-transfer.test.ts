// Bilingual files through transfer.import / transfer.export on a real
// workspace: XLIFF in, fix, XLIFF out and back in; TMX in; a pair of texts
// aligned on import, through native and back; and bad input refused whole.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BilingualView, TransferExport, TransferImport } from '../../src/api/common/contract';
import { workspaceApis } from './api-harness';
import * as xliff from '../../src/core/bilingual/xliff';
import type { DocumentRecord, DocumentSummary } from '../../src/core/model';
import { loadTestSet } from '../fixtures/bilingual/load';

const openApi = workspaceApis('bilingual');

async function workspace() {
  const { ws, call } = await openApi();
  const importFiles = (files: { name: string; content: string }[], format = 'auto') =>
    call<TransferImport>('transfer.import', { files: files.map((f) => ({ name: f.name, contentBase64: Buffer.from(f.content).toString('base64') })), format });
  const count = async () => (await call<DocumentSummary[]>('documents.list', {})).length;
  return { ws, call, importFiles, count };
}

const exchange = join(import.meta.dirname, '../fixtures/bilingual/exchange');
/** The 1.2 fixture without its untranslated unit (u4): Scholia corrects translations, so every unit needs a target. */
const xliff12 = readFileSync(join(exchange, 'report-1.2.xlf'), 'utf8').replace(/\s*<trans-unit id="u4">[\s\S]*?<\/trans-unit>/, '');
const xliff20 = readFileSync(join(exchange, 'report-2.0.xlf'), 'utf8').replace(/<segment id="s3">\s*<source>([^<]*)<\/source>/, '<segment id="s3"><source>$1</source><target>At the same time, the central bank will keep liquidity ample.</target>');

describe('XLIFF → Scholia → fix → XLIFF → Scholia', () => {
  it.each([
    ['1.2', xliff12],
    ['2.0', xliff20],
  ])('XLIFF %s keeps text, targets, notes, ids and other tools’ fields', async (_, file) => {
    const { call, importFiles } = await workspace();
    const imported = await importFiles([{ name: 'report.xlf', content: file }]);
    expect(imported.documentIds).toHaveLength(1);
    const id = imported.documentIds[0]!;
    const before = xliff.parse(file);
    if (!before.ok) throw before.error;
    const doc = await call<DocumentRecord>('documents.get', { id });
    expect(doc.text).toBe(before.document.translation);
    const view = await call<BilingualView>('bilingual.get', { documentId: id });
    expect(view).toMatchObject({ source: before.document.source, sourceLanguage: before.document.sourceLanguage, exchange: 'xliff' });
    expect(view!.alignment).toEqual(before.document.alignment);

    // The fix: "State Statistics Bureau" becomes the official name.
    const wrong = 'The State Statistics Bureau';
    const at = [...doc.text.slice(0, doc.text.indexOf(wrong))].length;
    await call('edits.apply', { documentId: id, baseEditCount: 0, changes: [{ start: at, end: at + [...wrong].length, inserted: 'The National Bureau of Statistics' }] });

    const exported = await call<TransferExport>('transfer.export', { documentIds: [id], format: 'xliff' });
    expect(exported.files.map((f) => f.name)).toEqual(['report.xlf']);
    const out = exported.files[0]!.content;
    const after = xliff.parse(out);
    if (!after.ok) throw after.error;
    const fixed = before.document.segments.map((s) => ({ ...s, target: s.target?.replace(wrong, 'The National Bureau of Statistics') ?? null }));
    expect(after.document.segments.map((s) => [s.unitId, s.segmentId, s.source, s.target, s.notes])).toEqual(fixed.map((s) => [s.unitId, s.segmentId, s.source, s.target, s.notes]));
    // The corrected unit's state moved on; the others' are as they were.
    const changed = after.document.segments.findIndex((s) => s.target!.startsWith('The National Bureau'));
    after.document.segments.forEach((s, i) => expect(s.state === before.document.segments[i]!.state).toBe(i !== changed));
    // What Scholia did not read is still there.
    for (const kept of ['okp:engine="nmt-7"', 'alt-trans', 'mtc:matches', 'name="lead"']) if (file.includes(kept)) expect(out).toContain(kept);

    // And back into Scholia: the corrected text is the document's.
    const again = await importFiles([{ name: 'report.xlf', content: out }]);
    const back = await call<DocumentRecord>('documents.get', { id: again.documentIds[0]! });
    expect(back.text).toBe((await call<DocumentRecord>('documents.get', { id })).text);
  });

  it('writes a document that came as a pair of texts as a new XLIFF 2.0 that reads back', async () => {
    const { call, importFiles } = await workspace();
    const [doc] = loadTestSet();
    const { documentIds } = await importFiles([
      { name: 'economy.zh.txt', content: doc!.source },
      { name: 'economy.en.txt', content: doc!.translation },
    ]);
    const exported = await call<TransferExport>('transfer.export', { documentIds, format: 'xliff' });
    const parsed = xliff.parse(exported.files[0]!.content);
    if (!parsed.ok) throw parsed.error;
    expect(parsed.document.version).toBe('2.0');
    expect(parsed.document.sourceLanguage).toBe('zh');
    expect(parsed.document.segments.map((s) => s.source).join('')).toBe(doc!.source.replace(/\n/g, ''));
  });
});

describe('a pair of texts', () => {
  it('imports name.zh.txt with name.en.txt as one document, aligned, and keeps it through native and native again', async () => {
    const { call, importFiles } = await workspace();
    const [doc] = loadTestSet();
    const { documentIds } = await importFiles([
      { name: 'economy.en.txt', content: doc!.translation },
      { name: 'economy.zh.txt', content: doc!.source },
    ]);
    expect(documentIds).toHaveLength(1);
    const record = await call<DocumentRecord>('documents.get', { id: documentIds[0]! });
    expect(record).toMatchObject({ title: 'economy', text: doc!.translation, sourceLanguage: 'zh', targetLanguage: 'en' });
    const view = (await call<BilingualView>('bilingual.get', { documentId: documentIds[0]! }))!;
    expect(view.source).toBe(doc!.source);
    expect(view.alignment.length).toBeGreaterThan(doc!.links.length * 0.8);

    const native = await call<TransferExport>('transfer.export', { documentIds, format: 'native' });
    expect(JSON.parse(native.files[0]!.content)).toMatchObject({ version: 2, documents: [{ source: { text: doc!.source, language: 'zh', alignment: view.alignment, exchange: null } }] });
    const second = await workspace();
    const restored = await second.importFiles(native.files);
    expect(await second.call('bilingual.get', { documentId: restored.documentIds[0]! })).toEqual(view);
    const again = await second.call<TransferExport>('transfer.export', { documentIds: restored.documentIds, format: 'native' });
    const withoutTime = (content: string) => ({ ...JSON.parse(content), exportedAt: null });
    expect(withoutTime(again.files[0]!.content)).toEqual(withoutTime(native.files[0]!.content));
  });

  it('imports TMX units as aligned pairs', async () => {
    const { call, importFiles } = await workspace();
    const tmx = readFileSync(join(exchange, 'memory.tmx'), 'utf8');
    const { documentIds } = await importFiles([{ name: 'memory.tmx', content: tmx }]);
    const record = await call<DocumentRecord>('documents.get', { id: documentIds[0]! });
    expect(record).toMatchObject({ title: 'memory', text: 'The National Bureau of Statistics released data.\nGrowth was 5.8%.', sourceLanguage: 'zh-CN', targetLanguage: 'en-US' });
    const view = (await call<BilingualView>('bilingual.get', { documentId: documentIds[0]! }))!;
    expect(view.source).toBe('国家统计局发布数据。\n增长5.8%。');
    expect(view.alignment).toEqual([
      { source: { start: 0, end: 10 }, translation: { start: 0, end: 48 } },
      { source: { start: 11, end: 18 }, translation: { start: 49, end: 65 } },
    ]);
  });
});

describe('bad input: a clear message and nothing changed', () => {
  const [economy, policy] = loadTestSet();
  const cases: [string, { name: string; content: string }[], RegExp][] = [
    ['XLIFF that is not well-formed', [{ name: 'broken.xlf', content: xliff12.replace('</body>', '') }], /^broken\.xlf: not well-formed XML.*nothing was imported/],
    ['a unit with no target', [{ name: 'open.xlf', content: readFileSync(join(exchange, 'report-1.2.xlf'), 'utf8') }], /^open\.xlf: unit u4: this unit has no target/],
    ['mismatched languages (XLIFF)', [{ name: 'same.xlf', content: xliff12.replace('target-language="en-US"', 'target-language="zh-TW"') }], /both in zh/],
    ['mismatched languages (texts)', [{ name: 'a.zh.txt', content: economy!.translation }, { name: 'a.en.txt', content: economy!.translation }], /is said to be zh but is hardly written in Chinese/],
    ['a source that is not this document', [{ name: 'b.zh.txt', content: policy!.source }, { name: 'b.en.txt', content: economy!.translation }], /^b\.zh\.txt: it is not the source of b\.en\.txt: .*nothing was imported/],
    ['a TMX unit with no translation', [{ name: 'm.tmx', content: '<tmx version="1.4"><header srclang="zh"/><body><tu tuid="t1"><tuv xml:lang="zh"><seg>一。</seg></tuv><tuv xml:lang="en"><seg>One.</seg></tuv></tu><tu tuid="t2"><tuv xml:lang="zh"><seg>二。</seg></tuv></tu></body></tmx>' }], /^m\.tmx: tu t2: no translation in en/],
  ];
  it.each(cases)('%s', async (_, files, message) => {
    const { importFiles, count } = await workspace();
    const before = await count();
    await expect(importFiles([{ name: 'fine.txt', content: 'A fine text.' }, ...files])).rejects.toMatchObject({ code: 'bad_file', message: expect.stringMatching(message) });
    expect(await count()).toBe(before);
  });
});
