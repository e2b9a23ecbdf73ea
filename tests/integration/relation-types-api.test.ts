// Relation types as part of the taxonomy over the api: create, patch, delete
// (with the relations of the type), the tag rules they keep, bad input that
// changes nothing, and the relation counts the library shows.

import { describe, expect, it } from 'vitest';
import type { Annotation, DocumentSummary, Tag } from '../../src/core/model';
import type { Relation, RelationType } from '../../src/core/relations';
import { type Call, workspaceApis } from './api-harness';

const workspace = workspaceApis('relation-types');

async function twoAnnotations(call: Call) {
  const doc = await call<DocumentSummary>('documents.create', { title: 'Readout', text: 'Li Qiang visited Shanghai.' });
  const tags = await call<Tag[]>('tags.list', {});
  const tag = (name: string) => tags.find((t) => t.name === name)!.id;
  const li = await call<Annotation>('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 0, end: 8, tagIds: [tag('Person')] });
  const place = await call<Annotation>('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 17, end: 25, tagIds: [tag('Place')] });
  return { doc, tag, li, place };
}

describe('relation types over the api', () => {
  it('creates, patches and lists a relation type with its allowed tags', async () => {
    const { call } = await workspace();
    const { tag } = await twoAnnotations(call);
    const visits = await call<RelationType>('relationTypes.create', { name: 'visits', color: '#aa3377', key: 'v', sourceTagIds: [tag('Person')] });
    expect(visits).toMatchObject({ name: 'visits', color: '#aa3377', key: 'v', description: '', sourceTagIds: [tag('Person')], targetTagIds: null });
    const patched = await call<RelationType>('relationTypes.update', { id: visits.id, targetTagIds: [tag('Place')] });
    // Only the field given changes.
    expect(patched).toMatchObject({ name: 'visits', key: 'v', sourceTagIds: [tag('Person')], targetTagIds: [tag('Place')] });
    expect((await call<RelationType[]>('relationTypes.list', {})).map((t) => t.name)).toEqual(['holds office', 'commits to', 'located in', 'refers to', 'visits']);
  });

  it('refuses a taken name, a taken key, a bad key or an unknown tag, and changes nothing', async () => {
    const { call, failure } = await workspace();
    await call<RelationType>('relationTypes.create', { name: 'visits', color: '#aa3377', key: 'v' });
    const before = await call<RelationType[]>('relationTypes.list', {});
    expect(await failure('relationTypes.create', { name: 'Visits', color: '#000000' })).toEqual({ code: 'invalid_input', message: 'a relation type named “visits” already exists' });
    expect(await failure('relationTypes.create', { name: 'meets', color: '#000000', key: 'v' })).toEqual({
      code: 'invalid_input',
      message: 'shortcut key v is already used by relation type “visits”',
    });
    expect((await failure('relationTypes.create', { name: 'meets', color: '#000000', key: 'VV' })).message).toMatch(/one lowercase letter or digit/);
    expect(await failure('relationTypes.create', { name: 'meets', color: '#000000', targetTagIds: ['no-such-tag'] })).toEqual({ code: 'not_found', message: 'no tag with id no-such-tag' });
    expect(await failure('relationTypes.update', { id: 'relation-refers-to', name: 'VISITS' })).toMatchObject({ code: 'invalid_input' });
    expect(await call<RelationType[]>('relationTypes.list', {})).toEqual(before);
  });

  it('a relation of a type whose allowed tags its end lacks is refused', async () => {
    const { call, failure } = await workspace();
    const { doc, tag, li, place } = await twoAnnotations(call);
    const visits = await call<RelationType>('relationTypes.create', { name: 'visits', color: '#aa3377', sourceTagIds: [tag('Person')] });
    expect((await failure('relations.create', { documentId: doc.id, sourceId: place.id, targetId: li.id, typeId: visits.id })).message).toMatch(/"visits" relation's source must carry one of the tags/);
    await call<Relation>('relations.create', { documentId: doc.id, sourceId: li.id, targetId: place.id, typeId: visits.id });
  });

  it('deleting a type in use says how many relations go with it, then deletes them', async () => {
    const { call } = await workspace();
    const { doc, li, place } = await twoAnnotations(call);
    await call<Relation>('relations.create', { documentId: doc.id, sourceId: li.id, targetId: place.id, typeId: 'relation-located-in' });
    await call<Relation>('relations.create', { documentId: doc.id, sourceId: place.id, targetId: li.id, typeId: 'relation-refers-to' });
    expect(await call('relationTypes.usage', { id: 'relation-located-in' })).toEqual({ relationCount: 1 });
    expect(await call('relationTypes.delete', { id: 'relation-located-in' })).toEqual({ deleted: true, relationCount: 1 });
    expect((await call<Relation[]>('relations.list', { documentId: doc.id })).map((r) => r.typeId)).toEqual(['relation-refers-to']);
    expect((await call<RelationType[]>('relationTypes.list', {})).map((t) => t.id)).not.toContain('relation-located-in');
  });

  it('a relation moved to a missing annotation or an unknown type is refused and stays as it was', async () => {
    const { call, failure } = await workspace();
    const { doc, li, place } = await twoAnnotations(call);
    const relation = await call<Relation>('relations.create', { documentId: doc.id, sourceId: li.id, targetId: place.id, typeId: 'relation-located-in' });
    expect(await failure('relations.update', { id: relation.id, targetId: 'ghost' })).toEqual({ code: 'invalid_input', message: 'its target "ghost" is not an annotation' });
    expect(await failure('relations.update', { id: relation.id, typeId: 'employs' })).toEqual({ code: 'invalid_input', message: 'relation type "employs" is not in the taxonomy' });
    expect(await call<Relation[]>('relations.list', { documentId: doc.id })).toEqual([relation]);
  });

  it('the library counts each document’s relations', async () => {
    const { call } = await workspace();
    const { doc, li, place } = await twoAnnotations(call);
    await call<Relation>('relations.create', { documentId: doc.id, sourceId: li.id, targetId: place.id, typeId: 'relation-located-in' });
    expect((await call<DocumentSummary[]>('documents.list', {})).map((d) => [d.title, d.annotationCount, d.relationCount])).toEqual([['Readout', 2, 1]]);
  });
});
