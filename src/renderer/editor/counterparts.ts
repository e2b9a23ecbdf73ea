// The bilingual view's marks in the translation: the sentence whose source is
// the current one in the Source panel, and the sentences that have no source.
// Decorations in plugin state, mapped through every edit like the annotations.

import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { DocPositions } from './positions';

/** Code point ranges of the current text, end exclusive. */
export interface CounterpartMarks {
  current: { start: number; end: number } | null;
  unmatched: readonly { start: number; end: number }[];
}

export const counterpartKey = new PluginKey<DecorationSet>('scholia-counterparts');

export function counterpartPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: counterpartKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const marks = tr.getMeta(counterpartKey) as CounterpartMarks | undefined;
        return marks ? decorate(tr.doc, marks) : set.map(tr.mapping, tr.doc);
      },
    },
    props: { decorations: (state) => counterpartKey.getState(state) },
  });
}

function decorate(doc: EditorState['doc'], marks: CounterpartMarks): DecorationSet {
  const positions = DocPositions.of(doc);
  const clamp = (n: number) => Math.max(0, Math.min(n, positions.cpLength));
  const inline = (range: { start: number; end: number }, attrs: Record<string, string>) => {
    const from = positions.posAtCodePoint(clamp(range.start));
    const to = positions.posAtCodePoint(clamp(range.end));
    return from < to ? [Decoration.inline(from, to, attrs)] : [];
  };
  return DecorationSet.create(doc, [
    ...marks.unmatched.flatMap((r) => inline(r, { class: 'no-counterpart', title: 'No source: added in translation' })),
    ...(marks.current ? inline(marks.current, { class: 'counterpart', 'data-counterpart': '' }) : []),
  ]);
}

export function setCounterparts(tr: Transaction, marks: CounterpartMarks): Transaction {
  return tr.setMeta(counterpartKey, marks);
}
