import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/core/edits';
import type { Edit, TextChange } from '../../src/core/model';
import { codePointLength } from '../../src/core/offsets';
import { rebasePending, type PendingItem } from '../../src/core/rebase';

/** Edits as the store records them: each change with what it removed. */
function edits(text: string, changes: TextChange[]): { text: string; edits: Pick<Edit, 'start' | 'end' | 'removed' | 'inserted'>[] } {
  const { text: after, removed } = applyChanges(text, changes);
  return { text: after, edits: changes.map((c, i) => ({ ...c, removed: removed[i]! })) };
}
const text = (changes: TextChange[]): PendingItem<null, string> => ({ kind: 'text', changes, meta: null });

describe('rebasing unsent work onto another window’s edits', () => {
  const base = 'The quick brown fox jumps over the lazy dog.';

  it('moves typing elsewhere in the text past the other window’s edits, and keeps both', () => {
    // The other window inserted “VERY ” at 4; this one typed “ red” after “fox” and annotated “quick”.
    const server = edits(base, [{ start: 4, end: 4, inserted: 'VERY ' }]);
    const rebased = rebasePending(server.text, server.edits, [text([{ start: 19, end: 19, inserted: ' red' }]), { kind: 'op', range: { start: 4, end: 9 }, meta: 'quick' }]);
    expect(rebased.text).toBe('The VERY quick brown fox red jumps over the lazy dog.');
    expect(rebased.drafts).toEqual([]);
    expect(rebased.pending[1]).toMatchObject({ range: { start: 9, end: 14 } });
    const windowText = applyChanges(base, [{ start: 19, end: 19, inserted: ' red' }]).text;
    expect(applyChanges(windowText, rebased.forView).text).toBe(rebased.text);
  });

  it('keeps a change to text the other window changed as a draft, with its context, and sends nothing of it', () => {
    const server = edits(base, [{ start: 10, end: 15, inserted: 'grey' }]);
    const rebased = rebasePending(server.text, server.edits, [text([{ start: 12, end: 12, inserted: 'XX' }]), text([{ start: 0, end: 3, inserted: 'A' }])]);
    expect(rebased.drafts).toEqual([{ removed: '', inserted: 'XX', before: 'The quick br', after: 'own fox jumps over the lazy do' }]);
    expect(rebased.text).toBe('A quick grey fox jumps over the lazy dog.');
    const windowText = applyChanges(base, [{ start: 12, end: 12, inserted: 'XX' }, { start: 0, end: 3, inserted: 'A' }]).text;
    expect(applyChanges(windowText, rebased.forView).text).toBe(rebased.text);
  });

  it('keeps a word typed key by key over a word the other window rewrote as one draft, and sends none of its keys', () => {
    const server = edits(base, [{ start: 35, end: 39, inserted: 'sleepy' }]);
    const keys = [{ start: 35, end: 39, inserted: 'i' }, { start: 36, end: 36, inserted: 'd' }, { start: 37, end: 37, inserted: 'l' }, { start: 38, end: 38, inserted: 'e' }];
    const rebased = rebasePending(server.text, server.edits, [text(keys)]);
    expect(rebased.drafts).toEqual([{ removed: 'lazy', inserted: 'idle', before: 'uick brown fox jumps over the ', after: ' dog.' }]);
    expect(rebased.text).toBe('The quick brown fox jumps over the sleepy dog.');
    expect(applyChanges(applyChanges(base, keys).text, rebased.forView).text).toBe(rebased.text);
  });

  it('reports an annotation whose text the other window deleted', () => {
    const server = edits(base, [{ start: 4, end: 10, inserted: '' }]);
    const rebased = rebasePending(server.text, server.edits, [{ kind: 'op', range: { start: 4, end: 9 }, meta: 'quick' }]);
    expect(rebased.lostOps).toEqual(['quick']);
    expect(rebased.pending).toEqual([]);
  });

  it('always leaves the window and the store with one text: the other window’s edits, and every change of this one that was not kept as a draft', () => {
    const change = (length: number) =>
      fc.tuple(fc.nat({ max: length }), fc.nat({ max: 4 }), fc.constantFrom('', 'x', '😀', 'ab\n')).map(([start, len, inserted]) => ({ start, end: Math.min(length, start + len), inserted }));
    const series = (text: string) => fc.array(fc.constant(null), { maxLength: 4 }).chain((n) => {
      // Each change in the coordinates the previous one left.
      let arb: fc.Arbitrary<TextChange[]> = fc.constant([]);
      for (let i = 0; i < n.length; i++) arb = arb.chain((done) => change(codePointLength(applyChanges(text, done).text)).map((c) => [...done, c]));
      return arb;
    });
    fc.assert(
      fc.property(series('a😀b cd\nef gh'), series('a😀b cd\nef gh'), (remote, local) => {
        const start = 'a😀b cd\nef gh';
        const server = edits(start, remote);
        const rebased = rebasePending(server.text, server.edits, [text(local)]);
        const windowText = applyChanges(start, local).text;
        expect(applyChanges(windowText, rebased.forView).text).toBe(rebased.text);
        const sent = rebased.pending.flatMap((i) => (i.kind === 'text' ? i.changes : []));
        // Keys typed on into a draft join it: one draft may hold several changes.
        if (rebased.drafts.length === 0) expect(sent.length).toBe(local.length);
        else expect(sent.length + rebased.drafts.length).toBeLessThanOrEqual(local.length);
        // Nothing from elsewhere: nothing to rebase, the window's text is the result.
        if (remote.length === 0) expect(rebased.text).toBe(windowText);
        if (rebased.drafts.length === 0) {
          // Every change kept: the text grew by what this window's changes added and the other's.
          const growth = (text: string, changes: TextChange[]) => codePointLength(applyChanges(text, changes).text) - codePointLength(text);
          expect(codePointLength(rebased.text)).toBe(codePointLength(start) + growth(start, remote) + growth(start, local));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
