// The annotations' data in the plugin's state: thousands of entries, changed
// a few at a time, shared between successive states instead of copied.

const GONE: unique symbol = Symbol('gone');

/**
 * A read-only map that shares its entries with the one it was made from:
 * changing a few of thousands costs a few, where copying the map for every
 * annotation operation would cost them all. Layers are folded into one
 * plain map now and then, so lookups stay cheap. Iterates like a Map.
 */
export class SharedMap<K, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly changes: ReadonlyMap<K, V | typeof GONE>,
    readonly size: number,
    private readonly depth: number,
  ) {}

  static of<K, V>(map: ReadonlyMap<K, V>): SharedMap<K, V> {
    return map instanceof SharedMap ? (map as SharedMap<K, V>) : new SharedMap(map, new Map(), map.size, 0);
  }

  /** A set of changes on top of this map; done() gives the new map (this one when nothing changed). */
  edit(): SharedMapEdit<K, V> {
    const changes = new Map<K, V | typeof GONE>();
    return {
      get: (key) => {
        const v = changes.get(key);
        return v === GONE ? undefined : v !== undefined || changes.has(key) ? (v as V) : this.get(key);
      },
      set: (key, value) => void changes.set(key, value),
      delete: (key) => void changes.set(key, GONE),
      done: () => (changes.size === 0 ? this : this.with(changes)),
    };
  }

  private with(changes: ReadonlyMap<K, V | typeof GONE>): SharedMap<K, V> {
    let size = this.size;
    for (const [key, value] of changes) {
      const had = this.has(key);
      if (value === GONE && had) size--;
      else if (value !== GONE && !had) size++;
    }
    const next = new SharedMap<K, V>(this, changes, size, this.depth + 1);
    return next.depth > 24 ? new SharedMap(new Map(next), new Map(), size, 0) : next;
  }

  /**
   * The keys set or deleted between `older` and this map, when this one was
   * made from it by edits (the layers between are walked, not the entries);
   * null when it was not, or when the layers were folded meanwhile.
   */
  keysChangedSince(older: ReadonlyMap<K, V>): Set<K> | null {
    const keys = new Set<K>();
    for (let at: ReadonlyMap<K, V> = this; at !== older; at = (at as SharedMap<K, V>).base) {
      if (!(at instanceof SharedMap)) return null;
      for (const key of at.changes.keys()) keys.add(key);
    }
    return keys;
  }

  get(key: K): V | undefined {
    const v = this.changes.get(key);
    if (v === GONE) return undefined;
    return v !== undefined || this.changes.has(key) ? (v as V) : this.base.get(key);
  }

  has(key: K): boolean {
    const v = this.changes.get(key);
    return v === GONE ? false : v !== undefined || this.changes.has(key) || this.base.has(key);
  }

  *entries(): MapIterator<[K, V]> {
    // In the order of a Map changed the same way: changed entries where they were, new ones last
    // (except that an entry deleted and set again within one edit keeps its place).
    for (const [key, value] of this.base) {
      if (!this.changes.has(key)) yield [key, value];
      else {
        const v = this.changes.get(key)!;
        if (v !== GONE) yield [key, v];
      }
    }
    for (const [key, value] of this.changes) if (value !== GONE && !this.base.has(key)) yield [key, value];
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}

export interface SharedMapEdit<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  delete(key: K): void;
  done(): SharedMap<K, V>;
}
