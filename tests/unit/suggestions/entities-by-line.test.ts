import { describe, expect, it } from 'vitest';
import { entityTagsOf, suggest, suggestEntities, suggestEntitiesByLine, type EntityTags, type Suggestion } from '../../../src/core/suggestions';

const tags: EntityTags = { person: 'P', place: 'L', organisation: 'O', date: 'D', figure: 'F' };
const TEXT = '😀 Chancellor Olaf Scholz visited Berlin on Monday.\n\n𠀋 The Ministry of Commerce pledged $3 billion.\r\nBerlin again.';

describe('entities line by line', () => {
  it('finds what the whole text gives, at the same code point offsets (astral characters and CRLF lines included)', () => {
    const byLine = suggestEntitiesByLine(TEXT, tags, new Map());
    expect(byLine.length).toBeGreaterThan(3);
    const chars = [...TEXT];
    for (const s of byLine) expect(chars.slice(s.start, s.end).join('')).toBe(s.quote);
    expect(byLine.map((s) => [s.quote, s.tagId])).toEqual(expect.arrayContaining([['Berlin', 'L'], ['Monday', 'D'], ['$3 billion', 'F']]));
    const key = (s: Suggestion) => `${s.start}:${s.end}:${s.tagId}`;
    expect(byLine.map(key).sort()).toEqual(suggestEntities(TEXT, tags).map(key).sort());
  });

  it('reads again only the lines that changed, and forgets lines that are gone', () => {
    const cache = new Map<string, Suggestion[]>();
    suggestEntitiesByLine(TEXT, tags, cache);
    const kept = cache.get('Berlin again.');
    const edited = TEXT.replace('Berlin on Monday', 'Paris on Monday');
    const again = suggestEntitiesByLine(edited, tags, cache);
    expect(cache.get('Berlin again.')).toBe(kept);
    expect([...cache.keys()].some((line) => line.includes('visited Berlin'))).toBe(false);
    expect(again.map((s) => s.quote)).toContain('Paris');
  });

  it('gives suggest() the same answer with a cache as without', () => {
    const plain = suggest(TEXT, { entities: tags, dictionary: [{ tagId: 'O', terms: ['Ministry of Commerce'] }] });
    const cached = suggest(TEXT, { entities: tags, dictionary: [{ tagId: 'O', terms: ['Ministry of Commerce'] }], entityCache: new Map() });
    expect(cached).toEqual(plain);
  });
});

describe('which tag each entity kind suggests', () => {
  it('finds the readout taxonomy and its other names, ignoring case; a kind with no tag is left out', () => {
    expect(
      entityTagsOf([
        { id: '1', name: 'Person' },
        { id: '2', name: 'organization' },
        { id: '3', name: 'Location' },
        { id: '4', name: 'Policy' },
        { id: '5', name: 'Figure' },
      ]),
    ).toEqual({ person: '1', organisation: '2', place: '3', figure: '5' });
    expect(entityTagsOf([])).toEqual({});
  });
});

describe('entity offsets', () => {
  it('end where the entity does, with emoji glued before it (compromise counts them in its length)', () => {
    const tags: EntityTags = { person: 'P' };
    for (const text of [' 😀😀Li', 'Then 😀😀Li and others left.']) {
      const found = suggestEntities(text, tags);
      const chars = [...text];
      for (const s of found) expect(chars.slice(s.start, s.end).join('')).toBe(s.quote);
      expect(found.map((s) => s.quote)).toContain('Li');
    }
  });
});
