// What "annotate every occurrence" starts from in the editor, and the
// annotations it must not repeat, in code points of the current text.

import type { EditorState } from 'prosemirror-state';
import { annotationState, placedAnnotations } from './annotations';
import { DocPositions } from './positions';

export interface OccurrenceSource {
  quote: string;
  start: number;
  end: number;
  /** The selected annotation's tags, or those of an annotation covering exactly the selected text; else none. */
  tagIds: string[];
}

/** The selected annotation, or else the selected text; null with neither. */
export function occurrenceSource(state: EditorState): OccurrenceSource | null {
  const { selectedId, selectedRange, data } = annotationState(state);
  const positions = DocPositions.of(state.doc);
  const source = (from: number, to: number, tagIds: readonly string[]): OccurrenceSource => ({
    quote: positions.textBetween(from, to),
    start: positions.codePointAt(from),
    end: positions.codePointAt(to),
    tagIds: [...tagIds],
  });
  const selected = selectedId ? data.get(selectedId) : undefined;
  if (selected && selectedRange) return source(selectedRange.from, selectedRange.to, selected.tagIds);
  const { from, to } = state.selection;
  if (from === to || state.doc.textBetween(from, to, '\n').trim() === '') return null;
  const exact = placedAnnotations(state).find((p) => p.from === from && p.to === to);
  return source(from, to, exact?.data.tagIds ?? []);
}

/** Every attached annotation's code point range and tags. */
export function annotationRanges(state: EditorState): { start: number; end: number; tagIds: string[]; detached: boolean }[] {
  const positions = DocPositions.of(state.doc);
  return placedAnnotations(state).map((p) => ({ start: positions.codePointAt(p.from), end: positions.codePointAt(p.to), tagIds: p.data.tagIds, detached: false }));
}
