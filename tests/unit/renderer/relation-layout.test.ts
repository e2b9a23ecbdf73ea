import { describe, expect, it } from 'vitest';
import { layoutRelations, type Box } from '../../../src/renderer/document/relation-layout';

const box = (left: number, top: number, width = 40): Box => ({ left, top, right: left + width, bottom: top + 20 });
const relation = (id: string, sourceId: string, targetId: string) => ({ id, sourceId, targetId, label: id, color: '#123456' });

describe('relation arcs', () => {
  it('draws an arc from the top of the source to the top of the target, its label above the line', () => {
    const [arc] = layoutRelations([relation('r', 'a', 'b')], new Map([['a', box(0, 100)], ['b', box(200, 100)]]), 400);
    expect(arc).toMatchObject({ kind: 'arc', id: 'r', path: 'M 20 100 C 20 86, 220 86, 220 100', labelX: 120 });
    expect(arc!.kind === 'arc' && arc.labelY).toBeLessThan(100);
  });

  it('raises an arc that spans another on the same line above it', () => {
    const shapes = layoutRelations([relation('wide', 'a', 'c'), relation('narrow', 'a', 'b')], new Map([['a', box(0, 100)], ['b', box(100, 100)], ['c', box(300, 100)]]), 400);
    const labelY = (id: string) => shapes.find((s) => s.id === id && s.kind === 'arc')!;
    const wide = labelY('wide');
    const narrow = labelY('narrow');
    expect(wide.kind === 'arc' && narrow.kind === 'arc' && wide.labelY < narrow.labelY).toBe(true);
  });

  it('shows a relation whose other end is off the page, or far, as stubs at the ends on it', () => {
    const boxes = new Map([['a', box(0, 100)], ['far', box(0, 5000)]]);
    const shapes = layoutRelations([relation('off', 'a', 'gone'), relation('long', 'far', 'a')], boxes, 400);
    expect(shapes.map((s) => (s.kind === 'stub' ? [s.id, s.end, s.otherId] : [s.id, 'arc']))).toEqual([
      ['off', 'source', 'gone'],
      ['long', 'source', 'a'],
      ['long', 'target', 'far'],
    ]);
  });

  it('draws nothing for a relation with neither end on the page', () => {
    expect(layoutRelations([relation('r', 'x', 'y')], new Map([['a', box(0, 0)]]), 400)).toEqual([]);
  });
});
