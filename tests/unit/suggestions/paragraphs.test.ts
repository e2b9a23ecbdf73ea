import { describe, expect, it } from 'vitest';
import { suggest, SuggestedText, type ParagraphInput, type ParagraphSettings, type Suggestion } from '../../../src/core/suggestions';

const settings: ParagraphSettings = {
  dictionary: [
    { tagId: 'P', terms: ['Olaf Scholz', 'Li'] },
    { tagId: 'L', terms: ['Berlin', 'Shanghai'] },
  ],
  entities: {},
  rejections: [],
};

const plain = (text: string): ParagraphInput => ({ text, annotations: [] });
const quotes = (changes: { index: number; suggestions: Suggestion[] }[]) => changes.map((c) => [c.index, c.suggestions.map((s) => `${s.quote}@${s.start}`)]);

function textOf(...paragraphs: string[]) {
  const t = new SuggestedText();
  t.configure(settings);
  t.reset(paragraphs.map(plain));
  return t;
}

describe('suggestions kept paragraph by paragraph', () => {
  it('reports the paragraphs with suggestions at first, in code points from each paragraph’s start', () => {
    const t = textOf('😀 Olaf Scholz in Berlin.', '', 'Nothing here.', '𠀋 Li in Shanghai.');
    expect(quotes(t.changes())).toEqual([
      [0, ['Olaf Scholz@2', 'Berlin@17']],
      [3, ['Li@2', 'Shanghai@8']],
    ]);
    // Asked again with nothing changed: nothing to report.
    expect(t.changes()).toEqual([]);
  });

  it('gives each paragraph what suggest() gives its text, compromise included', () => {
    const paragraphs = ['Chancellor Olaf Scholz visited Berlin on Monday.', 'The ministry pledged $3 billion.'];
    const t = new SuggestedText();
    const full = { ...settings, entities: { person: 'P', place: 'L', organisation: 'O', date: 'D', figure: 'F' } };
    t.configure(full);
    t.reset(paragraphs.map(plain));
    const got = t.changes();
    expect(got.map((c) => c.suggestions)).toEqual(paragraphs.map((p) => suggest(p, full)));
    expect(got.map((c) => c.suggestions.map((s) => `${s.quote}:${s.tagId}`))).toEqual([['Olaf Scholz:P', 'Berlin:L', 'Monday:D'], ['$3 billion:F']]);
  });

  it('after an edit reports only the paragraphs replaced, even when they lost every suggestion', () => {
    const t = textOf('Olaf Scholz in Berlin.', 'Li in Shanghai.', 'Berlin again.');
    t.changes();
    t.replace(1, 2, [plain('Lin in Shanghai.')]);
    expect(quotes(t.changes())).toEqual([[1, ['Shanghai@7']]]);
    t.replace(1, 2, [plain('Lin in Shang.')]);
    expect(quotes(t.changes())).toEqual([[1, []]]);
    // Had none, has none: reported all the same, as the editor may hold some there.
    t.replace(1, 2, [plain('Lin in Shan.')]);
    expect(quotes(t.changes())).toEqual([[1, []]]);
    expect(t.changes()).toEqual([]);
  });

  it('follows paragraphs split and joined: indices are those of the text as edited', () => {
    const t = textOf('Olaf Scholz in Berlin.', 'Li in Shanghai.', 'Berlin again.');
    t.changes();
    // Enter after "Olaf Scholz": one paragraph becomes two, the others move down.
    t.replace(0, 1, [plain('Olaf Scholz'), plain(' in Berlin.')]);
    expect(quotes(t.changes())).toEqual([
      [0, ['Olaf Scholz@0']],
      [1, ['Berlin@4']],
    ]);
    expect(t.paragraphCount).toBe(4);
    // Joined again, with the next one too.
    t.replace(0, 3, [plain('Olaf Scholz in Berlin. Li in Shanghai.')]);
    expect(quotes(t.changes())).toEqual([[0, ['Olaf Scholz@0', 'Berlin@15', 'Li@23', 'Shanghai@29']]]);
    expect(t.paragraphCount).toBe(2);
    expect(() => t.replace(1, 3, [])).toThrow(RangeError);
  });

  it('leaves out what is annotated with the same tag in that paragraph', () => {
    const t = textOf('Olaf Scholz in Berlin.');
    t.changes();
    t.replace(0, 1, [{ text: 'Olaf Scholz in Berlin.', annotations: [{ start: 15, end: 21, tagIds: ['L'] }, { start: 0, end: 4, tagIds: ['X'] }] }]);
    expect(quotes(t.changes())).toEqual([[0, ['Olaf Scholz@0']]]);
  });

  it('after new settings reports only the paragraphs whose suggestions changed', () => {
    const t = textOf('Olaf Scholz in Berlin.', 'Li in Shanghai.', 'A summit in Geneva.');
    t.changes();
    t.configure({ rejections: [{ tagId: 'L', quote: 'Berlin' }] });
    expect(quotes(t.changes())).toEqual([[0, ['Olaf Scholz@0']]]);
    t.configure({ dictionary: [...settings.dictionary, { tagId: 'L', terms: ['Geneva'] }] });
    expect(quotes(t.changes())).toEqual([[2, ['Geneva@12']]]);
  });

  it('reports again, wherever they are, the suggestions of a rejection taken back', () => {
    const t = textOf('Olaf Scholz in Berlin.', 'Li in Shanghai.', 'Berlin again.');
    t.changes();
    // The editor dropped "Berlin" on a rejection the worker never heard of, then took it back.
    t.restore([{ tagId: 'L', quote: 'Berlin' }]);
    expect(quotes(t.changes())).toEqual([
      [0, ['Olaf Scholz@0', 'Berlin@15']],
      [2, ['Berlin@0']],
    ]);
    expect(t.changes()).toEqual([]);
  });
});
