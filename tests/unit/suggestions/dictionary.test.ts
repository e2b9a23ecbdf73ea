import { describe, expect, it } from 'vitest';
import { dictionaryFromAnnotations, matchDictionary, rejectionKey, suggest, suggestionOrigin, withoutRejected } from '../../../src/core/suggestions';

describe('dictionary matching', () => {
  const text = 'The Ministry of Commerce and the Commerce Ministry met in Shanghai; shanghai is lower case. Shanghainese too.';

  it('takes the longest entry where entries overlap, whole words only, exact case', () => {
    const found = matchDictionary(text, [
      { tagId: 'org', terms: ['Ministry of Commerce', 'Commerce Ministry'] },
      { tagId: 'topic', terms: ['Commerce'] },
      { tagId: 'place', terms: ['Shanghai'] },
    ]);
    expect(found.map((s) => [s.quote, s.tagId, s.source])).toEqual([
      ['Ministry of Commerce', 'org', 'dictionary'],
      ['Commerce Ministry', 'org', 'dictionary'],
      ['Shanghai', 'place', 'dictionary'],
    ]);
    expect(found[0]).toMatchObject({ start: 4, end: 24 });
  });

  it('can ignore case', () => {
    expect(matchDictionary(text, [{ tagId: 'place', terms: ['SHANGHAI'] }], { ignoreCase: true }).map((s) => s.quote)).toEqual(['Shanghai', 'shanghai']);
  });

  it('a term under two tags suggests both on the same span', () => {
    expect(matchDictionary('Li met Wang.', [{ tagId: 'person', terms: ['Li'] }, { tagId: 'surname', terms: ['Li'] }]).map((s) => s.tagId)).toEqual(['person', 'surname']);
  });

  it('gives code point offsets after astral characters', () => {
    expect(matchDictionary('😀😀 Beijing', [{ tagId: 'place', terms: ['Beijing'] }])).toEqual([{ start: 3, end: 10, quote: 'Beijing', tagId: 'place', source: 'dictionary' }]);
  });

  it('learns from what the user annotated, leaving out detached and empty quotes', () => {
    expect(
      dictionaryFromAnnotations([
        { quote: 'Wang Yi', tagIds: ['person'], detached: false },
        { quote: 'Berlin', tagIds: ['place', 'city'], detached: false },
        { quote: 'gone', tagIds: ['place'], detached: true },
        { quote: ' ', tagIds: ['place'], detached: false },
      ]),
    ).toEqual([
      { tagId: 'person', terms: ['Wang Yi'] },
      { tagId: 'place', terms: ['Berlin'] },
      { tagId: 'city', terms: ['Berlin'] },
    ]);
  });
});

describe('suggest', () => {
  const text = 'Premier Li Qiang visited Shenzhen on 3 May 2024 and pledged 5 percent growth. Li Qiang left Shenzhen.';

  it('finds entities with compromise, without the title, offline', () => {
    const found = suggest(text, { entities: { person: 'P', place: 'L', date: 'D', figure: 'F' } });
    expect(found.map((s) => [s.quote, s.tagId, s.source])).toEqual(
      expect.arrayContaining([
        ['Shenzhen', 'L', 'compromise'],
        ['3 May 2024', 'D', 'compromise'],
        ['5 percent', 'F', 'compromise'],
      ]),
    );
    for (const s of found) expect([...text].slice(s.start, s.end).join('')).toBe(s.quote);
  });

  it('prefers the dictionary, drops what is annotated with that tag and what was rejected', () => {
    const found = suggest(text, {
      dictionary: [{ tagId: 'P', terms: ['Li Qiang'] }],
      entities: { place: 'L' },
      annotations: [{ start: 8, end: 16, tagIds: ['P'], detached: false }],
      rejections: [{ tagId: 'L', quote: 'Shenzhen' }],
    });
    expect(found.map((s) => [s.start, s.quote, s.tagId, s.source])).toEqual([[78, 'Li Qiang', 'P', 'dictionary']]);
  });

  it('rejections are known by tag and text', () => {
    const s = { start: 0, end: 2, quote: 'Li', tagId: 'P', source: 'compromise' as const };
    expect(withoutRejected([s], [{ tagId: 'Q', quote: 'Li' }])).toEqual([s]);
    expect(withoutRejected([s], [{ tagId: 'P', quote: 'Li' }])).toEqual([]);
    expect(rejectionKey({ tagId: 'P', quote: 'Li' })).not.toBe(rejectionKey({ tagId: 'P', quote: 'Li ' }));
    expect(suggestionOrigin('dictionary')).toBe('suggestion:dictionary');
  });
});
