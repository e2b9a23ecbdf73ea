// Sentence alignment: Gale–Church's length-based dynamic program over beads
// 1-1, 1-2, 2-1, 2-2, 1-0 and 0-1, with the character ratio and its variance
// estimated per document (a first pass, then a second with the estimates from
// its 1-1 links), and a bonus for anchors (numbers, Latin names, URLs) found
// on both sides of a bead and a penalty for those missing on the other side.
//
// When both texts have the same number of paragraphs, each paragraph is
// aligned with its counterpart: machine translation keeps paragraphs.

import { anchorSetOf, anchorsOf, figuresOf } from './anchors';
import { isCjk, splitSentences } from './sentences';
import { IndexedText } from './text-spans';
import type { AlignmentLink, Span } from './types';

export interface AlignOptions {
  sourceLanguage: string;
  translationLanguage: string;
  /** Sentences to use instead of splitting (e.g. from a user's correction). */
  sourceSentences?: Span[];
  translationSentences?: Span[];
}

interface Sentence {
  span: Span;
  length: number;
  anchors: string[];
  offers: Set<string>;
  paragraph: number;
  /** Ends with a semicolon rather than a full stop, question or exclamation mark. */
  semicolon: boolean;
}

// Bead types: [source sentences, translation sentences, prior probability].
// Machine translation keeps sentences one to one far more than a human
// translator does, and merges or drops one now and then; 2-2 is rare.
const BEADS: readonly (readonly [number, number, number])[] = [
  [1, 1, 0.9],
  [1, 0, 0.01],
  [0, 1, 0.01],
  [2, 1, 0.04],
  [1, 2, 0.04],
  [2, 2, 0.002],
];
/**
 * A dropped or added sentence is one event whatever its length: past this
 * many deviations its length no longer adds cost (Gale–Church's squared
 * penalty would otherwise glue every omitted sentence to a neighbour).
 */
const MAX_GAP_DELTA = 1;
const BEAD_COST = BEADS.map(([, , p]) => -Math.log(p));
/**
 * Merging two source sentences into one translation sentence is likely when
 * the first ends with a semicolon (English keeps ； as ;) and unlikely when it
 * ends with a full stop, which machine translation keeps: there a merge is
 * more often a dropped sentence.
 */
const SEMICOLON_MERGE_COST = -Math.log(0.1);
const FULL_STOP_MERGE_COST = -Math.log(0.005);
const ANCHOR_WEIGHT = 1.5;
/** Gale and Church's variance (6.8 at a ratio of 1), scaled with the ratio; and how many links it weighs. */
const PRIOR_VARIANCE_PER_RATIO = 6.8;
const PRIOR_LINKS = 10;

/** Aligns the sentences of `source` with those of `translation`. */
export function alignTexts(source: string, translation: string, options: AlignOptions): AlignmentLink[] {
  const src = sentencesOf(new IndexedText(source), options.sourceLanguage, options.sourceSentences, true);
  const tgt = sentencesOf(new IndexedText(translation), options.translationLanguage, options.translationSentences, false);
  if (src.length === 0 || tgt.length === 0) {
    return [...src.map((s) => ({ source: s.span, translation: null })), ...tgt.map((t) => ({ source: null, translation: t.span }))];
  }
  const ratio = sum(tgt) / Math.max(1, sum(src));
  let model: LengthModel = { ratio, variance: PRIOR_VARIANCE_PER_RATIO * ratio };
  const groups = paragraphGroups(src, tgt);
  let links = groups.flatMap(([s, t]) => alignSentences(s, t, model));
  model = reestimate(links, src, tgt, model);
  links = groups.flatMap(([s, t]) => alignSentences(s, t, model));
  return links.map(({ source: s, translation: t }) => ({ source: cover(s), translation: cover(t) }));
}

interface LengthModel {
  ratio: number;
  variance: number;
}

interface SentenceLink {
  source: Sentence[];
  translation: Sentence[];
}

function sum(sentences: Sentence[]): number {
  return sentences.reduce((n, s) => n + s.length, 0);
}

function cover(sentences: Sentence[]): Span | null {
  if (sentences.length === 0) return null;
  return { start: sentences[0]!.span.start, end: sentences[sentences.length - 1]!.span.end };
}

function sentencesOf(text: IndexedText, language: string, given: Span[] | undefined, isSource: boolean): Sentence[] {
  const spans = given ?? splitSentences(text.text, language);
  let paragraph = 0;
  let previousEnd = 0;
  return spans.map((span) => {
    const content = text.slice(span);
    if (/\n\s*$|\n/.test(text.slice({ start: previousEnd, end: span.start })) && previousEnd > 0) paragraph++;
    previousEnd = span.end;
    return {
      span,
      length: lengthOf(content, language),
      anchors: isSource ? anchorsOf(content, language) : figuresOf(content, language),
      offers: anchorSetOf(content, language),
      paragraph,
      semicolon: /[；;]\s*$/.test(content),
    };
  });
}

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/**
 * A sentence's length for the length model. In CJK text a run of Latin
 * letters or digits (a name, a URL, a figure) is as long as it will be in the
 * translation, not three times longer as a Han character's share is: it
 * counts a third.
 */
function lengthOf(content: string, language: string): number {
  const visible = content.replace(/\s+/g, '').length;
  if (!isCjk(language)) return visible;
  const cjk = content.match(CJK_CHAR)?.length ?? 0;
  return cjk + (visible - cjk) / 3;
}

/** Pairs of sentence lists to align separately: one per paragraph when the counts match, else all. */
function paragraphGroups(src: Sentence[], tgt: Sentence[]): [Sentence[], Sentence[]][] {
  const count = (s: Sentence[]) => s[s.length - 1]!.paragraph + 1;
  if (count(src) !== count(tgt) || count(src) === 1) return [[src, tgt]];
  const groups: [Sentence[], Sentence[]][] = Array.from({ length: count(src) }, () => [[], []]);
  for (const s of src) groups[s.paragraph]![0].push(s);
  for (const t of tgt) groups[t.paragraph]![1].push(t);
  // Equal counts by coincidence (a heading dropped, two paragraphs merged elsewhere) show as a paragraph
  // far longer or shorter than the document's ratio: then trust no paragraph break.
  const ratio = sum(tgt) / Math.max(1, sum(src));
  const fits = groups.every(([s, t]) => Math.abs(Math.log((sum(t) + 10 * ratio) / (ratio * sum(s) + 10 * ratio))) < 0.35);
  return fits ? groups : [[src, tgt]];
}

/** The ratio and variance seen on the confident (1-1) links of a first pass. */
function reestimate(links: SentenceLink[], src: Sentence[], tgt: Sentence[], model: LengthModel): LengthModel {
  const ones = links.filter((l) => l.source.length === 1 && l.translation.length === 1);
  if (ones.length < 5) return model;
  const ratio = sum(ones.map((l) => l.translation[0]!)) / Math.max(1, sum(ones.map((l) => l.source[0]!)));
  const squares = ones.map((l) => (l.translation[0]!.length - ratio * l.source[0]!.length) ** 2 / Math.max(1, l.source[0]!.length));
  squares.sort((a, b) => a - b);
  // The median of a squared normal deviate is 0.455 σ²: robust to the few misaligned pairs.
  const measured = squares[squares.length >> 1]! / 0.455;
  const fallback = sum(tgt) / Math.max(1, sum(src));
  const r = ratio || fallback;
  // Shrunk toward a prior worth PRIOR_LINKS links, so a short text's few pairs do not make the model overconfident.
  const variance = (PRIOR_LINKS * PRIOR_VARIANCE_PER_RATIO * r + ones.length * measured) / (PRIOR_LINKS + ones.length);
  return { ratio: r, variance: Math.min(50 * r, Math.max(0.5 * r, variance)) };
}

/** The two-sided tail probability of a standard normal beyond |z| (Abramowitz–Stegun 26.2.17). */
function tail(z: number): number {
  const x = Math.abs(z);
  const t = 1 / (1 + 0.2316419 * x);
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return Math.max(1e-12, 2 * (Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI)) * poly);
}

function lengthCost(l1: number, l2: number, model: LengthModel): number {
  if (l1 === 0 && l2 === 0) return 0;
  const mean = (l1 + l2 / model.ratio) / 2;
  let delta = (l2 - l1 * model.ratio) / Math.sqrt(Math.max(1, mean) * model.variance);
  if (l1 === 0 || l2 === 0) delta = Math.min(MAX_GAP_DELTA, Math.abs(delta));
  return -Math.log(tail(delta));
}

function anchorCost(source: Sentence[], translation: Sentence[]): number {
  let cost = 0;
  for (const s of source) {
    for (const anchor of s.anchors) {
      const found = translation.some((t) => t.offers.has(anchor));
      cost += found ? -ANCHOR_WEIGHT : translation.length > 0 ? ANCHOR_WEIGHT : 0;
    }
  }
  // A figure in the translation that the linked source lacks speaks against the link (found ones were counted above).
  if (source.length > 0) {
    for (const t of translation) for (const anchor of t.anchors) if (!source.some((s) => s.offers.has(anchor))) cost += ANCHOR_WEIGHT;
  }
  return cost;
}

/** The DP over one group, in a band around the diagonal for long texts. */
function alignSentences(src: Sentence[], tgt: Sentence[], model: LengthModel): SentenceLink[] {
  const n = src.length;
  const m = tgt.length;
  if (n === 0 || m === 0) {
    return [...src.map((s) => ({ source: [s], translation: [] })), ...tgt.map((t) => ({ source: [], translation: [t] }))];
  }
  const width = Math.max(m, n) <= 400 ? Math.max(m, n) + 2 : Math.ceil(Math.abs(n - m) + 100 + 0.05 * Math.max(n, m));
  const lo = (i: number) => Math.max(0, Math.floor((i * m) / n) - width);
  const hi = (i: number) => Math.min(m, Math.ceil((i * m) / n) + width);
  const rowWidth = 2 * width + 3;
  const cost = new Float64Array((n + 1) * rowWidth).fill(Infinity);
  const back = new Int8Array((n + 1) * rowWidth).fill(-1);
  const at = (i: number, j: number) => (j < lo(i) || j > hi(i) ? -1 : i * rowWidth + (j - lo(i)));
  cost[at(0, 0)] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = lo(i); j <= hi(i); j++) {
      const here = at(i, j);
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let bestBead = -1;
      for (let b = 0; b < BEADS.length; b++) {
        const [di, dj] = BEADS[b]!;
        if (i < di || j < dj) continue;
        const prev = at(i - di, j - dj);
        if (prev < 0 || cost[prev] === Infinity) continue;
        const s = src.slice(i - di, i);
        const t = tgt.slice(j - dj, j);
        const prior = di === 2 ? (s[0]!.semicolon ? SEMICOLON_MERGE_COST : FULL_STOP_MERGE_COST) + (dj === 2 ? BEAD_COST[b]! - BEAD_COST[3]! : 0) : BEAD_COST[b]!;
        const c = cost[prev]! + prior + lengthCost(sum(s), sum(t), model) + anchorCost(s, t);
        if (c < best) {
          best = c;
          bestBead = b;
        }
      }
      cost[here] = best;
      back[here] = bestBead;
    }
  }
  const links: SentenceLink[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const b = back[at(i, j)]!;
    if (b < 0) throw new Error(`alignment found no path at ${i}, ${j}`);
    const [di, dj] = BEADS[b]!;
    links.push({ source: src.slice(i - di, i), translation: tgt.slice(j - dj, j) });
    i -= di;
    j -= dj;
  }
  return links.reverse();
}
