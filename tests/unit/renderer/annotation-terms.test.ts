// The annotations' dictionary kept term by term (what the suggestions worker
// is sent after each annotation) against the whole dictionary rebuilt, and
// the worker's copy of the text given only those terms against one given the
// whole dictionary: the same suggestions, whatever annotations come and go.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dictionaryFromAnnotations, SuggestedText, type DictionaryEntry } from '../../../src/core/suggestions';
import type { AnnotationData } from '../../../src/renderer/editor/annotation-step';
import { AnnotationTerms } from '../../../src/renderer/editor/annotation-terms';
import { SharedMap } from '../../../src/renderer/editor/shared-map';

const WORDS = ['Berlin', 'Li', 'Li Qiang', 'Shanghai', ' Geneva ', 'ministry', ''];
const BASE: DictionaryEntry[] = [{ tagId: 'L', terms: ['Geneva', 'Berlin'] }];
const PARAGRAPHS = ['Li Qiang flew from Berlin to Shanghai.', 'The ministry met in Geneva.', 'Nothing here.', 'Li and Li Qiang in Berlin, Berlin.'];

const annotation = (id: string, quote: string, tagIds: string[], detached: boolean): AnnotationData => ({
  id,
  documentId: '',
  quote,
  tagIds,
  note: '',
  attributes: {},
  author: '',
  createdAt: '',
  updatedAt: '',
  detached,
});

const op = fc.oneof(
  fc.record({
    set: fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom(...WORDS), fc.subarray(['P', 'L', 'O'], { minLength: 1 }), fc.boolean()),
  }),
  fc.record({ delete: fc.integer({ min: 0, max: 12 }) }),
);

/** The whole dictionary from `data`, read at once. */
function reset(terms: AnnotationTerms, data: ReadonlyMap<string, AnnotationData>, base: DictionaryEntry[]): DictionaryEntry[] {
  const steps = terms.resetting(data, base, 2);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The dictionary as pairs "tag:term" (terms trimmed, as they are matched). */
const pairs = (entries: readonly DictionaryEntry[]) => new Set(entries.flatMap((e) => e.terms.map((t) => `${e.tagId}:${t.trim()}`).filter((p) => !p.endsWith(':'))));

describe('the annotations’ dictionary kept term by term', () => {
  it('sends the terms that came and went, so the worker holds the whole dictionary and suggests what a fresh copy does', () => {
    fc.assert(
      fc.property(fc.array(fc.array(op, { maxLength: 4 }), { maxLength: 25 }), fc.boolean(), (batches, fold) => {
        let data = SharedMap.of(new Map<string, AnnotationData>([['a', annotation('a', 'Shanghai', ['L'], false)]]));
        const terms = new AnnotationTerms();
        const worker = new SuggestedText();
        worker.configure({ dictionary: reset(terms, data, BASE), entities: {}, rejections: [] });
        worker.reset(PARAGRAPHS.map((text) => ({ text, annotations: [] })));
        // What the editor would show: the worker's answers applied paragraph by paragraph.
        const shown = PARAGRAPHS.map(() => [] as unknown[]);
        const take = (changes: { index: number; suggestions: unknown[] }[]) => {
          for (const c of changes) shown[c.index] = c.suggestions;
        };
        take(worker.changes());
        let held = pairs(reset(terms, data, BASE));
        for (const batch of batches) {
          const edit = data.edit();
          for (const o of batch) {
            if ('set' in o) edit.set(String(o.set[0]), annotation(String(o.set[0]), o.set[1], o.set[2], o.set[3]));
            else edit.delete(String(o.delete));
          }
          // Now and then a plain copy, as when the map's layers are folded: the change is found all the same.
          data = fold ? SharedMap.of(new Map(edit.done())) : edit.done();
          const { added, removed } = terms.update(data);
          for (const p of pairs(removed)) held.delete(p);
          held = new Set([...held, ...pairs(added)]);
          const whole = [...BASE, ...dictionaryFromAnnotations([...data.values()])];
          expect([...held].sort()).toEqual([...pairs(whole)].sort());

          worker.changeTerms(added, removed);
          take(worker.changes());
          const fresh = new SuggestedText();
          fresh.configure({ dictionary: whole, entities: {}, rejections: [] });
          fresh.reset(PARAGRAPHS.map((text) => ({ text, annotations: [] })));
          const expected = PARAGRAPHS.map(() => [] as unknown[]);
          for (const c of fresh.changes()) expected[c.index] = c.suggestions;
          expect(shown).toEqual(expected);
        }
      }),
    );
  });

  it('gives, from scratch, the workspace’s terms and then exactly the dictionary the annotations make, tags and terms in its order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.array(fc.constantFrom('P', 'L', 'O'), { maxLength: 3 }), fc.boolean()), { maxLength: 30 }),
        (list) => {
          const data = SharedMap.of(new Map(list.map(([quote, tagIds, detached], i) => [String(i), annotation(String(i), quote, tagIds, detached)])));
          expect(reset(new AnnotationTerms(), data, BASE)).toEqual([...BASE, ...dictionaryFromAnnotations([...data.values()])]);
        },
      ),
    );
  });

  it('has the worker check again only the paragraphs that hold a term that came or went', () => {
    const worker = new SuggestedText();
    worker.configure({ dictionary: BASE, entities: {}, rejections: [] });
    worker.reset(PARAGRAPHS.map((text) => ({ text, annotations: [] })));
    worker.changes();
    worker.changeTerms([{ tagId: 'P', terms: ['Li Qiang'] }], []);
    expect(worker.changes().map((c) => [c.index, c.suggestions.map((s) => `${s.quote}:${s.tagId}`)])).toEqual([
      [0, ['Li Qiang:P', 'Berlin:L']],
      [3, ['Li Qiang:P', 'Berlin:L', 'Berlin:L']],
    ]);
    // A term the workspace's dictionary has already changes nothing.
    worker.changeTerms([{ tagId: 'L', terms: ['Berlin'] }], []);
    expect(worker.changes()).toEqual([]);
    worker.changeTerms([], [{ tagId: 'P', terms: ['Li Qiang'] }]);
    expect(worker.changes().map((c) => c.index)).toEqual([0, 3]);
  });
});
