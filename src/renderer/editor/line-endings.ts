// Lines joined end as the last of them did, as the text has it: "one⏎₁two⏎₂"
// with ⏎₁ deleted is "onetwo⏎₂". ProseMirror keeps the first paragraph's
// attributes when it joins two (Backspace, Delete, a selection typed over or
// cut, a paste), so in a text with mixed line endings the line left would take
// the first line's ending. This puts the last one's back, in the same undo step.
// (replaceWithText sets it before its join itself: the store gets the text it typed.)

import type { Node, ResolvedPos } from 'prosemirror-model';
import { Plugin, type Transaction } from 'prosemirror-state';
import { ReplaceStep } from 'prosemirror-transform';
import { lineEnding } from './text-doc';

/** Transactions to leave alone: text that came from the store as it is (another window's edits). */
export type TakenAsIs = (tr: Transaction) => boolean;

export function lineEndingsPlugin(takenAsIs: TakenAsIs): Plugin {
  return new Plugin({
    appendTransaction(transactions, _oldState, newState) {
      // Where a joined line is in the new document, and the ending it must have.
      const wanted: { pos: number; eol: string }[] = [];
      for (const tr of transactions) {
        for (const w of wanted) w.pos = tr.mapping.map(w.pos, -1);
        if (takenAsIs(tr)) continue;
        tr.steps.forEach((step, i) => {
          if (!(step instanceof ReplaceStep)) return;
          const doc = tr.docs[i]!;
          const $from = doc.resolve(step.from);
          const $to = doc.resolve(step.to);
          if (!joinsLines($from, $to)) return;
          const after = tr.mapping.slice(i).map(step.to, 1);
          wanted.push({ pos: after, eol: lineEnding(doc, $to.parent) });
        });
      }
      if (wanted.length === 0) return null;
      const doc = newState.doc;
      let fix: Transaction | null = null;
      for (const { pos, eol } of wanted) {
        const $pos = doc.resolve(Math.min(pos, doc.content.size));
        if (!$pos.parent.isTextblock || lineEnding(doc, $pos.parent) === eol || isLastLine(doc, $pos)) continue;
        fix ??= newState.tr;
        fix.setNodeMarkup($pos.before(), undefined, { ...$pos.parent.attrs, eol: eol === doc.attrs.eol ? null : eol });
      }
      return fix;
    },
  });
}

/** Whether a replacement from `$from` to `$to` makes one line of two (or more). */
function joinsLines($from: ResolvedPos, $to: ResolvedPos): boolean {
  return $from.parent !== $to.parent && $from.parent.isTextblock && $to.parent.isTextblock;
}

/** The document's last line has no ending to keep. */
function isLastLine(doc: Node, $pos: ResolvedPos): boolean {
  return $pos.after() === doc.content.size - 1;
}
