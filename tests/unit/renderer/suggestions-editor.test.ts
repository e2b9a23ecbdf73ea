// The editor's side of suggestions, with the worker run in-process: what it
// is sent after edits (the changed paragraphs only; a long text read a slice
// at a time), how answers are placed
// (only those paragraphs' suggestions replaced), rejections undone, and,
// after any mix of edits, accepts, rejections and undos arriving while the
// worker is busy, the suggestions shown are those computed afresh.

import { history, redo, undo } from 'prosemirror-history';
import { EditorState, type Transaction } from 'prosemirror-state';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Tag } from '../../../src/core/model';
import { dictionaryFromAnnotations, entityTagsOf, suggest, SuggestedText, type DictionaryEntry, type ParagraphInput, type ParagraphSuggestions } from '../../../src/core/suggestions';
import { annotateMany } from '../../../src/renderer/editor/annotation-batch';
import { annotationPlugin, annotationState } from '../../../src/renderer/editor/annotations';
import { annotationRanges } from '../../../src/renderer/editor/occurrences';
import { DocPositions } from '../../../src/renderer/editor/positions';
import { SuggestionFeed, type Slicing } from '../../../src/renderer/editor/suggestion-feed';
import { answerRequest, RequestInbox, type SuggestRequest } from '../../../src/renderer/editor/suggestion-request';
import { suggestionsKey } from '../../../src/renderer/editor/suggestion-state';
import { accept, placedSuggestions, reject, setVisible, suggestionsPlugin } from '../../../src/renderer/editor/suggestions';
import { docToText, replaceWithText, textToDoc } from '../../../src/renderer/editor/text-doc';

const tags: Tag[] = [
  { id: 'P', name: 'Person', color: '#e8590c', parentId: null, key: '1', description: '' },
  { id: 'L', name: 'Place', color: '#2f9e44', parentId: null, key: '2', description: '' },
  { id: 'D', name: 'Date', color: '#0c8599', parentId: null, key: '3', description: '' },
];
const DICTIONARY: DictionaryEntry[] = [{ tagId: 'L', terms: ['Geneva', 'Shanghai'] }];

type Request = Omit<SuggestRequest, 'id'>;

/** An editor state with the suggestions plugin, its feed (reading paragraphs as `slicing` says), and the worker run here after `delay` ms. */
function setup(text: string, delay = 20, slicing?: Slicing) {
  const doc = textToDoc(text);
  const hooks = { loadContext: async () => ({ dictionary: DICTIONARY, rejections: [] }), reject: async () => {}, unreject: async () => {}, onChange: () => {}, explain: () => {} };
  let state = EditorState.create({ doc, plugins: [annotationPlugin(doc, [], tags), history(), suggestionsPlugin(hooks)] });
  const copy = new SuggestedText();
  const requests: Request[] = [];
  // The worker's side of the messages, as in suggestions.worker.ts: a long text's paragraphs come ahead of their request.
  const inbox = new RequestInbox();
  let nextId = 0;
  const worker = {
    // As postMessage would: a copy.
    stage: (paragraphs: ParagraphInput[]) => void inbox.take(structuredClone({ stage: paragraphs })),
    request: (request: Request) =>
      new Promise<ParagraphSuggestions[] | null>((resolve) => {
        const { id: _, ...sent } = inbox.take(structuredClone({ id: ++nextId, ...request }))!;
        requests.push(sent);
        // Answered later.
        setTimeout(() => resolve(answerRequest(copy, sent)), delay);
      }),
    terminate: () => {},
  };
  const view = {
    get state() {
      return state;
    },
    dispatch(tr: Transaction) {
      const previous = state;
      state = state.apply(tr);
      feed.update(previous);
    },
  };
  const feed = new SuggestionFeed(view, hooks.loadContext, worker, slicing);
  const shown = () => {
    const positions = DocPositions.of(state.doc);
    return placedSuggestions(state)
      .map((p) => `${positions.codePointAt(p.from)}:${positions.codePointAt(p.to)}:${p.suggestion.tagId}:${state.doc.textBetween(p.from, p.to)}`)
      .sort();
  };
  /** What the whole text's suggestions are, computed afresh. */
  const expected = () =>
    suggest(docToText(state.doc), {
      // A term across lines (an annotation over a line break) is matched within a line only, that is never.
      dictionary: [...DICTIONARY, ...dictionaryFromAnnotations([...annotationState(state).data.values()])].map((d) => ({ ...d, terms: d.terms.filter((t) => !t.includes('\n')) })),
      entities: entityTagsOf(tags),
      entityCache: new Map(),
      annotations: annotationRanges(state),
      rejections: suggestionsKey.getState(state)!.rejections,
    })
      .map((s) => `${s.start}:${s.end}:${s.tagId}:${s.quote}`)
      .sort();
  const pos = (cp: number) => DocPositions.of(state.doc).posAtCodePoint(cp);
  const settle = () => vi.advanceTimersByTimeAsync(2000);
  return { get state() { return state; }, dispatch: view.dispatch, requests, shown, expected, pos, settle, feed };
}

const TEXT = ['Chancellor Olaf Scholz met the delegation in Berlin on Monday.', 'They flew on to Geneva.', '', 'Premier Li Qiang stayed in Shanghai on Friday.'].join('\n');

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('suggestions in the editor', () => {
  it('asks for the whole text once, then for the paragraph typed in only, and replaces only its suggestions', async () => {
    const e = setup(TEXT);
    await e.settle();
    expect(e.shown()).toEqual(e.expected());
    expect(e.shown().map((s) => s.split(':')[3])).toEqual(expect.arrayContaining(['Olaf Scholz', 'Berlin', 'Geneva', 'Shanghai']));
    expect(e.requests).toHaveLength(1);
    const before = new Map(placedSuggestions(e.state).map((p) => [e.state.doc.textBetween(p.from, p.to), p.suggestion]));

    // "Geneva" becomes "Genevan" in the second paragraph.
    e.dispatch(e.state.tr.insertText('n', e.pos(TEXT.indexOf('Geneva') + 6)));
    await e.settle();
    const last = e.requests[e.requests.length - 1]!;
    expect(last.text && 'edits' in last.text && last.text.edits.map((x) => [x.from, x.to, x.paragraphs.map((p) => p.text)])).toEqual([[1, 2, ['They flew on to Genevan.']]]);
    expect(e.shown()).toEqual(e.expected());
    expect(e.shown().some((s) => s.includes('Geneva'))).toBe(false);
    // The other paragraphs' suggestions are the very ones they had.
    for (const p of placedSuggestions(e.state)) expect(p.suggestion).toBe(before.get(e.state.doc.textBetween(p.from, p.to)));
  });

  it('asks the worker once typing pauses: keys 300 ms apart send nothing, 400 ms after the last one request goes', async () => {
    const e = setup(TEXT);
    await e.settle();
    const requests = e.requests.length;
    for (let k = 0; k < 4; k++) {
      e.dispatch(e.state.tr.insertText('x', e.pos(3)));
      await vi.advanceTimersByTimeAsync(300);
      expect(e.requests).toHaveLength(requests);
    }
    await vi.advanceTimersByTimeAsync(99);
    expect(e.requests).toHaveLength(requests);
    await vi.advanceTimersByTimeAsync(2);
    expect(e.requests).toHaveLength(requests + 1);
    await e.settle();
    expect(e.requests).toHaveLength(requests + 1);
    expect(e.shown()).toEqual(e.expected());
  });

  it('drops a suggestion as soon as its own text is edited (typed inside, deleted from, a line broken in it), keeps those typed beside, and the worker puts back what the text has', async () => {
    const e = setup(TEXT);
    await e.settle();
    const quotes = () => placedSuggestions(e.state).map((p) => e.state.doc.textBetween(p.from, p.to));
    expect(quotes()).toEqual(expect.arrayContaining(['Olaf Scholz', 'Berlin', 'Geneva', 'Shanghai']));
    // Typed inside "Olaf Scholz": gone at once, before the worker is asked.
    const requests = e.requests.length;
    e.dispatch(e.state.tr.insertText('x', e.pos(TEXT.indexOf('Olaf') + 2)));
    expect(quotes()).not.toContain('Olxaf Scholz');
    expect(quotes().some((q) => q.includes('Scholz'))).toBe(false);
    // Typed at the edges of "Berlin": it stays, where it was.
    e.dispatch(e.state.tr.insertText('(', e.pos(TEXT.indexOf('Berlin') + 1)));
    e.dispatch(e.state.tr.insertText(')', e.pos(TEXT.indexOf('Berlin') + 1 + 7)));
    expect(quotes()).toContain('Berlin');
    // Its last letter deleted from "Geneva", a line broken inside "Shanghai": both gone.
    const geneva = e.pos(TEXT.indexOf('Geneva') + 3);
    e.dispatch(e.state.tr.delete(geneva + 5, geneva + 6));
    const shanghai = e.pos(TEXT.indexOf('Shanghai') + 3);
    e.dispatch(replaceWithText(e.state.tr, shanghai + 4, shanghai + 4, '\n'));
    expect(quotes()).not.toContain('Genev');
    expect(quotes().some((q) => q.includes('Shang'))).toBe(false);
    expect(e.requests).toHaveLength(requests);
    await e.settle();
    expect(e.shown()).toEqual(e.expected());
  });

  it('sends paragraphs typed in far apart as separate edits, and splits and joins as edits of the paragraph count', async () => {
    const e = setup(TEXT);
    await e.settle();
    e.dispatch(e.state.tr.insertText('x', e.pos(3)));
    e.dispatch(replaceWithText(e.state.tr, e.pos(TEXT.indexOf(' stayed')), e.pos(TEXT.indexOf(' stayed')), '\n'));
    await e.settle();
    const last = e.requests[e.requests.length - 1]!;
    expect(last.text && 'edits' in last.text && last.text.edits.map((x) => [x.from, x.to, x.paragraphs.length])).toEqual([
      [0, 1, 1],
      [3, 4, 2],
    ]);
    expect(e.shown()).toEqual(e.expected());
  });

  it('rejects a suggestion everywhere at once; undo brings it back and the rejection is forgotten, even before the worker heard of it', async () => {
    const e = setup(`${TEXT}\nBerlin again.`);
    await e.settle();
    const berlin = placedSuggestions(e.state).find((p) => e.state.doc.textBetween(p.from, p.to) === 'Berlin')!;
    reject(e.state, e.dispatch, berlin.suggestion);
    expect(e.shown().some((s) => s.includes('Berlin'))).toBe(false);
    expect(suggestionsKey.getState(e.state)!.rejections).toEqual([{ tagId: 'L', quote: 'Berlin' }]);
    expect(suggestionsKey.getState(e.state)!.stored).toEqual([{ kind: 'reject', rejection: { tagId: 'L', quote: 'Berlin' } }]);
    // The text is untouched; undo at once, while the worker has not been told.
    expect(docToText(e.state.doc)).toBe(`${TEXT}\nBerlin again.`);
    undo(e.state, e.dispatch);
    expect(suggestionsKey.getState(e.state)!.rejections).toEqual([]);
    expect(suggestionsKey.getState(e.state)!.stored).toEqual([{ kind: 'unreject', rejection: { tagId: 'L', quote: 'Berlin' } }]);
    await e.settle();
    expect(e.shown().filter((s) => s.includes('Berlin'))).toHaveLength(2);
    expect(e.shown()).toEqual(e.expected());
    redo(e.state, e.dispatch);
    await e.settle();
    expect(e.shown().some((s) => s.includes('Berlin'))).toBe(false);
    expect(e.shown()).toEqual(e.expected());
  });

  it('drops an accepted suggestion, and brings it back when the annotation is undone', async () => {
    const e = setup(TEXT);
    await e.settle();
    const geneva = placedSuggestions(e.state).find((p) => e.state.doc.textBetween(p.from, p.to) === 'Geneva')!;
    accept(e.state, e.dispatch, geneva);
    await e.settle();
    expect(e.shown().some((s) => s.includes('Geneva'))).toBe(false);
    expect(e.shown()).toEqual(e.expected());
    undo(e.state, e.dispatch);
    await e.settle();
    expect(e.shown().some((s) => s.includes('Geneva'))).toBe(true);
    expect(e.shown()).toEqual(e.expected());
  });

  it('hidden, holds none; shown again, asks for the whole text', async () => {
    const e = setup(TEXT);
    await e.settle();
    e.dispatch(setVisible(e.state.tr, false));
    expect(placedSuggestions(e.state)).toEqual([]);
    e.dispatch(e.state.tr.insertText('Berlin ', e.pos(0)));
    await e.settle();
    expect(placedSuggestions(e.state)).toEqual([]);
    e.dispatch(setVisible(e.state.tr, true));
    await e.settle();
    const last = e.requests[e.requests.length - 1]!;
    expect(last.text && 'reset' in last.text).toBe(true);
    expect(e.shown()).toEqual(e.expected());
  });

  it('reads a long text for the first request a slice at a time; what is typed meanwhile, read or not yet, is sent next and its suggestions are right', async () => {
    const text = Array.from({ length: 20 }, () => TEXT).join('\n');
    const slices: (() => void)[] = [];
    const e = setup(text, 20, { ms: 0, paragraphs: 4, annotations: 3, schedule: (task) => (slices.push(task), () => {}) });
    // "Monday" a date in the first ten copies: the dictionary has it, and it is suggested in the others.
    const monday = (copy: number) => ({ start: copy * (TEXT.length + 1) + TEXT.indexOf('Monday'), end: copy * (TEXT.length + 1) + TEXT.indexOf('Monday') + 6 });
    annotateMany(e.state, e.dispatch, { here: Array.from({ length: 10 }, (_, copy) => monday(copy)), elsewhere: [], tagIds: ['D'] });
    await vi.advanceTimersByTimeAsync(0);
    // The first slice is read at once, the rest wait for the page to be idle.
    expect(slices).toHaveLength(1);
    expect(e.requests).toHaveLength(0);
    // Typed in a paragraph read already and in one not read yet, and "Friday" made a date.
    const friday = text.lastIndexOf('Friday');
    annotateMany(e.state, e.dispatch, { here: [{ start: friday, end: friday + 6 }], elsewhere: [], tagIds: ['D'] });
    e.dispatch(e.state.tr.insertText(' Berlin', e.pos(text.length)));
    e.dispatch(e.state.tr.insertText('Geneva ', e.pos(0)));
    const idle = async () => {
      let ran = 0;
      for (; slices.length > 0; ran++) {
        slices.shift()!();
        await vi.advanceTimersByTimeAsync(0);
      }
      return ran;
    };
    // The ten annotations three at a time, then the 80 paragraphs four at a time: 3 + 20 slices, the first at once.
    expect(await idle()).toBe(22);
    // The text and dictionary as they were when the request was planned, with none of the typing and without "Friday".
    const first = e.requests[0]!;
    expect(first.text && 'reset' in first.text && first.text.reset.map((p) => p.text).join('\n')).toBe(text);
    expect(first.settings?.dictionary).toEqual([...DICTIONARY, { tagId: 'D', terms: ['Monday'] }]);
    await e.settle();
    // The two paragraphs typed in: one slice each.
    expect(await idle()).toBe(1);
    await e.settle();
    const second = e.requests[1]!;
    expect(second.text && 'edits' in second.text && second.text.edits.map((x) => [x.from, x.to, x.paragraphs.map((p) => p.text)])).toEqual([
      [0, 1, [`Geneva ${TEXT.split('\n')[0]}`]],
      [79, 80, [`${TEXT.split('\n')[3]} Berlin`]],
    ]);
    expect(second.terms).toEqual({ added: [{ tagId: 'D', terms: ['Friday'] }], removed: [] });
    expect(e.shown()).toEqual(e.expected());
    expect(e.shown().filter((s) => s.endsWith(':Berlin'))).toHaveLength(21);
    expect(e.shown().filter((s) => s.endsWith(':D:Monday'))).toHaveLength(10);
    expect(e.shown().filter((s) => s.endsWith(':D:Friday'))).toHaveLength(19);
  });

  it('after any edits, accepts, rejections and undos, some while the worker is busy or the text is being read, shows what the text has afresh', async () => {
    const words = ['Berlin', ' Li', 'Olaf Scholz', ' on Monday', 'x', ' ', 'Shanghai ', '😀', '\n', 'Geneva\n'];
    // Every other seed reads the text a paragraph at a time, 5 ms apart, so edits come while it is read.
    const sliced: Slicing = { ms: 0, paragraphs: 1, annotations: 1, schedule: (task) => clearTimeout.bind(null, setTimeout(task, 5)) };
    for (let seed = 1; seed <= 25; seed++) {
      let r = seed * 7919;
      const random = (n: number) => {
        r = (r * 1103515245 + 12345) % 2147483648;
        return Math.floor((r / 2147483648) * n);
      };
      const e = seed % 2 === 0 ? setup(`${TEXT}\n${TEXT}\n${TEXT}`, 1 + random(300), sliced) : setup(TEXT, 1 + random(300));
      await e.settle();
      for (let step = 0; step < 40; step++) {
        const cp = () => random(DocPositions.of(e.state.doc).cpLength + 1);
        const choice = random(10);
        const placed = placedSuggestions(e.state);
        if (choice <= 3) {
          const at = e.pos(cp());
          e.dispatch(replaceWithText(e.state.tr, at, at, words[random(words.length)]!));
        } else if (choice === 4) {
          const [a, b] = [cp(), cp()].sort((x, y) => x - y);
          if (a! < b!) e.dispatch(e.state.tr.delete(e.pos(a!), e.pos(b!)));
        } else if (choice === 5 && placed.length > 0) accept(e.state, e.dispatch, placed[random(placed.length)]!);
        else if (choice === 6 && placed.length > 0) reject(e.state, e.dispatch, placed[random(placed.length)]!.suggestion);
        else if (choice === 7) undo(e.state, e.dispatch);
        else if (choice === 8) redo(e.state, e.dispatch);
        else await vi.advanceTimersByTimeAsync(random(800));
      }
      await e.settle();
      await e.settle();
      expect(e.shown(), `seed ${seed}`).toEqual(e.expected());
      e.feed.destroy();
    }
  });
});
