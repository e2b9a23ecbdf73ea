// Relations in the editor's state: one history with text and annotations,
// deleting an annotation takes its relations in the same undo step, and a
// relation whose end's text is deleted is kept.

import { history, redo, undo } from 'prosemirror-history';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import type { Annotation, Tag } from '../../../src/core/model';
import type { RelationType } from '../../../src/core/relations';
import { removeAnnotation } from '../../../src/renderer/editor/annotation-commands';
import { changesText } from '../../../src/renderer/editor/annotation-step';
import { annotationPlugin, annotationState } from '../../../src/renderer/editor/annotations';
import { createRelation, deleteRelation, updateRelation } from '../../../src/renderer/editor/relation-commands';
import { RelationStep } from '../../../src/renderer/editor/relation-step';
import { relationsPlugin, relationsState, setRelationsMeta } from '../../../src/renderer/editor/relations';
import { DocPositions } from '../../../src/renderer/editor/positions';
import { textToDoc } from '../../../src/renderer/editor/text-doc';

const tags: Tag[] = [{ id: 'person', name: 'Person', color: '#e8590c', parentId: null, key: '1', description: '' }];
const types: RelationType[] = [
  { id: 'commits', name: 'commits to', color: '#2b8a3e', key: null, description: '', sourceTagIds: null, targetTagIds: null },
  { id: 'located', name: 'located in', color: '#e67700', key: null, description: '', sourceTagIds: null, targetTagIds: null },
];
const annotation = (id: string, start: number, end: number): Annotation => ({ id, documentId: 'd', start, end, quote: '', tagIds: ['person'], note: '', attributes: {}, author: 'a', createdAt: 'now', updatedAt: 'now', detached: false });

function setup() {
  const doc = textToDoc('Li Qiang pledged aid in Shanghai');
  let state = EditorState.create({ doc, plugins: [annotationPlugin(doc, [annotation('li', 0, 8), annotation('aid', 17, 20), annotation('sh', 24, 32)], tags), relationsPlugin(), history()] });
  const dispatch = (tr: Parameters<typeof state.apply>[0]) => {
    state = state.apply(tr);
  };
  dispatch(setRelationsMeta(state.tr, { load: { relations: [], types } }));
  const listed = () => [...relationsState(state).relations.values()].map((r) => `${r.sourceId} ${r.typeId} ${r.targetId}${r.note ? ` (${r.note})` : ''}`);
  return { get state() { return state; }, dispatch, listed };
}

describe('relations in the editor', () => {
  it('creating, changing and deleting a relation are each one undo step, redone in order', () => {
    const e = setup();
    createRelation(e.state, e.dispatch, 'd', 'li', 'aid', 'commits');
    expect(relationsState(e.state).selectedId).not.toBeNull();
    const id = relationsState(e.state).selectedId!;
    updateRelation(e.state, e.dispatch, id, { typeId: 'located', note: 'soon' });
    expect(e.listed()).toEqual(['li located aid (soon)']);
    deleteRelation(e.state, e.dispatch, id);
    expect(e.listed()).toEqual([]);
    undo(e.state, e.dispatch);
    expect(e.listed()).toEqual(['li located aid (soon)']);
    undo(e.state, e.dispatch);
    expect(e.listed()).toEqual(['li commits aid']);
    undo(e.state, e.dispatch);
    expect(e.listed()).toEqual([]);
    redo(e.state, e.dispatch);
    expect(e.listed()).toEqual(['li commits aid']);
  });

  it('refuses a relation from an annotation to itself or to one that does not exist', () => {
    const e = setup();
    expect(createRelation(e.state, e.dispatch, 'd', 'li', 'li', 'commits')).toBe(false);
    expect(createRelation(e.state, e.dispatch, 'd', 'li', 'ghost', 'commits')).toBe(false);
    expect(e.listed()).toEqual([]);
  });

  it('deleting an annotation deletes its relations first, in the same undo step', () => {
    const e = setup();
    createRelation(e.state, e.dispatch, 'd', 'li', 'aid', 'commits');
    createRelation(e.state, e.dispatch, 'd', 'aid', 'sh', 'located');
    let steps: string[] = [];
    const recording = (tr: Parameters<typeof e.dispatch>[0]) => {
      steps = tr.steps.map((s) => (s instanceof RelationStep ? `relation ${s.op.kind}` : 'annotation'));
      e.dispatch(tr);
    };
    removeAnnotation(e.state, recording, 'aid');
    expect(steps).toEqual(['relation remove', 'relation remove', 'annotation']);
    expect(e.listed()).toEqual([]);
    undo(e.state, e.dispatch);
    expect(annotationState(e.state).data.has('aid')).toBe(true);
    expect(e.listed().sort()).toEqual(['aid located sh', 'li commits aid']);
  });

  it('keeps a relation whose end had all its text deleted', () => {
    const e = setup();
    createRelation(e.state, e.dispatch, 'd', 'li', 'sh', 'located');
    const pos = (cp: number) => DocPositions.of(e.state.doc).posAtCodePoint(cp);
    const edit = e.state.tr.delete(pos(23), pos(32));
    expect(changesText(edit)).toBe(true);
    e.dispatch(edit);
    expect(annotationState(e.state).data.get('sh')?.detached).toBe(true);
    expect(e.listed()).toEqual(['li located sh']);
  });

  it('relation steps do not count as text changes, so Annotate mode lets them through', () => {
    const e = setup();
    const tr = e.state.tr;
    createRelation(e.state, (t) => tr.step(t.steps[0]!), 'd', 'li', 'aid', 'commits');
    expect(changesText(tr)).toBe(false);
  });

  it('a relation type deleted elsewhere takes its relations out of the editor', () => {
    const e = setup();
    createRelation(e.state, e.dispatch, 'd', 'li', 'aid', 'commits');
    createRelation(e.state, e.dispatch, 'd', 'aid', 'sh', 'located');
    e.dispatch(setRelationsMeta(e.state.tr, { types: [types[0]!] }));
    expect(e.listed()).toEqual(['li commits aid']);
  });
});
