import { describe, expect, it } from 'vitest';
import type { Tag } from '../../src/core/model';
import { tagProblemMessage, tagProblems } from '../../src/core/tags';

const tag = (id: string, name: string, parentId: string | null = null, key: string | null = null): Tag => ({ id, name, color: '#123456', parentId, key, description: '' });

// place > city > district; person (key 1); org (key 2) > ministry
const tags: Tag[] = [
  tag('place', 'Place'),
  tag('city', 'City', 'place'),
  tag('district', 'District', 'city'),
  tag('person', 'Person', null, '1'),
  tag('org', 'Organisation', null, '2'),
  tag('ministry', 'Ministry', 'org'),
];

const messages = (draft: Parameters<typeof tagProblems>[1]) => tagProblems(tags, draft).map(tagProblemMessage);

describe('tag names', () => {
  it('refuses a sibling with the same name in another case', () => {
    expect(messages({ id: null, name: 'PLACE', parentId: null, key: null })).toEqual(['a tag named “Place” already exists at the top level']);
    expect(messages({ id: null, name: 'city', parentId: 'place', key: null })).toEqual(['a tag named “City” already exists under that parent']);
  });

  it('allows the same name under another parent, and a tag keeping its own name', () => {
    expect(tagProblems(tags, { id: null, name: 'City', parentId: 'org', key: null })).toEqual([]);
    expect(tagProblems(tags, { id: 'city', name: 'CITY', parentId: 'place', key: null })).toEqual([]);
  });
});

describe('tag parents', () => {
  it('refuses a tag under itself or under one of its descendants', () => {
    expect(tagProblems(tags, { id: 'place', name: 'Place', parentId: 'place', key: null })).toEqual([{ kind: 'parent-cycle' }]);
    expect(tagProblems(tags, { id: 'place', name: 'Place', parentId: 'district', key: null })).toEqual([{ kind: 'parent-cycle' }]);
    expect(messages({ id: 'city', name: 'City', parentId: 'district', key: null })).toEqual(['a tag cannot be placed under itself or one of its children']);
  });

  it('allows moving a tag under a tag of another branch, and a new tag anywhere', () => {
    expect(tagProblems(tags, { id: 'city', name: 'City', parentId: 'ministry', key: null })).toEqual([]);
    expect(tagProblems(tags, { id: null, name: 'Street', parentId: 'district', key: null })).toEqual([]);
  });

  it('stops at a loop that is already there instead of walking it forever', () => {
    const looped = [tag('a', 'A', 'b'), tag('b', 'B', 'a'), tag('c', 'C')];
    expect(tagProblems(looped, { id: 'c', name: 'C', parentId: 'a', key: null })).toEqual([]);
  });
});

describe('tag keys', () => {
  it('refuses a shortcut key another tag has', () => {
    expect(messages({ id: null, name: 'Date', parentId: null, key: '1' })).toEqual(['shortcut key 1 is already used by tag “Person”']);
    expect(messages({ id: 'org', name: 'Organisation', parentId: null, key: '1' })).toEqual(['shortcut key 1 is already used by tag “Person”']);
  });

  it('allows a tag to keep its own key, and a free key', () => {
    expect(tagProblems(tags, { id: 'person', name: 'Person', parentId: null, key: '1' })).toEqual([]);
    expect(tagProblems(tags, { id: null, name: 'Date', parentId: null, key: '3' })).toEqual([]);
  });

  it('lists every problem, the name first', () => {
    expect(tagProblems(tags, { id: 'place', name: 'person', parentId: null, key: '2' }).map((p) => p.kind)).toEqual(['name-taken', 'key-taken']);
  });
});
