// Suggestions and batches through the api over real workspaces: an accepted
// suggestion's origin is stored and exported, rejections are remembered per
// workspace, the dictionary is what was annotated before, and a batch of
// annotations is deleted (undo) all or nothing.

import { describe, expect, it } from 'vitest';
import type { TransferExport, TransferImport } from '../../src/api/common/contract';
import type { Annotation, DocumentSummary, Tag } from '../../src/core/model';
import { findOccurrences } from '../../src/core/occurrences';
import { workspaceApis } from './api-harness';

const openApi = workspaceApis('suggestions');

async function workspace() {
  const { ws, call, failure } = await openApi();
  const tags = await call<Tag[]>('tags.list', {});
  const tag = (name: string) => tags.find((t) => t.name === name)!.id;
  return { ws, call, failure, tag };
}

const TEXT = 'Premier Li Qiang visited Shanghai. Li Qiang left Shanghai.';
const at = (quote: string, nth = 0) => findOccurrences(TEXT, quote)[nth]!;

describe('an accepted suggestion', () => {
  it('keeps its origin in the store and through a native export and import', async () => {
    const { call, tag } = await workspace();
    const doc = await call<DocumentSummary>('documents.create', { title: 'Readout', text: TEXT });
    const accepted = await call<Annotation>('annotations.create', { documentId: doc.id, baseEditCount: 0, ...at('Li Qiang'), tagIds: [tag('Person')], origin: 'suggestion:compromise' });
    const manual = await call<Annotation>('annotations.create', { documentId: doc.id, baseEditCount: 0, ...at('Shanghai'), tagIds: [tag('Place')] });
    expect(accepted.origin).toBe('suggestion:compromise');
    expect(manual.origin).toBeUndefined();
    const listed = await call<Annotation[]>('annotations.list', { documentId: doc.id });
    expect(listed.map((a) => [a.quote, a.origin ?? 'by hand'])).toEqual([
      ['Li Qiang', 'suggestion:compromise'],
      ['Shanghai', 'by hand'],
    ]);

    const exported = await call<TransferExport>('transfer.export', { documentIds: [doc.id], format: 'native' });
    const file = JSON.parse(exported.files[0]!.content) as { documents: { annotations: { quote: string; origin?: string }[] }[] };
    expect(file.documents[0]!.annotations.map((a) => [a.quote, a.origin])).toEqual([
      ['Li Qiang', 'suggestion:compromise'],
      ['Shanghai', undefined],
    ]);
    const fresh = await workspace();
    const imported = await fresh.call<TransferImport>('transfer.import', { files: [{ name: exported.files[0]!.name, contentBase64: Buffer.from(exported.files[0]!.content).toString('base64') }] });
    const back = await fresh.call<Annotation[]>('annotations.list', { documentId: imported.documentIds[0]! });
    expect(back.map((a) => [a.quote, a.origin ?? 'by hand'])).toEqual([
      ['Li Qiang', 'suggestion:compromise'],
      ['Shanghai', 'by hand'],
    ]);
  });

  it('refuses an origin that is not suggestion:<source>', async () => {
    const { call, failure, tag } = await workspace();
    const doc = await call<DocumentSummary>('documents.create', { title: 'Readout', text: TEXT });
    const error = await failure('annotations.create', { documentId: doc.id, baseEditCount: 0, ...at('Li Qiang'), tagIds: [tag('Person')], origin: 'manual' });
    expect(error).toMatchObject({ code: 'invalid_input' });
    expect(await call<Annotation[]>('annotations.list', { documentId: doc.id })).toEqual([]);
  });
});

describe('rejections and the dictionary', () => {
  it('remembers a rejection once, per workspace, and lists annotated terms per tag', async () => {
    const { call, tag } = await workspace();
    const doc = await call<DocumentSummary>('documents.create', { title: 'Readout', text: TEXT });
    await call('annotations.create', { documentId: doc.id, baseEditCount: 0, ...at('Li Qiang'), tagIds: [tag('Person')] });
    await call('annotations.create', { documentId: doc.id, baseEditCount: 0, ...at('Li Qiang', 1), tagIds: [tag('Person')] });
    await call('annotations.create', { documentId: doc.id, baseEditCount: 0, ...at('Shanghai'), tagIds: [tag('Place'), tag('Organisation')] });
    await call('suggestions.reject', { tagId: tag('Person'), quote: 'Premier' });
    await call('suggestions.reject', { tagId: tag('Person'), quote: 'Premier' });
    const context = await call<{ dictionary: { tagId: string; terms: string[] }[]; rejections: { tagId: string; quote: string }[] }>('suggestions.context', {});
    expect(context.rejections).toEqual([{ tagId: tag('Person'), quote: 'Premier' }]);
    const terms = Object.fromEntries(context.dictionary.map((e) => [e.tagId, e.terms]));
    expect(terms).toEqual({ [tag('Person')]: ['Li Qiang'], [tag('Place')]: ['Shanghai'], [tag('Organisation')]: ['Shanghai'] });
    await expect((await workspace()).call('suggestions.context', {})).resolves.toEqual({ dictionary: [], rejections: [] });
  });

  it('forgets a rejection when it is undone; forgetting one that is not there changes nothing', async () => {
    const { call, tag } = await workspace();
    await call('suggestions.reject', { tagId: tag('Person'), quote: 'Premier' });
    await call('suggestions.reject', { tagId: tag('Place'), quote: 'Premier' });
    expect(await call('suggestions.unreject', { tagId: tag('Person'), quote: 'Premier' })).toEqual({ forgotten: true });
    expect(await call('suggestions.unreject', { tagId: tag('Person'), quote: 'Premier' })).toEqual({ forgotten: false });
    expect((await call<{ rejections: unknown[] }>('suggestions.context', {})).rejections).toEqual([{ tagId: tag('Place'), quote: 'Premier' }]);
  });

  it('refuses a rejection for a tag that does not exist, and stores nothing', async () => {
    const { call, failure } = await workspace();
    expect(await failure('suggestions.reject', { tagId: 'no-such-tag', quote: 'Li' })).toMatchObject({ code: 'not_found' });
    expect(await call('suggestions.context', {})).toEqual({ dictionary: [], rejections: [] });
  });
});

describe('a batch across documents', () => {
  it('is created with the ids and origin given and deleted in one call; a missing id deletes none', async () => {
    const { call, failure, tag } = await workspace();
    const doc = await call<DocumentSummary>('documents.create', { title: 'Readout', text: TEXT });
    const other = await call<DocumentSummary>('documents.create', { title: 'Other', text: 'Shanghai again.' });
    const items = [
      { id: 'batch-1', documentId: doc.id, baseEditCount: 0, ...at('Shanghai') },
      { id: 'batch-2', documentId: doc.id, baseEditCount: 0, ...at('Shanghai', 1) },
      { id: 'batch-3', documentId: other.id, baseEditCount: 0, start: 0, end: 8 },
    ];
    const created = await call<Annotation[]>('annotations.createMany', { items, tagIds: [tag('Place')], origin: 'suggestion:dictionary' });
    expect(created.map((a) => [a.id, a.quote, a.origin])).toEqual([
      ['batch-1', 'Shanghai', 'suggestion:dictionary'],
      ['batch-2', 'Shanghai', 'suggestion:dictionary'],
      ['batch-3', 'Shanghai', 'suggestion:dictionary'],
    ]);
    expect(await failure('annotations.createMany', { items: [items[0]], tagIds: [tag('Place')] })).toMatchObject({ code: 'conflict' });

    expect(await failure('annotations.deleteMany', { ids: ['batch-1', 'nope'] })).toMatchObject({ code: 'not_found' });
    expect(await call<Annotation[]>('annotations.list', { documentId: doc.id })).toHaveLength(2);
    expect(await call('annotations.deleteMany', { ids: ['batch-1', 'batch-2', 'batch-3'] })).toEqual({ deleted: 3 });
    expect(await call<Annotation[]>('annotations.list', { documentId: doc.id })).toEqual([]);
    expect(await call<Annotation[]>('annotations.list', { documentId: other.id })).toEqual([]);
  });
});
