import { history, redo, undo } from 'prosemirror-history';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../src/core/model';
import { annotateMany, batchRanges } from '../../../src/renderer/editor/annotation-batch';
import { AnnotationStep, isBatch } from '../../../src/renderer/editor/annotation-step';
import { annotationPlugin, placedAnnotations } from '../../../src/renderer/editor/annotations';
import { annotationRanges, occurrenceSource } from '../../../src/renderer/editor/occurrences';
import { DocPositions } from '../../../src/renderer/editor/positions';
import { textToDoc } from '../../../src/renderer/editor/text-doc';

const tags: Tag[] = [{ id: 'place', name: 'Place', color: '#2f9e44', parentId: null, key: '3', description: '' }];

function setup(text: string) {
  const doc = textToDoc(text);
  let state = EditorState.create({ doc, plugins: [annotationPlugin(doc, [], tags), history()] });
  const steps: AnnotationStep[] = [];
  const dispatch = (tr: Parameters<typeof state.apply>[0]) => {
    for (const s of tr.steps) if (s instanceof AnnotationStep) steps.push(s);
    state = state.apply(tr);
  };
  const quotes = () => placedAnnotations(state).map((p) => [state.doc.textBetween(p.from, p.to), p.data.origin ?? 'by hand']);
  return { get state() { return state; }, dispatch, quotes, steps };
}

describe('a batch of annotations in the editor', () => {
  it('places every range here (astral characters before them), keeps the others for the store, and is one undo step', () => {
    const e = setup('😀 Shanghai and 𠀋 Shanghai.\nShanghai again.');
    const made = annotateMany(e.state, e.dispatch, {
      here: [
        { start: 2, end: 10 },
        { start: 17, end: 25 },
        { start: 27, end: 35, origin: 'suggestion:dictionary' },
      ],
      elsewhere: [{ documentId: 'other', baseEditCount: 3, start: 0, end: 8 }],
      tagIds: ['place'],
    });
    expect(made).toBe(true);
    expect(e.quotes()).toEqual([
      ['Shanghai', 'by hand'],
      ['Shanghai', 'by hand'],
      ['Shanghai', 'suggestion:dictionary'],
    ]);
    expect(annotationRanges(e.state).map((r) => [r.start, r.end])).toEqual([
      [2, 10],
      [17, 25],
      [27, 35],
    ]);
    const op = e.steps[0]!.op;
    expect(isBatch(op) && op.batch.elsewhere.map((x) => [x.annotation.documentId, x.start, x.end, x.baseEditCount])).toEqual([['other', 0, 8, 3]]);

    undo(e.state, e.dispatch);
    expect(e.quotes()).toEqual([]);
    // The undo is the inverse batch, the same annotations (ids) to delete, here and elsewhere.
    const inverse = e.steps[1]!.op;
    expect(inverse.kind).toBe('removeMany');
    expect(isBatch(inverse) && [...inverse.batch.here, ...inverse.batch.elsewhere].map((x) => x.annotation.id)).toEqual(
      isBatch(op) && [...op.batch.here, ...op.batch.elsewhere].map((x) => x.annotation.id),
    );
    redo(e.state, e.dispatch);
    expect(e.quotes()).toHaveLength(3);
  });

  it('maps its ranges through text typed before them, for the store and for undo', () => {
    const e = setup('Shanghai, Shanghai.');
    annotateMany(e.state, e.dispatch, { here: [{ start: 0, end: 8 }, { start: 10, end: 18 }], elsewhere: [], tagIds: ['place'] });
    const step = e.steps[0]!;
    const tr = e.state.tr.insertText('In ', 2);
    const mapped = step.map(tr.mapping).op;
    expect(isBatch(mapped) && batchRanges(mapped, tr.mapping.slice(1), tr.doc)).toEqual([
      { start: 3, end: 11 },
      { start: 13, end: 21 },
    ]);
  });

  it('does nothing with no ranges', () => {
    const e = setup('Shanghai');
    expect(annotateMany(e.state, e.dispatch, { here: [], elsewhere: [], tagIds: ['place'] })).toBe(false);
    expect(e.steps).toEqual([]);
  });
});

describe('what "annotate every occurrence" starts from', () => {
  it('is the selected text, with the tags of an annotation covering exactly it', () => {
    const e = setup('𠀋 Li met Li.');
    const pos = (cp: number) => DocPositions.of(e.state.doc).posAtCodePoint(cp);
    expect(occurrenceSource(e.state)).toBeNull();
    annotateMany(e.state, e.dispatch, { here: [{ start: 2, end: 4 }], elsewhere: [], tagIds: ['place'] });
    e.dispatch(e.state.tr.setSelection(textSelection(e.state, pos(2), pos(4))));
    expect(occurrenceSource(e.state)).toEqual({ quote: 'Li', start: 2, end: 4, tagIds: ['place'] });
    e.dispatch(e.state.tr.setSelection(textSelection(e.state, pos(9), pos(11))));
    expect(occurrenceSource(e.state)).toEqual({ quote: 'Li', start: 9, end: 11, tagIds: [] });
  });
});

function textSelection(state: EditorState, from: number, to: number) {
  return TextSelection.create(state.doc, from, to);
}
