// Gold entities written inline as `[text](label)` (tests/fixtures/suggestions),
// and scoring suggestions against them: a suggestion counts when its span and
// its label are exactly a gold one's.

import { codePointLength } from '../../src/core/offsets';

export interface Span {
  start: number;
  end: number;
  label: string;
}

export interface GoldText {
  name: string;
  text: string;
  gold: Span[];
}

const MARK = /\[([^\]]+)\]\(([a-z]+)\)/g;

/** The plain text and its gold spans (code point offsets). */
export function parseGold(name: string, marked: string): GoldText {
  const gold: Span[] = [];
  let text = '';
  let last = 0;
  for (const match of marked.matchAll(MARK)) {
    text += marked.slice(last, match.index);
    const start = codePointLength(text);
    text += match[1]!;
    gold.push({ start, end: codePointLength(text), label: match[2]! });
    last = match.index + match[0].length;
  }
  text += marked.slice(last);
  return { name, text, gold };
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export const emptyScore = (): Score => ({ truePositives: 0, falsePositives: 0, falseNegatives: 0 });

/** Adds one text's counts, per label, into `scores`. */
export function score(gold: readonly Span[], predicted: readonly Span[], labels: readonly string[], scores: Map<string, Score>): void {
  const key = (s: Span): string => `${s.start}:${s.end}:${s.label}`;
  const goldKeys = new Set(gold.map(key));
  const predictedKeys = new Set(predicted.map(key));
  for (const label of labels) {
    const s = scores.get(label) ?? emptyScore();
    for (const p of predictedKeys) if (p.endsWith(`:${label}`)) (goldKeys.has(p) ? s.truePositives++ : s.falsePositives++);
    for (const g of goldKeys) if (g.endsWith(`:${label}`) && !predictedKeys.has(g)) s.falseNegatives++;
    scores.set(label, s);
  }
}

export function precision(s: Score): number {
  return s.truePositives + s.falsePositives === 0 ? 0 : s.truePositives / (s.truePositives + s.falsePositives);
}

export function recall(s: Score): number {
  return s.truePositives + s.falseNegatives === 0 ? 0 : s.truePositives / (s.truePositives + s.falseNegatives);
}
