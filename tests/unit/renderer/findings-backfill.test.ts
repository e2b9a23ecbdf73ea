// A long text opens with only its first lines checked for artifacts; the rest
// is checked in idle slices afterwards (FindingsBackfill), and the result is
// then exactly the findings of a full check, also when the text was edited
// while the slices ran. A command that needs all findings checks the rest first.

import { EditorState, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { allFindings, checkRest, findingsKey, findingsPlugin, FindingsBackfill } from '../../../src/renderer/editor/findings';
import type { Schedule } from '../../../src/renderer/editor/when-idle';
import { DocPositions } from '../../../src/renderer/editor/positions';
import { replaceWithText, textToDoc } from '../../../src/renderer/editor/text-doc';

// Every line has artifacts the rules find ("city.We", "the the", a space before a comma).
const text = Array.from({ length: 400 }, (_, i) => `Line ${i} of the city.We met the the minister , and left.`).join('\n');
const summary = (state: EditorState) => allFindings(state).map((f) => `${f.finding.rule}@${f.from}-${f.to}`);

/** Tasks run when the test says, not by a clock. */
function manualSchedule(): { schedule: Schedule; runAll: (each?: () => void) => number } {
  const queue: (() => void)[] = [];
  return {
    schedule: (task) => {
      queue.push(task);
      return () => queue.splice(queue.indexOf(task), 1);
    },
    runAll: (each) => {
      let runs = 0;
      while (queue.length > 0) {
        queue.shift()!();
        runs++;
        each?.();
      }
      return runs;
    },
  };
}

describe('findings of a long text', () => {
  const full = EditorState.create({ doc: textToDoc(text), plugins: [findingsPlugin([])] });

  it('opens with the first lines checked, then has every finding of a full check', () => {
    let state = EditorState.create({ doc: textToDoc(text), plugins: [findingsPlugin([], { checkedOnOpen: 1_000 })] });
    expect(findingsKey.getState(state)!.complete).toBe(false);
    const atOpen = summary(state);
    expect(atOpen.length).toBeGreaterThan(0);
    expect(atOpen.length).toBeLessThan(summary(full).length / 10);
    const { schedule, runAll } = manualSchedule();
    const backfill = new FindingsBackfill(() => state, (tr: Transaction) => (state = state.apply(tr)), schedule, 0);
    backfill.start();
    expect(runAll()).toBeGreaterThan(1);
    expect(findingsKey.getState(state)!.complete).toBe(true);
    expect(summary(state)).toEqual(summary(full));
    expect(checkRest(state)).toBeNull();
  });

  it('ends with the findings of the edited text when lines are typed and deleted meanwhile', () => {
    let state = EditorState.create({ doc: textToDoc(text), plugins: [findingsPlugin([], { checkedOnOpen: 1_000 })] });
    const { schedule, runAll } = manualSchedule();
    const backfill = new FindingsBackfill(() => state, (tr: Transaction) => (state = state.apply(tr)), schedule, 0);
    backfill.start();
    let slices = 0;
    runAll(() => {
      if (++slices % 50 !== 0 || findingsKey.getState(state)!.complete) return;
      // Far down, past the lines checked so far: a line break and a glued sentence typed, a line deleted.
      const positions = DocPositions.of(state.doc);
      const at = positions.start(positions.count - 20);
      state = state.apply(replaceWithText(state.tr, at, at, 'Typed here.Then\nmore the the words '));
      const p = DocPositions.of(state.doc);
      state = state.apply(replaceWithText(state.tr, p.end(p.count - 6), p.end(p.count - 5), ''));
    });
    expect(slices).toBeGreaterThan(50);
    const fresh = EditorState.create({ doc: state.doc, plugins: [findingsPlugin([])] });
    expect(summary(state)).toEqual(summary(fresh));
  });

  it('checks the rest at once when a command needs all findings', () => {
    let state = EditorState.create({ doc: textToDoc(text), plugins: [findingsPlugin([], { checkedOnOpen: 1_000 })] });
    state = state.apply(checkRest(state)!);
    expect(summary(state)).toEqual(summary(full));
  });

  it('checks a short text whole when it opens', () => {
    const state = EditorState.create({ doc: textToDoc(text), plugins: [findingsPlugin([], { checkedOnOpen: text.length + 10 })] });
    expect(findingsKey.getState(state)!.complete).toBe(true);
    expect(summary(state)).toEqual(summary(full));
  });
});
