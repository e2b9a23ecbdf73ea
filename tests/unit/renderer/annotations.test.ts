import { undo, redo, history } from 'prosemirror-history';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import type { Annotation, Tag } from '../../../src/core/model';
import { annotateSelection, removeAnnotation, selectAt, toggleTag } from '../../../src/renderer/editor/annotation-commands';
import { annotationPlugin, annotationState, annotationsAt, placedAnnotations, setTags } from '../../../src/renderer/editor/annotations';
import { DocPositions } from '../../../src/renderer/editor/positions';
import { textToDoc } from '../../../src/renderer/editor/text-doc';

const tags: Tag[] = [
  { id: 'person', name: 'Person', color: '#e8590c', parentId: null, key: '1', description: '' },
  { id: 'org', name: 'Organisation', color: '#1c7ed6', parentId: null, key: '2', description: '' },
];

function annotation(id: string, start: number, end: number, tagIds: string[]): Annotation {
  return { id, documentId: 'd', start, end, quote: '', tagIds, note: '', attributes: {}, author: 'a', createdAt: 'now', updatedAt: 'now', detached: false };
}

function setup(text: string, annotations: Annotation[] = []) {
  const doc = textToDoc(text);
  let state = EditorState.create({ doc, plugins: [annotationPlugin(doc, annotations, tags), history()] });
  const dispatch = (tr: Parameters<typeof state.apply>[0]) => {
    state = state.apply(tr);
  };
  const quotes = () => placedAnnotations(state).map((p) => [p.data.id, state.doc.textBetween(p.from, p.to)]);
  const pos = (cp: number) => DocPositions.of(state.doc).posAtCodePoint(cp);
  return { get state() { return state; }, dispatch, quotes, pos };
}

describe('annotations in the editor', () => {
  it('places stored annotations by code point offsets, astral characters included', () => {
    const e = setup('😀 Gong Zheng met 𠀋 Li Li', [annotation('a', 2, 12, ['person']), annotation('b', 19, 24, ['person'])]);
    expect(e.quotes()).toEqual([['a', 'Gong Zheng'], ['b', 'Li Li']]);
  });

  it('maps through typing: inside extends, at the edges does not, before shifts', () => {
    const e = setup('Mayor Gong Zheng said', [annotation('a', 6, 16, ['person'])]);
    e.dispatch(e.state.tr.insertText('X', e.pos(11))); // inside
    e.dispatch(e.state.tr.insertText('<', e.pos(6))); // at the start edge
    e.dispatch(e.state.tr.insertText('>', e.pos(18))); // at the end edge
    e.dispatch(e.state.tr.insertText('The ', e.pos(0))); // before
    expect(e.state.doc.textContent).toBe('The Mayor <Gong XZheng> said');
    expect(e.quotes()).toEqual([['a', 'Gong XZheng']]);
  });

  it('keeps an annotation whose text was deleted, as detached', () => {
    const e = setup('one two three', [annotation('a', 4, 7, ['person'])]);
    e.dispatch(e.state.tr.delete(e.pos(3), e.pos(8)));
    expect(e.quotes()).toEqual([]);
    expect(annotationState(e.state).data.get('a')).toMatchObject({ detached: true });
  });

  it('selects the innermost of nested annotations first, then the outer one', () => {
    const e = setup('Mayor Gong Zheng said', [annotation('outer', 0, 16, ['org']), annotation('inner', 6, 16, ['person'])]);
    expect(annotationsAt(e.state, e.pos(8)).map((a) => a.data.id)).toEqual(['inner', 'outer']);
    selectAt(e.state, e.dispatch, e.pos(8));
    expect(annotationState(e.state).selectedId).toBe('inner');
    selectAt(e.state, e.dispatch, e.pos(8));
    expect(annotationState(e.state).selectedId).toBe('outer');
  });

  it('creates, retags and removes annotations as undoable steps, in order with text edits', () => {
    const e = setup('Pudong plan adopted');
    e.dispatch(e.state.tr.setSelection(TextSelection.create(e.state.doc, e.pos(0), e.pos(6))));
    expect(annotateSelection(e.state, e.dispatch, ['org'])).toBe(true);
    const id = annotationState(e.state).selectedId!;
    toggleTag(e.state, e.dispatch, id, 'person');
    expect(annotationState(e.state).data.get(id)!.tagIds).toEqual(['org', 'person']);
    e.dispatch(e.state.tr.insertText('!', e.pos(19)));
    removeAnnotation(e.state, e.dispatch, id);
    expect(e.quotes()).toEqual([]);
    undo(e.state, e.dispatch); // the removal
    expect(e.quotes()).toEqual([[id, 'Pudong']]);
    undo(e.state, e.dispatch); // the typing
    expect(e.state.doc.textContent).toBe('Pudong plan adopted');
    undo(e.state, e.dispatch); // the retagging
    expect(annotationState(e.state).data.get(id)!.tagIds).toEqual(['org']);
    undo(e.state, e.dispatch); // the creation
    expect(e.quotes()).toEqual([]);
    redo(e.state, e.dispatch);
    expect(e.quotes()).toEqual([[id, 'Pudong']]);
  });

  it('renders overlapping highlights as separate elements carrying their ids and tag names', () => {
    const e = setup('Mayor Gong Zheng', [annotation('outer', 0, 16, ['org']), annotation('inner', 6, 16, ['person', 'org'])]);
    const specs = annotationState(e.state)
      .decorations.find()
      .map((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs);
    expect(specs.map((a) => [a['data-annotation-id'], a['data-tags'], a.nodeName])).toEqual(
      expect.arrayContaining([
        ['outer', 'Organisation', 'span'],
        ['inner', 'Person,Organisation', 'span'],
      ]),
    );
  });

  it('draws each highlight with its own tags, note and selection, also among many alike, and again after the tags change', () => {
    const noted = { ...annotation('noted', 0, 5, ['person']), note: 'Check the name\nsecond line' };
    const e = setup('Mayor Gong Zheng said', [annotation('a', 0, 5, ['person']), annotation('b', 6, 10, ['person']), annotation('c', 11, 16, ['person', 'org']), noted]);
    const attrs = () =>
      new Map(
        annotationState(e.state)
          .decorations.find()
          .map((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs)
          .map((a) => [a['data-annotation-id'], a]),
      );
    expect(attrs().get('a')).toMatchObject({ class: 'annotation', title: 'Person', style: '--tag-color: #e8590c' });
    expect(attrs().get('b')).toMatchObject({ class: 'annotation', title: 'Person', 'data-annotation-id': 'b' });
    expect(attrs().get('c')!.style).toContain('--tag-stripes: linear-gradient(90deg, #e8590c 0.00% 50.00%, #1c7ed6 50.00% 100.00%)');
    expect(attrs().get('noted')).toMatchObject({ title: 'Person — Check the name' });
    selectAt(e.state, e.dispatch, e.pos(7));
    expect(attrs().get('b')).toMatchObject({ class: 'annotation selected' });
    expect(attrs().get('a')).toMatchObject({ class: 'annotation' });
    e.dispatch(setTags(e.state.tr, [{ ...tags[0]!, name: 'Human', color: '#000000' }, tags[1]!]));
    expect(attrs().get('a')).toMatchObject({ title: 'Human', 'data-tags': 'Human', style: '--tag-color: #000000' });
    expect(attrs().get('b')).toMatchObject({ class: 'annotation selected', title: 'Human' });
  });
});
