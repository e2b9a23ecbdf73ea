import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SharedMap } from '../../../src/renderer/editor/shared-map';

const op = fc.oneof(fc.record({ set: fc.tuple(fc.integer({ min: 0, max: 30 }), fc.string({ maxLength: 3 })) }), fc.record({ delete: fc.integer({ min: 0, max: 30 }) }));

describe('the shared map of annotation data', () => {
  // At least 30 edits: some are folded. A Map given each edit's changes in turn (a key deleted and set again within one edit keeps its place; see SharedMap).
  it('holds what a copied Map holds, in its order, through any sequence of edits, and leaves earlier versions as they were', () => {
    fc.assert(
      fc.property(fc.array(fc.array(op, { minLength: 1, maxLength: 6 }), { minLength: 30, maxLength: 80 }), (batches) => {
        let shared = SharedMap.of(new Map([[1, 'one'], [2, 'two']]));
        let plain = new Map([[1, 'one'], [2, 'two']]);
        const versions: [SharedMap<number, string>, [number, string][]][] = [];
        for (const batch of batches) {
          const edit = shared.edit();
          const changes = new Map<number, string | null>();
          for (const o of batch) {
            if ('set' in o) {
              edit.set(...o.set);
              changes.set(...o.set);
            } else {
              edit.delete(o.delete);
              changes.set(o.delete, null);
            }
          }
          const next = new Map(plain);
          for (const [k, v] of changes) v === null ? next.delete(k) : next.set(k, v);
          // Reading through an edit in progress sees its own changes.
          for (let k = 0; k <= 30; k++) expect(edit.get(k)).toBe(next.get(k));
          versions.push([shared, [...plain]]);
          const previous = shared;
          shared = edit.done();
          plain = next;
          expect([...shared]).toEqual([...plain]);
          expect(shared.size).toBe(plain.size);
          for (let k = 0; k <= 30; k++) expect(shared.has(k)).toBe(plain.has(k));
          // The keys the edit touched, folded or not.
          expect(shared.keysChangedSince(previous)).toEqual(new Set(changes.keys()));
        }
        for (const [version, entries] of versions) expect([...version.entries()]).toEqual(entries);
      }),
    );
  });

  it('folds its layers without walking the entries, and still tells the keys changed since an earlier version', () => {
    let walks = 0;
    class CountedMap<K, V> extends Map<K, V> {
      override [Symbol.iterator](): MapIterator<[K, V]> {
        walks++;
        return super[Symbol.iterator]();
      }
      override entries(): MapIterator<[K, V]> {
        walks++;
        return super.entries();
      }
      override forEach(callback: (value: V, key: K, map: Map<K, V>) => void): void {
        walks++;
        super.forEach(callback);
      }
    }
    const root = new CountedMap<string, number>();
    for (let i = 0; i < 10_000; i++) root.set(`a${i}`, i);
    let map = SharedMap.of(root);
    const first = map;
    for (let i = 0; i < 200; i++) {
      const before = map;
      const edit = map.edit();
      edit.set(`new${i}`, i);
      edit.set(`a${i}`, -i);
      map = edit.done();
      expect(map.keysChangedSince(before)).toEqual(new Set([`new${i}`, `a${i}`]));
      expect(map.get(`a${i}`)).toBe(-i);
    }
    // Folded eight times, each in the edit that made the map.
    expect(walks).toBe(0);
    expect(map.size).toBe(10_200);
    expect(map.keysChangedSince(first)).toBeNull();
  });

  it('puts an entry deleted in one edit and set again in a later one last, as a Map does, across a fold', () => {
    let map = SharedMap.of(new Map([['a', 1], ['b', 2], ['c', 3]]));
    const apply = (change: (edit: ReturnType<typeof map.edit>) => void) => {
      const edit = map.edit();
      change(edit);
      map = edit.done();
    };
    apply((e) => e.delete('a'));
    for (let i = 0; i < 30; i++) apply((e) => e.set(`x${i}`, i));
    apply((e) => e.set('a', 10));
    for (let i = 0; i < 30; i++) apply((e) => e.set(`y${i}`, i));
    const keys = [...map.keys()];
    expect(keys.slice(0, 2)).toEqual(['b', 'c']);
    expect(keys.indexOf('a')).toBe(32);
    expect(keys.length).toBe(63);
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
