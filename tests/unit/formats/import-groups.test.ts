import { describe, expect, it } from 'vitest';
import { importGroups } from '../../../src/core/formats';

const names = (groups: { name: string }[][]) => groups.map((g) => g.map((f) => f.name));

describe('importGroups', () => {
  it('pairs a brat .ann with the .txt of its name, in either order, and leaves every other file alone', () => {
    const files = ['a.ann', 'notes.txt', 'b.txt', 'a.txt', 'export.json', 'b.ANN', 'c.ann'].map((name) => ({ name }));
    expect(names(importGroups(files))).toEqual([['a.ann', 'a.txt'], ['notes.txt'], ['b.txt', 'b.ANN'], ['export.json'], ['c.ann']]);
  });

  it('pairs each file once', () => {
    expect(names(importGroups(['x.txt', 'x.ann', 'x.ann'].map((name) => ({ name }))))).toEqual([['x.txt', 'x.ann'], ['x.ann']]);
  });
});
