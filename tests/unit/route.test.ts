import { describe, expect, it } from 'vitest';
import { hashOfRoute, routeFromHash } from '../../src/renderer/route';

describe('the address', () => {
  it('holds the open document and its side panel, and reads back what it wrote', () => {
    expect(routeFromHash('#/document/d%2F1')).toEqual({ kind: 'document', id: 'd/1' });
    expect(routeFromHash('#/document/abc/changes')).toEqual({ kind: 'document', id: 'abc', panel: 'changes' });
    for (const route of [{ kind: 'document', id: 'a b/c', panel: 'source' }, { kind: 'document', id: 'x' }, { kind: 'reports', documentId: null }, { kind: 'library' }] as const) {
      expect(routeFromHash(hashOfRoute(route))).toEqual(route);
    }
  });

  it('takes an address it cannot read for the library', () => {
    expect(routeFromHash('#/document/abc/Changes!')).toEqual({ kind: 'library' });
    expect(routeFromHash('#/document/%E0%A4%A')).toEqual({ kind: 'library' });
    expect(routeFromHash('#token=123')).toEqual({ kind: 'library' });
  });
});
