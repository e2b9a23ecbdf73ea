// Enter, Backspace and Delete where the lines meet a block boundary (see
// schema.ts): ProseMirror's own commands would join or split the blocks
// there, which changes nothing in the text, instead of the lines. These do to
// the lines what the base keymap does to two lines within one block.

import type { ResolvedPos } from 'prosemirror-model';
import { splitBlock } from 'prosemirror-commands';
import type { Command, EditorState, Transaction } from 'prosemirror-state';

/** The caret, when the selection is one in a paragraph. */
function caret(state: EditorState): ResolvedPos | null {
  const { empty, $head } = state.selection;
  return empty && $head.depth === 2 && $head.parent.isTextblock ? $head : null;
}

/** Deletes the paragraph at depth 2 around `$pos`, with its block when it is the block's only one. */
function deleteParagraph(tr: Transaction, $pos: ResolvedPos): Transaction {
  return $pos.node(1).childCount === 1 ? tr.delete($pos.before(1), $pos.after(1)) : tr.delete($pos.before(2), $pos.after(2));
}

/** Backspace at the start of a block's first line: the line joins the last line of the block before. */
export const joinLineBackward: Command = (state, dispatch) => {
  const $caret = caret(state);
  if (!$caret || $caret.parentOffset > 0 || $caret.index(1) > 0 || $caret.index(0) === 0) return false;
  if (dispatch) {
    const previous = state.doc.resolve($caret.before(1) - 2);
    // An empty line before goes, with its line ending, as joinBackward does it.
    const tr = previous.parent.content.size === 0 ? deleteParagraph(state.tr, previous) : state.tr.delete(previous.pos, $caret.pos);
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/** Delete at the end of a block's last line: the first line of the block after joins it. */
export const joinLineForward: Command = (state, dispatch) => {
  const $caret = caret(state);
  if (!$caret || $caret.parentOffset < $caret.parent.content.size) return false;
  if ($caret.index(1) < $caret.node(1).childCount - 1 || $caret.index(0) === state.doc.childCount - 1) return false;
  if (dispatch) {
    // An empty line goes, with its line ending, as joinForward does it.
    const tr = $caret.parent.content.size === 0 ? deleteParagraph(state.tr, $caret) : state.tr.delete($caret.pos, $caret.after(1) + 2);
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/** Enter: splits the line (the base keymap would split the block at an empty line). */
export const splitLine: Command = splitBlock;

/** Keys for the keymap before the base one. */
export const blockKeys: Record<string, Command> = {
  Enter: splitLine,
  Backspace: joinLineBackward,
  'Mod-Backspace': joinLineBackward,
  'Shift-Backspace': joinLineBackward,
  Delete: joinLineForward,
  'Mod-Delete': joinLineForward,
};
