// How a tag is named in a file. A child's bare name can be ambiguous
// ("Other" under both "Person" and "Place"), so files name a tag by its path
// from the root: names joined by "/", with "/" and "\" inside a name escaped
// by a backslash. A top-level tag's path is its name.

import type { Tag } from '../model';
import { compare } from './bundle';
import { foldCase } from './invariants';

const SEPARATOR = '/';

/** The path of names `["Entity", "Person"]` as `Entity/Person`. */
export function joinTagPath(names: readonly string[]): string {
  return names.map((name) => name.replace(/[\\/]/g, (c) => `\\${c}`)).join(SEPARATOR);
}

/** The names of a path; the inverse of joinTagPath. */
export function splitTagPath(path: string): string[] {
  const names: string[] = [];
  let current = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    if (c === '\\' && i + 1 < path.length) current += path[++i];
    else if (c === SEPARATOR) {
      names.push(current);
      current = '';
    } else current += c;
  }
  names.push(current);
  return names;
}

/** Tags by id and by path. */
export class TagCatalog {
  private readonly byId = new Map<string, Tag>();
  private readonly paths = new Map<string, string>();
  private readonly byPath = new Map<string, Tag[]>();
  private readonly byFoldedPath = new Map<string, Tag[]>();
  /** By folded name, so a label's namesakes are one lookup, not a scan of every tag. */
  private readonly byFoldedName = new Map<string, Tag[]>();

  constructor(tags: readonly Tag[]) {
    for (const tag of tags) this.byId.set(tag.id, tag);
    for (const tag of tags) this.add(tag);
  }

  /** The tag's path, or undefined for an unknown id. */
  pathOf(id: string): string | undefined {
    return this.paths.get(id);
  }

  /** Every tag with this path: none, one, or several when siblings share a name. */
  findByPath(path: string): Tag[] {
    return this.byPath.get(path) ?? [];
  }

  /** Every tag whose path equals this one ignoring ASCII case, as the store tells names apart. */
  findByPathIgnoringCase(path: string): Tag[] {
    return this.byFoldedPath.get(foldCase(path)) ?? [];
  }

  /** Every tag with this name (ignoring ASCII case), at any depth, exact case first, then by id. */
  findByName(name: string): Tag[] {
    const folded = foldCase(name);
    return [...new Set(this.byFoldedName.get(folded) ?? [])]
      .filter((tag) => this.byId.get(tag.id) === tag)
      .sort((a, b) => Number(b.name === name) - Number(a.name === name) || compare(a.id, b.id));
  }

  private walkPath(tag: Tag): string {
    const names: string[] = [];
    const seen = new Set<string>();
    // Stops at a missing parent or a cycle; validation reports those.
    for (let t: Tag | undefined = tag; t !== undefined && !seen.has(t.id); t = t.parentId === null ? undefined : this.byId.get(t.parentId)) {
      seen.add(t.id);
      names.push(t.name);
    }
    return joinTagPath(names.reverse());
  }

  add(tag: Tag): void {
    this.byId.set(tag.id, tag);
    // A parent added before gives its path at once (parents come first): no walk up the chain.
    const parentPath = tag.parentId === null ? undefined : this.paths.get(tag.parentId);
    const path = parentPath !== undefined ? `${parentPath}${SEPARATOR}${joinTagPath([tag.name])}` : this.walkPath(tag);
    this.paths.set(tag.id, path);
    for (const [map, key] of [
      [this.byPath, path],
      [this.byFoldedPath, foldCase(path)],
      [this.byFoldedName, foldCase(tag.name)],
    ] as const) {
      const list = map.get(key) ?? [];
      list.push(tag);
      map.set(key, list);
    }
  }
}

// Distinct, readable on white and on dark backgrounds.
const PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#808000', '#469990'];

/**
 * Turns the labels of another tool's file (brat types, doccano labels, W3C
 * tagging bodies) into tags: an existing tag with that path, else an
 * existing tag with that name, else a new tag (and new parents for a path).
 * Names match ignoring ASCII case, as the store tells tag names apart.
 */
export class TagResolver {
  /** Tags made for labels the workspace did not have, parents first. */
  readonly created: Tag[] = [];
  private readonly catalog: TagCatalog;

  constructor(
    existing: readonly Tag[],
    private readonly newId: () => string,
  ) {
    this.catalog = new TagCatalog(existing);
  }

  resolve(label: string): Tag {
    // A label differing only in case is the same tag: the store could not hold both.
    const [byPath] = [...this.catalog.findByPath(label), ...this.catalog.findByPathIgnoringCase(label)];
    if (byPath) return byPath;
    const names = splitTagPath(label);
    if (names.length === 1) {
      // Among namesakes at different depths, the first by id, so the choice is stable.
      const [byName] = this.catalog.findByName(label);
      if (byName) return byName;
    }
    const parent = names.length > 1 ? this.resolve(joinTagPath(names.slice(0, -1))) : null;
    const name = names[names.length - 1]!;
    const tag: Tag = {
      id: this.newId(),
      name,
      color: PALETTE[hash(label) % PALETTE.length]!,
      parentId: parent === null ? null : parent.id,
      key: null,
      description: '',
    };
    this.catalog.add(tag);
    this.created.push(tag);
    return tag;
  }
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return h;
}
