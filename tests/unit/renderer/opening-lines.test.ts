// A long document's text is made into the editor's document while the page
// still waits for its annotations, and its first lines are checked for
// artifacts then: the editor opened on it afterwards checks none of them
// again and shows exactly the findings it would have found itself.

import { EditorState } from 'prosemirror-state';
import { expect, it, vi } from 'vitest';
import { checkLine } from '../../../src/core/rules';
import { allFindings, CHECKED_ON_OPEN, checkOpeningLines, findingsKey, findingsPlugin } from '../../../src/renderer/editor/findings';
import { textToDoc } from '../../../src/renderer/editor/text-doc';

vi.mock('../../../src/core/rules', async (importOriginal) => {
  const rules = await importOriginal<typeof import('../../../src/core/rules')>();
  return { ...rules, checkLine: vi.fn(rules.checkLine) };
});

// Every line has artifacts the rules find ("city.We", "the the", a space before a comma).
const line = (i: number) => `Line ${i} of the city.We met the the minister , and left.`;
const summary = (state: EditorState) => allFindings(state).map((f) => `${f.finding.rule}@${f.from}-${f.to}`);
const checks = () => vi.mocked(checkLine).mock.calls.length;

it.each([
  ['longer than what is checked on opening', Math.ceil((2 * CHECKED_ON_OPEN) / line(0).length), false],
  ['short enough to be checked whole', 40, true],
])('an editor opened on a text %s, checked ahead, checks no line again and shows the same findings', (_name, lines, whole) => {
  const text = Array.from({ length: lines }, (_, i) => line(i)).join('\n');
  const ahead = textToDoc(text);
  const before = checks();
  checkOpeningLines(ahead);
  expect(checks()).toBeGreaterThan(before);

  const checkedAhead = checks();
  const opened = EditorState.create({ doc: ahead, plugins: [findingsPlugin([])] });
  expect(checks()).toBe(checkedAhead);

  const fresh = EditorState.create({ doc: textToDoc(text), plugins: [findingsPlugin([])] });
  expect(checks()).toBeGreaterThan(checkedAhead);
  expect(summary(opened)).toEqual(summary(fresh));
  expect(summary(opened).length).toBeGreaterThan(0);
  expect(findingsKey.getState(opened)!.complete).toBe(whole);
  expect(findingsKey.getState(fresh)!.complete).toBe(whole);
});
