// Undo of a deletion brings back the annotations it detached, on the text it
// restores; redo detaches them again; anything else leaves them detached.

import { history, redo, undo } from 'prosemirror-history';
import { EditorState, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import type { Annotation, Tag } from '../../../src/core/model';
import { AnnotationStep } from '../../../src/renderer/editor/annotation-step';
import { annotationPlugin, annotationState, placedAnnotations } from '../../../src/renderer/editor/annotations';
import { DocPositions } from '../../../src/renderer/editor/positions';
import { replaceWithText, textToDoc } from '../../../src/renderer/editor/text-doc';
import { undoReattachPlugin } from '../../../src/renderer/editor/undo-reattach';

const tags: Tag[] = [{ id: 'person', name: 'Person', color: '#e8590c', parentId: null, key: '1', description: '' }];

function annotation(id: string, start: number, end: number): Annotation {
  return { id, documentId: 'd', start, end, quote: '', tagIds: ['person'], note: '', attributes: {}, author: 'a', createdAt: 'now', updatedAt: 'now', detached: false };
}

function setup(text: string, annotations: Annotation[]) {
  const doc = textToDoc(text);
  let state = EditorState.create({ doc, plugins: [annotationPlugin(doc, annotations, tags), history(), undoReattachPlugin()] });
  /** Every transaction applied, appended ones included, as the view's dispatch sees them. */
  const applied: Transaction[] = [];
  const dispatch = (tr: Transaction) => {
    const result = state.applyTransaction(tr);
    applied.push(...result.transactions);
    state = result.state;
  };
  const quotes = () => placedAnnotations(state).map((p) => [p.data.id, state.doc.textBetween(p.from, p.to, '\n')]);
  const detached = () => [...annotationState(state).data.values()].filter((a) => a.detached).map((a) => a.id);
  const pos = (cp: number) => DocPositions.of(state.doc).posAtCodePoint(cp);
  const attachOps = () => applied.flatMap((tr) => tr.steps.filter((s) => s instanceof AnnotationStep && s.op.kind === 'attach').map((s) => (s as AnnotationStep).op));
  return { get state() { return state; }, dispatch, quotes, detached, pos, attachOps };
}

describe('undo of a deletion', () => {
  it('attaches the annotations it detached again, on the text it restores, and tells the store', () => {
    const e = setup('Mayor Gong Zheng met 😀 Li Li today', [annotation('a', 6, 16), annotation('b', 23, 28)]);
    e.dispatch(e.state.tr.delete(e.pos(5), e.pos(29)));
    expect(e.quotes()).toEqual([]);
    expect(e.detached().sort()).toEqual(['a', 'b']);
    undo(e.state, e.dispatch);
    expect(e.state.doc.textContent).toBe('Mayor Gong Zheng met 😀 Li Li today');
    expect(e.quotes()).toEqual([['a', 'Gong Zheng'], ['b', 'Li Li']]);
    expect(e.detached()).toEqual([]);
    // Sent as re-attachments, like the user's own.
    expect(e.attachOps().map((op) => ('annotation' in op ? op.annotation.id : '')).sort()).toEqual(['a', 'b']);
  });

  it('redo detaches them again, and a second undo attaches them once more', () => {
    const e = setup('one two three', [annotation('a', 4, 7)]);
    e.dispatch(e.state.tr.delete(e.pos(3), e.pos(8)));
    undo(e.state, e.dispatch);
    expect(e.quotes()).toEqual([['a', 'two']]);
    redo(e.state, e.dispatch);
    expect(e.state.doc.textContent).toBe('onethree');
    expect(e.detached()).toEqual(['a']);
    undo(e.state, e.dispatch);
    expect(e.quotes()).toEqual([['a', 'two']]);
    expect(placedAnnotations(e.state)).toHaveLength(1);
  });

  it('works across lines and after typing elsewhere in between', () => {
    const e = setup('first line\nsecond line\nthird', [annotation('a', 6, 17)]);
    e.dispatch(e.state.tr.delete(e.pos(5), e.pos(18)));
    expect(e.detached()).toEqual(['a']);
    // Typed at the start, in a separate undo step.
    e.dispatch(replaceWithText(e.state.tr, e.pos(0), e.pos(0), 'The ').setMeta('addToHistory', true).setTime(Date.now() + 10_000));
    undo(e.state, e.dispatch);
    expect(e.state.doc.textBetween(0, e.state.doc.content.size, '\n')).toBe('firstline\nthird');
    undo(e.state, e.dispatch);
    expect(e.state.doc.textBetween(0, e.state.doc.content.size, '\n')).toBe('first line\nsecond line\nthird');
    expect(e.quotes()).toEqual([['a', 'line\nsecond']]);
  });

  it('leaves an annotation detached when what comes back is other text, or when it was detached by hand', () => {
    const e = setup('one two three', [annotation('a', 4, 7)]);
    e.dispatch(e.state.tr.delete(e.pos(3), e.pos(8)));
    // Other text typed where it was, then that typing undone: the deleted text is not back.
    e.dispatch(replaceWithText(e.state.tr, e.pos(3), e.pos(3), ' six ').setTime(Date.now() + 10_000));
    undo(e.state, e.dispatch);
    expect(e.state.doc.textContent).toBe('onethree');
    expect(e.detached()).toEqual(['a']);
  });
});
