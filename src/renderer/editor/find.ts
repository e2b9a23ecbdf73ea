// Find in document: matches as decorations, the current one selected.
// Kept over prosemirror-search 1.1.1: the bar shows "n of m", which needs
// every match; that library finds one at a time and was no faster at it.

import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';

interface FindState {
  query: string;
  matches: { from: number; to: number }[];
  current: number;
  decorations: DecorationSet;
}

export const findKey = new PluginKey<FindState>('scholia-find');

const EMPTY: FindState = { query: '', matches: [], current: -1, decorations: DecorationSet.empty };

type Meta = { query: string } | { current: number };

export function findPlugin(): Plugin<FindState> {
  return new Plugin<FindState>({
    key: findKey,
    state: {
      init: () => EMPTY,
      apply(tr, value) {
        const meta = tr.getMeta(findKey) as Meta | undefined;
        let query = value.query;
        let current = value.current;
        if (meta && 'query' in meta) query = meta.query;
        if (meta && 'current' in meta) current = meta.current;
        if (!query) return EMPTY;
        const matches = tr.docChanged || (meta && 'query' in meta) ? search(tr.doc, query) : value.matches;
        current = matches.length === 0 ? -1 : Math.min(Math.max(current, 0), matches.length - 1);
        const decorations = DecorationSet.create(
          tr.doc,
          matches.map((m, i) => Decoration.inline(m.from, m.to, { class: i === current ? 'find-match current' : 'find-match' })),
        );
        return { query, matches, current, decorations };
      },
    },
    props: { decorations: (state) => findKey.getState(state)?.decorations },
  });
}

function search(doc: Node, query: string): { from: number; to: number }[] {
  const needle = query.toLowerCase();
  const matches: { from: number; to: number }[] = [];
  doc.descendants((paragraph, offset) => {
    if (!paragraph.isTextblock) return true;
    const text = paragraph.textContent;
    const haystack = text.toLowerCase();
    // Case folding that changes lengths would misplace matches: search as typed there.
    const [h, n] = haystack.length === text.length ? [haystack, needle] : [text, query];
    for (let at = h.indexOf(n); at >= 0; at = h.indexOf(n, at + Math.max(1, n.length))) {
      matches.push({ from: offset + 1 + at, to: offset + 1 + at + n.length });
    }
    return false;
  });
  return matches;
}

export function findState(state: EditorState): FindState {
  return findKey.getState(state) ?? EMPTY;
}

export function setQuery(tr: Transaction, query: string): Transaction {
  return tr.setMeta(findKey, { query } satisfies Meta);
}

/** Moves to the next (1) or previous (-1) match, selecting it. */
export function moveToMatch(state: EditorState, dispatch: (tr: Transaction) => void, direction: 1 | -1): void {
  const { matches, current } = findState(state);
  if (matches.length === 0) return;
  const next = (current + direction + matches.length) % matches.length;
  const m = matches[next]!;
  dispatch(state.tr.setMeta(findKey, { current: next } satisfies Meta).setSelection(TextSelection.create(state.doc, m.from, m.to)).scrollIntoView());
}
