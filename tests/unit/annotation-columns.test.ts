import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromColumns, toColumns, type AnnotationColumns } from '../../src/core/annotation-columns';
import type { Annotation } from '../../src/core/model';

const word = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const time = fc.constantFrom('2026-12-01T10:00:00.000Z', '2026-12-02T11:30:00.000Z', '2026-12-03T01:00:00.000Z');

const annotation: fc.Arbitrary<Annotation> = fc
  .record({
    id: word,
    start: fc.nat(10_000),
    length: fc.nat(200),
    quote: fc.string(),
    tagIds: fc.array(fc.constantFrom('t1', 't2', 'mqm-accuracy'), { maxLength: 3 }),
    note: fc.string(),
    attributes: fc.oneof(fc.constant({}), fc.dictionary(word, fc.string(), { maxKeys: 3, noNullPrototype: true })),
    author: fc.constantFrom('', 'Ana', 'Reviewer 2'),
    createdAt: time,
    updatedAt: time,
    detached: fc.boolean(),
    side: fc.option(fc.constant('source' as const), { nil: undefined }),
    sourceRange: fc.option(fc.record({ start: fc.nat(100), length: fc.nat(50) }), { nil: undefined }),
    origin: fc.option(fc.constantFrom('suggestion:memory', 'suggestion:glossary'), { nil: undefined }),
  })
  .map(({ start, length, side, sourceRange, origin, ...rest }) => {
    const a: Annotation = { ...rest, documentId: 'doc-1', start, end: start + length };
    if (side !== undefined) a.side = side;
    if (sourceRange !== undefined) a.sourceRange = { start: sourceRange.start, end: sourceRange.start + sourceRange.length };
    if (origin !== undefined) a.origin = origin;
    return a;
  });

/** What the page receives: the columns after JSON, as from the web host or the desktop bridge. */
const wire = (c: AnnotationColumns): unknown => JSON.parse(JSON.stringify(c));

describe('annotations as columns', () => {
  it('decode to the very annotations the list gives, optional fields present only where they were', () => {
    fc.assert(
      fc.property(fc.array(annotation, { maxLength: 40 }), (list) => {
        expect(fromColumns(wire(toColumns('doc-1', list)))).toStrictEqual(list);
      }),
    );
  });

  it('give each annotation its own tag list and attributes (changing one changes no other)', () => {
    const a: Annotation = { id: 'a', documentId: 'd', start: 0, end: 1, quote: 'x', tagIds: ['t1'], note: '', attributes: { k: 'v' }, author: '', createdAt: 't', updatedAt: 't', detached: false };
    const [first, second] = fromColumns(wire(toColumns('d', [a, { ...a, id: 'b', attributes: { k: 'v' } }])));
    first!.tagIds.push('t2');
    first!.attributes.k = 'changed';
    expect(second!.tagIds).toEqual(['t1']);
    expect(second!.attributes).toEqual({ k: 'v' });
  });

  it('are half the size of the list as JSON, or less, for many annotations alike', () => {
    const list: Annotation[] = Array.from({ length: 1000 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      documentId: 'a1b2c3d4-0000-4000-8000-000000000000',
      start: i * 50,
      end: i * 50 + 12,
      quote: 'twelve chars',
      tagIds: [`tag-${i % 7}`],
      note: '',
      attributes: {},
      author: 'Reviewer',
      createdAt: '2026-12-01T10:00:00.000Z',
      updatedAt: '2026-12-01T10:00:00.000Z',
      detached: false,
    }));
    expect(JSON.stringify(toColumns('d', list)).length).toBeLessThan(JSON.stringify(list).length / 2);
  });

  it('refuse columns that are not well formed, naming what is wrong', () => {
    const a: Annotation = { id: 'a', documentId: 'd', start: 3, end: 5, quote: 'xy', tagIds: [], note: '', attributes: {}, author: 'Ana', createdAt: 't', updatedAt: 't', detached: false };
    const good = toColumns('d', [a]);
    const broken: [string, unknown][] = [
      ['not an object', null],
      ['ids', { ...good, ids: 'a' }],
      ['starts has 0 entries', { ...good, starts: [] }],
      ['starts[0]', { ...good, starts: [-1] }],
      ['ends before it starts', { ...good, ends: [2] }],
      ['tagList[0]', { ...good, tagList: [5] }],
      ['author[0]', { ...good, author: [1] }],
      ['detached[0]', { ...good, detached: [true] }],
      ['attributes[0]', { ...good, attributes: [[0, { k: 1 }]] }],
      ['updatedAt[0]', { ...good, updatedAt: [[1, 'later']] }],
      ['sourceRanges[0]', { ...good, sourceRanges: [[0, 5, 2]] }],
      ['origins', { ...good, origins: undefined }],
    ];
    for (const [what, value] of broken) expect(() => fromColumns(value), what).toThrow(what);
    expect(fromColumns(wire(good))).toEqual([a]);
  });
});
