// Lines joined by the keys end as the last of them did, as in the text, in a
// document whose lines end in LF, CRLF and CR; undo gives the text back.

import { baseKeymap, selectAll } from 'prosemirror-commands';
import { history, undo } from 'prosemirror-history';
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChanges } from '../../../src/core/edits';
import { blockKeys } from '../../../src/renderer/editor/block-commands';
import { lineEndingsPlugin } from '../../../src/renderer/editor/line-endings';
import { DocPositions, positionsPlugin } from '../../../src/renderer/editor/positions';
import { textChangesOf } from '../../../src/renderer/editor/text-changes';
import { BLOCK_LINES, docToText, setBlockLines, textToDoc } from '../../../src/renderer/editor/text-doc';

// Blocks of 2 lines, so joins happen both within a block and across blocks.
beforeEach(() => setBlockLines(2));
afterEach(() => setBlockLines(BLOCK_LINES));

const lines = ['one', 'two', 'three', '', 'five', 'six'];
const endings = ['\r\n', '\r', '\n', '\n', '\r\n'];
const text = lines.map((l, i) => l + (endings[i] ?? '')).join('');
const REMOTE = 'remote';

const open = () => EditorState.create({ doc: textToDoc(text), plugins: [positionsPlugin(), history(), lineEndingsPlugin((tr) => tr.getMeta(REMOTE) === true)] });

/** Runs a key (the block keys first, as the editor's keymaps do); the text changes it sends, replayed, give its text. */
function press(state: EditorState, key: 'Backspace' | 'Delete'): EditorState {
  let next = state;
  const dispatch = (tr: Transaction) => {
    const { state: applied, transactions } = state.applyTransaction(tr);
    let replayed = docToText(state.doc);
    for (const t of transactions) replayed = applyChanges(replayed, textChangesOf(t)).text;
    expect(replayed).toBe(docToText(applied.doc));
    next = applied;
  };
  const commands: Command[] = [blockKeys[key]!, baseKeymap[key]!];
  for (const command of commands) if (command(state, dispatch)) break;
  return next;
}
const at = (state: EditorState, anchor: number, head = anchor) => state.apply(state.tr.setSelection(TextSelection.create(state.doc, anchor, head)));
const cp = (s: string) => [...s].length;
/** Offset of line i's start and end in the text. */
const start = (i: number) => cp(lines.slice(0, i).map((l, k) => l + endings[k]).join(''));
const end = (i: number) => start(i) + cp(lines[i]!);
const spliced = (from: number, to: number, inserted = '') => [...text].slice(0, from).join('') + inserted + [...text].slice(to).join('');

describe('lines joined keep the last one\'s ending', () => {
  it('Backspace at the start of every line', () => {
    for (let i = 1; i < lines.length; i++) {
      const state = open();
      const after = press(at(state, DocPositions.of(state.doc).start(i)), 'Backspace');
      expect(docToText(after.doc)).toBe(spliced(end(i - 1), start(i)));
      let undone = after;
      undo(after, (tr) => (undone = after.apply(tr)));
      expect(docToText(undone.doc)).toBe(text);
    }
  });

  it('Delete at the end of every line', () => {
    for (let i = 0; i < lines.length - 1; i++) {
      const state = open();
      const after = press(at(state, DocPositions.of(state.doc).end(i)), 'Delete');
      expect(docToText(after.doc)).toBe(spliced(end(i), start(i + 1)));
    }
  });

  it('a selection over several lines deleted, or typed over', () => {
    for (let i = 0; i < lines.length - 1; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const state = open();
        const p = DocPositions.of(state.doc);
        const from = p.start(i) + Math.min(1, lines[i]!.length);
        const to = p.end(j);
        const deleted = press(at(state, from, to), 'Backspace');
        expect(docToText(deleted.doc)).toBe(spliced(start(i) + Math.min(1, lines[i]!.length), end(j)));
        const selected = at(state, from, to);
        const typed = selected.applyTransaction(selected.tr.insertText('x')).state;
        expect(docToText(typed.doc)).toBe(spliced(start(i) + Math.min(1, lines[i]!.length), end(j), 'x'));
      }
    }
  });

  it('select all and delete leaves one empty line', () => {
    let state = open();
    selectAll(state, (tr) => (state = state.apply(tr)));
    expect(docToText(press(state, 'Backspace').doc)).toBe('');
  });

  it('leaves text from another window as it came', () => {
    const state = open();
    const p = DocPositions.of(state.doc);
    // A join as ProseMirror makes it, marked as another window's: the first line's ending stays.
    const { state: after, transactions } = state.applyTransaction(state.tr.delete(p.end(0), p.start(1)).setMeta(REMOTE, true));
    expect(transactions).toHaveLength(1);
    expect(docToText(after.doc)).toBe('onetwo\r\n' + text.slice(start(2)));
  });
});
