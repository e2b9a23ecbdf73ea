import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinTagPath, splitTagPath, TagCatalog, TagResolver } from '../../../src/core/formats/tagpaths';
import { counter, tag } from './sample';

describe('tag paths', () => {
  it('name a child by its parents, escaping / and \\ inside names', () => {
    const catalog = new TagCatalog([tag('p', 'Entity'), tag('c', 'Person', 'p'), tag('s', 'Date/Time'), tag('b', 'a\\b', 's')]);
    expect(['p', 'c', 's', 'b'].map((id) => catalog.pathOf(id))).toEqual(['Entity', 'Entity/Person', 'Date\\/Time', 'Date\\/Time/a\\\\b']);
    expect(splitTagPath('Date\\/Time/a\\\\b')).toEqual(['Date/Time', 'a\\b']);
  });

  it('split back into the names they were joined from (property-based)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', '/', '\\', ' ', '😀') }), { minLength: 1, maxLength: 4 }), (names) => {
        expect(splitTagPath(joinTagPath(names))).toEqual(names);
      }),
    );
  });
});

describe('TagResolver', () => {
  const existing = [tag('p', 'Entity'), tag('c', 'Person', 'p'), tag('m', 'MQM error')];

  it('finds a tag by path, by path ignoring case, then by name at any depth', () => {
    const resolver = new TagResolver(existing, counter());
    expect(resolver.resolve('Entity/Person').id).toBe('c');
    expect(resolver.resolve('mqm ERROR').id).toBe('m');
    expect(resolver.resolve('Person').id).toBe('c');
    expect(resolver.resolve('person').id).toBe('c');
    expect(resolver.created).toEqual([]);
  });

  it('makes new tags, with their parents, once', () => {
    const resolver = new TagResolver(existing, counter('new'));
    const child = resolver.resolve('Event/Visit');
    expect(resolver.resolve('event/visit')).toBe(child);
    expect(resolver.resolve('Entity/Place').parentId).toBe('p');
    expect(resolver.created.map((t) => [t.id, t.name, t.parentId])).toEqual([
      ['new-0001', 'Event', null],
      ['new-0002', 'Visit', 'new-0001'],
      ['new-0003', 'Place', 'p'],
    ]);
    expect(resolver.created.every((t) => /^#[0-9a-f]{6}$/.test(t.color) && t.key === null)).toBe(true);
  });
});
