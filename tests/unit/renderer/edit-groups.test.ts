import { describe, expect, it } from 'vitest';
import { applyChange, revertChange } from '../../../src/core/edits';
import type { Edit, EditOrigin, TextChange } from '../../../src/core/model';
import { continuesBurst, groupEdits, revertedSeqs } from '../../../src/renderer/document/edit-groups';

const T = Date.parse('2026-12-02T09:00:00.000Z');

/** Edits as the store keeps them: each applied in turn to the text, `removed` filled in. */
function history(original: string, changes: readonly (TextChange & { origin?: EditOrigin; author?: string; second?: number })[]): { edits: Edit[]; text: string } {
  let text = original;
  const edits = changes.map((c, i) => {
    const applied = applyChange(text, c);
    text = applied.text;
    return { seq: i + 1, start: c.start, end: c.end, inserted: c.inserted, removed: applied.removed, origin: c.origin ?? 'manual', author: c.author ?? 'ana', at: new Date(T + (c.second ?? i) * 1000).toISOString() } satisfies Edit;
  });
  return { edits, text };
}

/** Typing `word` one key at a time at `at`. */
const typing = (word: string, at: number, second = 0) => [...word].map((ch, i) => ({ start: at + i, end: at + i, inserted: ch, second: second + i * 0.2 }));

describe('groupEdits', () => {
  it('makes one entry of a typing burst, with a few words around it', () => {
    const original = 'Li Qiang met the Party leaders in Beijing today.';
    const { edits } = history(original, typing('Communist ', 17));
    const groups = groupEdits(original, edits);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ removed: '', inserted: 'Communist ', before: 'Li Qiang met the ', after: 'Party leaders in Beijing…', start: 17, end: 27, reverted: false });
    expect(groups[0]!.edits).toHaveLength(10);
  });

  it('keeps typing and its backspaces together, and shows the net change', () => {
    const original = 'a b';
    const { edits } = history(original, [...typing('xy', 1), { start: 2, end: 3, inserted: '', second: 1 }, { start: 2, end: 2, inserted: 'z', second: 2 }]);
    const groups = groupEdits(original, edits);
    expect(groups.map((g) => [g.removed, g.inserted])).toEqual([['', 'xz']]);
  });

  it('shows backspacing past the typed text into the old one as the old text removed', () => {
    const original = 'abc def';
    const { edits, text } = history(original, [{ start: 3, end: 3, inserted: 'x' }, { start: 3, end: 4, inserted: '' }, { start: 2, end: 3, inserted: '' }]);
    expect(text).toBe('ab def');
    expect(groupEdits(original, edits)).toMatchObject([{ removed: 'c', inserted: '', before: 'ab', after: ' def', start: 2, end: 2 }]);
  });

  it('starts a new entry at another place, after a pause, for another author or origin', () => {
    const original = 'one two three';
    const { edits } = history(original, [
      { start: 3, end: 3, inserted: '!', second: 0 },
      { start: 13, end: 13, inserted: '?', second: 1 }, // elsewhere
      { start: 14, end: 14, inserted: '?', second: 60 }, // after a pause
      { start: 15, end: 15, inserted: '?', second: 61, author: 'bo' },
      { start: 16, end: 16, inserted: '.', second: 62, author: 'bo', origin: 'rule:punct' },
    ]);
    expect(groupEdits(original, edits).map((g) => g.inserted)).toEqual(['!', '?', '?', '?', '.']);
    expect(continuesBurst(edits[0]!, edits[1]!)).toBe(false);
  });

  it('gives each entry its place in the current text, moved by later edits', () => {
    const original = 'the cat sat';
    const { edits, text } = history(original, [...typing('big ', 4), { start: 0, end: 0, inserted: 'Yes, ', second: 30 }]);
    const groups = groupEdits(original, edits);
    expect(groups.map((g) => [...text].slice(g.start, g.end).join(''))).toEqual(['big ', 'Yes, ']);
  });

  it('marks an edit a later revert undid as reverted, and only that one', () => {
    const original = 'alpha beta';
    const first = history(original, [{ start: 0, end: 5, inserted: 'gamma' }, { start: 10, end: 10, inserted: '!', second: 20 }]);
    const undo = revertChange(first.edits, 1)!;
    const { edits } = history(original, [{ start: 0, end: 5, inserted: 'gamma' }, { start: 10, end: 10, inserted: '!', second: 20 }, { ...undo, origin: 'revert', second: 40 }]);
    expect([...revertedSeqs(edits)]).toEqual([1]);
    expect(groupEdits(original, edits).map((g) => [g.inserted, g.reverted])).toEqual([['gamma', true], ['!', false], ['alpha', false]]);
  });

  it('marks a burst reverted once each of its edits is', () => {
    const original = 'ab';
    const typed = history(original, typing('xyz', 1));
    const all = [...typed.edits];
    let text = typed.text;
    for (const seq of [3, 2, 1]) {
      const change = revertChange(all, seq)!;
      const applied = applyChange(text, change);
      text = applied.text;
      all.push({ ...change, seq: all.length + 1, removed: applied.removed, origin: 'revert', author: 'ana', at: new Date(T + 10_000 + seq).toISOString() });
    }
    expect(text).toBe('ab');
    const groups = groupEdits(original, all);
    expect(groups[0]).toMatchObject({ inserted: 'xyz', reverted: true });
  });
});
