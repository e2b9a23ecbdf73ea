// The annotations' data in the plugin's state: thousands of entries, changed
// a few at a time, shared between successive states instead of copied.

const GONE: unique symbol = Symbol('gone');

/** Layers of changes a map may have before they are folded into one. */
const MAX_DEPTH = 24;

/**
 * A read-only map that shares its entries with the one it was made from:
 * changing a few of thousands costs a few, where copying the map for every
 * annotation operation would cost them all. Every MAX_DEPTH edits the layers
 * are folded into one layer of changes over the plain map at the bottom (the
 * root), so lookups stay cheap; folding costs the changes since the root was
 * made, not the entries (a fold that walked every entry through every layer
 * took 24 ms at 10k annotations and 300 ms at 150k, in the annotate key's
 * frame). Only when those changes grow to a fair part of the root is a new
 * root made, so its cost is spread over as many edits. Iterates like a Map.
 */
export class SharedMap<K, V> implements ReadonlyMap<K, V> {
  /**
   * For a map made by folding: the map it was made from by its last edit and
   * that edit's keys, so keysChangedSince reaches the versions before the
   * fold. Dropped when this map is folded in turn, so that no chain of
   * versions is kept alive.
   */
  private history: { previous: SharedMap<K, V>; changes: ReadonlyMap<K, unknown> } | null = null;

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
    if (next.depth <= MAX_DEPTH) return next;
    const folded = next.folded();
    folded.history = { previous: this, changes };
    return folded;
  }

  /** The same entries, in the same order, as one layer over the root (or a new root). */
  private folded(): SharedMap<K, V> {
    // The layers, oldest first; the oldest is the one over the root.
    const layers: SharedMap<K, V>[] = [];
    let at: SharedMap<K, V> = this;
    for (; at.base instanceof SharedMap; at = at.base as SharedMap<K, V>) layers.unshift(at);
    layers.unshift(at);
    at.history = null;
    const root = at.base;
    const merged = new Map<K, V | typeof GONE>();
    for (const layer of layers) {
      for (const [key, value] of layer.changes) {
        if (value === GONE) {
          if (root.has(key)) merged.set(key, GONE);
          else merged.delete(key);
        } else if (root.has(key) && merged.get(key) === GONE) {
          // Deleted and set again: a Map puts it last, which a layer over the root cannot say.
          return this.rooted(layers);
        } else merged.set(key, value);
      }
    }
    if (merged.size > 1024 + root.size / 8) return this.rooted(layers);
    return new SharedMap(root, merged, this.size, 0);
  }

  /** The same entries as a plain map: the root copied and every layer's changes made to it, as to a Map. */
  private rooted(layers: readonly SharedMap<K, V>[]): SharedMap<K, V> {
    const map = new Map(layers[0]!.base);
    for (const layer of layers) for (const [key, value] of layer.changes) value === GONE ? map.delete(key) : map.set(key, value);
    return new SharedMap(map, new Map(), map.size, 0);
  }

  /**
   * The keys set or deleted between `older` and this map, when this one was
   * made from it by edits (the layers between are walked, not the entries);
   * null when it was not, or when the versions between were folded twice since.
   */
  keysChangedSince(older: ReadonlyMap<K, V>): Set<K> | null {
    const keys = new Set<K>();
    for (let at: ReadonlyMap<K, V> = this; at !== older; ) {
      if (!(at instanceof SharedMap)) return null;
      const map = at as SharedMap<K, V>;
      const step = map.history ?? { previous: map.base, changes: map.changes };
      for (const key of step.changes.keys()) keys.add(key);
      at = step.previous;
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
