// `npm run eval:suggestions`: precision and recall per tag of the offline
// suggesters on the readouts in tests/fixtures/suggestions.
//
// - compromise: its people, places, organisations, dates and figures.
// - dictionary: what the user annotated before. Each text is scored with a
//   dictionary built from the gold of the other texts only (leave one out),
//   as if the user had annotated those earlier.
// - both: the dictionary first, compromise where it does not overlap.
// - dictionary, later mentions: the user has annotated the first mention of
//   each entity in the text (and the other texts); scored on the rest, which
//   is "do not tag the fortieth Shanghai by hand".
// - both, later mentions: the same with compromise added.
//
// compromise reads each text line by line, as the editor's worker does (suggestEntitiesByLine).

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dictionaryFromAnnotations, entityLabels, suggest, type Suggestion } from '../../src/core/suggestions';
import { emptyScore, parseGold, precision, recall, score, type GoldText, type Score, type Span } from './gold';

const FOLDER = resolve(import.meta.dirname, '../fixtures/suggestions');
const texts: GoldText[] = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => parseGold(name, readFileSync(join(FOLDER, name), 'utf8')));

// In the eval a tag's id is its label.
const entities = Object.fromEntries(entityLabels.map((label) => [label, label]));

const systems: Record<string, (text: GoldText) => { gold: Span[]; predicted: Suggestion[] }> = {
  compromise: (self) => ({ gold: self.gold, predicted: suggest(self.text, { entities, entityCache: new Map() }) }),
  dictionary: (self) => ({ gold: self.gold, predicted: suggest(self.text, { dictionary: dictionaryOf(texts.filter((t) => t !== self)) }) }),
  both: (self) => ({ gold: self.gold, predicted: suggest(self.text, { dictionary: dictionaryOf(texts.filter((t) => t !== self)), entities, entityCache: new Map() }) }),
  'dictionary, later mentions': (self) => laterMentions(self, false),
  'both, later mentions': (self) => laterMentions(self, true),
};

function laterMentions(self: GoldText, withEntities: boolean): { gold: Span[]; predicted: Suggestion[] } {
  const chars = [...self.text];
  const quoteOf = (g: Span): string => chars.slice(g.start, g.end).join('');
  const seen = new Set<string>();
  const first = self.gold.filter((g) => {
    const key = `${g.label}\u0000${quoteOf(g)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const annotated = first.map((g) => ({ start: g.start, end: g.end, quote: quoteOf(g), tagIds: [g.label], detached: false }));
  const dictionary = dictionaryFromAnnotations([...annotated, ...dictionaryOf(texts.filter((t) => t !== self)).flatMap((e) => e.terms.map((quote) => ({ quote, tagIds: [e.tagId], detached: false })))]);
  const predicted = suggest(self.text, { dictionary, ...(withEntities ? { entities, entityCache: new Map() } : {}), annotations: annotated });
  return { gold: self.gold.filter((g) => !first.includes(g)), predicted };
}

function dictionaryOf(others: readonly GoldText[]) {
  return dictionaryFromAnnotations(
    others.flatMap(({ text, gold }) => gold.map((g) => ({ quote: [...text].slice(g.start, g.end).join(''), tagIds: [g.label], detached: false }))),
  );
}

const spans = (suggestions: readonly Suggestion[]): Span[] => suggestions.map((s) => ({ start: s.start, end: s.end, label: s.tagId }));

const labels = [...entityLabels];
const goldCount = new Map(labels.map((l) => [l, texts.reduce((n, t) => n + t.gold.filter((g) => g.label === l).length, 0)]));
console.log(`${texts.length} texts, ${texts.reduce((n, t) => n + t.gold.length, 0)} gold entities (${labels.map((l) => `${l} ${goldCount.get(l)}`).join(', ')})\n`);
console.log('| suggester | tag | precision | recall | F1 | TP | FP | FN |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [name, run] of Object.entries(systems)) {
  const scores = new Map<string, Score>();
  for (const text of texts) {
    const { gold, predicted } = run(text);
    score(gold, spans(predicted), labels, scores);
  }
  const total = [...scores.values()].reduce((a, s) => ({
    truePositives: a.truePositives + s.truePositives,
    falsePositives: a.falsePositives + s.falsePositives,
    falseNegatives: a.falseNegatives + s.falseNegatives,
  }), emptyScore());
  for (const [label, s] of [...scores, ['all', total] as const]) {
    const p = precision(s);
    const r = recall(s);
    const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
    console.log(`| ${name} | ${label} | ${p.toFixed(2)} | ${r.toFixed(2)} | ${f.toFixed(2)} | ${s.truePositives} | ${s.falsePositives} | ${s.falseNegatives} |`);
  }
}
