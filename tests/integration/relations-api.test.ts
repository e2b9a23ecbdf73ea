// Relations and "annotate every occurrence" through the api over real
// workspaces: create, patch, delete, bad input that changes nothing, what an
// annotation's deletion and detachment do to its relations, one-transaction
// batches, and relations through export and import.

import { describe, expect, it } from 'vitest';
import type { TransferExport, TransferImport } from '../../src/api/common/contract';
import type { Annotation, DocumentSummary, Tag } from '../../src/core/model';
import { findOccurrences } from '../../src/core/occurrences';
import type { Relation, RelationType } from '../../src/core/relations';
import { type Call, workspaceApis } from './api-harness';

const workspace = workspaceApis('relations');

const TEXT = 'Premier Li Qiang pledged 1 trillion yuan in Shanghai. Li Qiang left Shanghai.';

async function readout(call: Call) {
  const doc = await call<DocumentSummary>('documents.create', { title: 'Readout', text: TEXT });
  const tags = await call<Tag[]>('tags.list', {});
  const tag = (name: string) => tags.find((t) => t.name === name)!.id;
  const annotate = (quote: string, tagName: string, nth = 0) => {
    const { start, end } = findOccurrences(TEXT, quote)[nth]!;
    return call<Annotation>('annotations.create', { documentId: doc.id, baseEditCount: 0, start, end, tagIds: [tag(tagName)] });
  };
  const li = await annotate('Li Qiang', 'Person');
  const figure = await annotate('1 trillion yuan', 'Figure');
  const shanghai = await annotate('Shanghai', 'Place');
  return { doc, tag, li, figure, shanghai };
}

describe('relations over the api', () => {
  it('a new workspace has the readout relation types', async () => {
    const { call } = await workspace();
    expect((await call<RelationType[]>('relationTypes.list', {})).map((t) => t.name)).toEqual(['holds office', 'commits to', 'located in', 'refers to']);
  });

  it('creates, lists, patches and deletes a relation', async () => {
    const { call } = await workspace();
    const { doc, li, figure } = await readout(call);
    const created = await call<Relation>('relations.create', { documentId: doc.id, sourceId: li.id, targetId: figure.id, typeId: 'relation-commits-to', note: 'By 2025.' });
    expect(created).toMatchObject({ documentId: doc.id, sourceId: li.id, targetId: figure.id, typeId: 'relation-commits-to', note: 'By 2025.', author: 'tester' });
    expect(await call<Relation[]>('relations.list', { documentId: doc.id })).toEqual([created]);
    const patched = await call<Relation>('relations.update', { id: created.id, attributes: { confidence: 'high' } });
    // Only the field given changes.
    expect(patched).toMatchObject({ note: 'By 2025.', attributes: { confidence: 'high' }, typeId: 'relation-commits-to' });
    await call('relations.delete', { id: created.id });
    expect(await call<Relation[]>('relations.list', { documentId: doc.id })).toEqual([]);
    // Undo of the delete restores it with its id and creation time.
    const { id, documentId, sourceId, targetId, typeId, note, attributes, createdAt } = patched;
    const restored = await call<Relation>('relations.create', { id, documentId, sourceId, targetId, typeId, note, attributes, createdAt });
    expect(restored).toMatchObject({ id: created.id, createdAt: created.createdAt, attributes: { confidence: 'high' } });
  });

  it('refuses a missing annotation, an unknown type, or a self link, and writes nothing', async () => {
    const { call, failure } = await workspace();
    const { doc, li, figure } = await readout(call);
    expect(await failure('relations.create', { documentId: doc.id, sourceId: li.id, targetId: 'ghost', typeId: 'relation-commits-to' })).toEqual({
      code: 'invalid_input',
      message: 'its target "ghost" is not an annotation',
    });
    expect(await failure('relations.create', { documentId: doc.id, sourceId: li.id, targetId: figure.id, typeId: 'employs' })).toEqual({
      code: 'invalid_input',
      message: 'relation type "employs" is not in the taxonomy',
    });
    expect((await failure('relations.create', { documentId: doc.id, sourceId: li.id, targetId: li.id, typeId: 'relation-refers-to' })).message).toMatch(/two different annotations/);
    expect(await call<Relation[]>('relations.list', { documentId: doc.id })).toEqual([]);
  });

  it('keeps a relation whose end was detached by an edit, and deletes it with its annotation', async () => {
    const { call } = await workspace();
    const { doc, li, figure, shanghai } = await readout(call);
    const pledge = await call<Relation>('relations.create', { documentId: doc.id, sourceId: li.id, targetId: figure.id, typeId: 'relation-commits-to' });
    const place = await call<Relation>('relations.create', { documentId: doc.id, sourceId: figure.id, targetId: shanghai.id, typeId: 'relation-located-in' });
    // Delete "1 trillion yuan": the figure is detached, the relations stay.
    await call('edits.apply', { documentId: doc.id, baseEditCount: 0, changes: [{ start: figure.start, end: figure.end, inserted: '' }] });
    expect((await call<Annotation[]>('annotations.list', { documentId: doc.id })).find((a) => a.id === figure.id)!.detached).toBe(true);
    expect((await call<Relation[]>('relations.list', { documentId: doc.id })).map((r) => r.id).sort()).toEqual([pledge.id, place.id].sort());
    await call('annotations.delete', { id: shanghai.id });
    expect((await call<Relation[]>('relations.list', { documentId: doc.id })).map((r) => r.id)).toEqual([pledge.id]);
  });
});

describe('annotate every occurrence', () => {
  it('annotates every occurrence across two documents in one call', async () => {
    const { call } = await workspace();
    const { doc, tag } = await readout(call);
    const other = await call<DocumentSummary>('documents.create', { title: 'Other', text: 'Shanghai and shanghai.' });
    const items = [
      ...findOccurrences(TEXT, 'Shanghai').slice(1).map((o) => ({ documentId: doc.id, baseEditCount: 0, ...o })),
      ...findOccurrences('Shanghai and shanghai.', 'shanghai', { ignoreCase: true }).map((o) => ({ documentId: other.id, baseEditCount: 0, ...o })),
    ];
    const created = await call<Annotation[]>('annotations.createMany', { items, tagIds: [tag('Place')] });
    expect(created.map((a) => [a.documentId === doc.id ? 'readout' : 'other', a.quote])).toEqual([
      ['readout', 'Shanghai'],
      ['other', 'Shanghai'],
      ['other', 'shanghai'],
    ]);
    expect((await call<Annotation[]>('annotations.list', { documentId: other.id })).every((a) => a.tagIds[0] === tag('Place'))).toBe(true);
  });

  it('writes none of the batch when one range is bad', async () => {
    const { call, failure } = await workspace();
    const { doc, tag } = await readout(call);
    const before = await call<Annotation[]>('annotations.list', { documentId: doc.id });
    const error = await failure('annotations.createMany', { items: [{ documentId: doc.id, baseEditCount: 0, start: 0, end: 7 }, { documentId: doc.id, baseEditCount: 0, start: 70, end: 500 }], tagIds: [tag('Person')] });
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/outside the document/) });
    expect(await call<Annotation[]>('annotations.list', { documentId: doc.id })).toEqual(before);
  });
});

describe('relations through export and import', () => {
  const base64 = (content: string) => Buffer.from(content).toString('base64');

  it('native, brat and doccano exports carry relations into a fresh workspace', async () => {
    const { call } = await workspace();
    const { doc, li, figure } = await readout(call);
    await call<Relation>('relations.create', { documentId: doc.id, sourceId: li.id, targetId: figure.id, typeId: 'relation-commits-to', note: 'firm' });
    for (const format of ['native', 'brat', 'doccano'] as const) {
      const exported = await call<TransferExport>('transfer.export', { all: true, format });
      const fresh = await workspace();
      const result = await fresh.call<TransferImport>('transfer.import', { files: exported.files.map((f) => ({ name: f.name, contentBase64: base64(f.content) })) });
      const [id] = result.documentIds;
      const relations = await fresh.call<Relation[]>('relations.list', { documentId: id });
      const annotations = await fresh.call<Annotation[]>('annotations.list', { documentId: id });
      const quote = (annotationId: string) => annotations.find((a) => a.id === annotationId)!.quote;
      expect(relations.map((r) => `${quote(r.sourceId)} ${r.typeId} ${quote(r.targetId)}`), format).toEqual(['Li Qiang relation-commits-to 1 trillion yuan']);
    }
  });

  it('W3C linking annotations come back as relations onto a document with the same text', async () => {
    const { call } = await workspace();
    const { doc, li, shanghai } = await readout(call);
    await call<Relation>('relations.create', { documentId: doc.id, sourceId: li.id, targetId: shanghai.id, typeId: 'relation-located-in' });
    const exported = await call<TransferExport>('transfer.export', { all: true, format: 'w3c' });
    const fresh = await workspace();
    const target = await fresh.call<DocumentSummary>('documents.create', { title: 'Same text', text: TEXT });
    const result = await fresh.call<TransferImport>('transfer.import', { files: exported.files.map((f) => ({ name: f.name, contentBase64: base64(f.content) })), documentId: target.id });
    expect(result.unanchored).toEqual([]);
    const annotations = await fresh.call<Annotation[]>('annotations.list', { documentId: target.id });
    const [relation] = await fresh.call<Relation[]>('relations.list', { documentId: target.id });
    expect([annotations.find((a) => a.id === relation!.sourceId)!.quote, relation!.typeId, annotations.find((a) => a.id === relation!.targetId)!.quote]).toEqual(['Li Qiang', 'relation-located-in', 'Shanghai']);
  });

  it('a brat R line naming an unknown T is refused with the line, and nothing is imported', async () => {
    const { call, failure } = await workspace();
    const files = [
      { name: 'r.txt', contentBase64: base64('Li Qiang met Wang Yi.') },
      { name: 'r.ann', contentBase64: base64('T1\tPerson 0 8\tLi Qiang\nR1\trefers_to Arg1:T1 Arg2:T7\n') },
    ];
    expect(await failure('transfer.import', { files })).toEqual({ code: 'bad_file', message: 'r.ann: line 2: R1: its Arg2 "T7" is not a text span (T line) in this file' });
    expect(await call<DocumentSummary[]>('documents.list', {})).toEqual([]);
  });
});
