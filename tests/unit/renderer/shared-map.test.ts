import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SharedMap } from '../../../src/renderer/editor/shared-map';

const op = fc.oneof(fc.record({ set: fc.tuple(fc.integer({ min: 0, max: 30 }), fc.string({ maxLength: 3 })) }), fc.record({ delete: fc.integer({ min: 0, max: 30 }) }));

describe('the shared map of annotation data', () => {
  // Order aside (an entry deleted and set again within one edit keeps its place; see SharedMap).
  it('holds what a copied Map holds through any sequence of edits, and leaves earlier versions as they were', () => {
    fc.assert(
      fc.property(fc.array(fc.array(op, { maxLength: 6 }), { maxLength: 60 }), (batches) => {
        let shared = SharedMap.of(new Map([[1, 'one'], [2, 'two']]));
        let plain = new Map([[1, 'one'], [2, 'two']]);
        const versions: [SharedMap<number, string>, [number, string][]][] = [];
        for (const batch of batches) {
          const edit = shared.edit();
          const next = new Map(plain);
          for (const o of batch) {
            if ('set' in o) {
              edit.set(...o.set);
              next.set(...o.set);
            } else {
              edit.delete(o.delete);
              next.delete(o.delete);
            }
          }
          // Reading through an edit in progress sees its own changes.
          for (let k = 0; k <= 30; k++) expect(edit.get(k)).toBe(next.get(k));
          versions.push([shared, [...plain]]);
          shared = edit.done();
          plain = next;
          expect([...shared].sort()).toEqual([...plain].sort());
          expect(shared.size).toBe(plain.size);
          for (let k = 0; k <= 30; k++) expect(shared.has(k)).toBe(plain.has(k));
        }
        for (const [version, entries] of versions) expect([...version.entries()].sort()).toEqual(entries.sort());
      }),
    );
  });

  it('gives back the same map when an edit changed nothing', () => {
    const shared = SharedMap.of(new Map([['a', 1]]));
    expect(shared.edit().done()).toBe(shared);
    expect(SharedMap.of(shared)).toBe(shared);
  });

  it('iterates keys, values and forEach in Map order', () => {
    const edit = SharedMap.of(new Map([['a', 1], ['b', 2], ['c', 3]])).edit();
    edit.set('b', 20);
    edit.delete('a');
    edit.set('d', 4);
    const map = edit.done();
    expect([...map.keys()]).toEqual(['b', 'c', 'd']);
    expect([...map.values()]).toEqual([20, 3, 4]);
    const seen: string[] = [];
    map.forEach((v, k) => seen.push(`${k}=${v}`));
    expect(seen).toEqual(['b=20', 'c=3', 'd=4']);
  });
});
