// MQM (Multidimensional Quality Metrics): the error typology, the severities,
// their penalty multipliers and the score. The one place that knows them: the
// store's taxonomy preset, the annotation panels and the reports use this.

import type { Tag } from './model';

/** An error type of the typology; `children` are its subtypes. */
export interface MqmErrorType {
  /** Fixed, so adding the typology twice adds nothing and tools can recognise its tags. */
  id: string;
  name: string;
  description: string;
}

export interface MqmDimension extends MqmErrorType {
  /** CSS hex colour its tags are drawn in, `#rrggbb`. */
  color: string;
  children: readonly MqmErrorType[];
}

/** Every MQM tag's id starts with this. */
export const MQM_TAG_PREFIX = 'mqm-';

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

type Draft = { name: string; color: string; description: string; children: readonly { name: string; description: string }[] };

function typology(dimensions: readonly Draft[]): readonly MqmDimension[] {
  return dimensions.map((d) => {
    const id = `${MQM_TAG_PREFIX}${slug(d.name)}`;
    return { ...d, id, children: d.children.map((c) => ({ ...c, id: `${id}-${slug(c.name)}` })) };
  });
}

/** Translation error types after MQM-Core; their annotations carry a `severity` attribute. */
export const MQM_CORE: readonly MqmDimension[] = typology([
  {
    name: 'Terminology',
    color: '#1971c2',
    description: 'A term is not the one the domain, the client or the termbase uses',
    children: [
      { name: 'Inconsistent with termbase', description: 'Differs from the term the termbase gives' },
      { name: 'Inconsistent use of terminology', description: 'One concept is rendered by several terms' },
      { name: 'Wrong term', description: 'Not the term the domain uses' },
    ],
  },
  {
    name: 'Accuracy',
    color: '#c92a2a',
    description: 'The target does not render the source content correctly',
    children: [
      { name: 'Mistranslation', description: 'The meaning differs from the source' },
      { name: 'Omission', description: 'Content of the source is missing' },
      { name: 'Addition', description: 'Content not in the source was added' },
      { name: 'Untranslated', description: 'Source text left untranslated' },
      { name: 'Over-translation', description: 'More specific than the source' },
      { name: 'Under-translation', description: 'Less specific than the source' },
      { name: 'Do not translate', description: 'Translated although it should not have been' },
    ],
  },
  {
    name: 'Linguistic conventions',
    color: '#2b8a3e',
    description: 'Errors in the mechanics of the target language',
    children: [
      { name: 'Grammar', description: 'Morphology or syntax is wrong' },
      { name: 'Punctuation', description: 'Punctuation is wrong or missing' },
      { name: 'Spelling', description: 'A word is misspelled' },
      { name: 'Unintelligible', description: 'The text cannot be understood' },
      { name: 'Character encoding', description: 'Characters are garbled (mojibake)' },
      { name: 'Textual conventions', description: 'Capitalisation, spacing and other written conventions' },
    ],
  },
  {
    name: 'Style',
    color: '#9c36b5',
    description: 'The text is correct but reads badly or breaks a style guide',
    children: [
      { name: 'Organizational style', description: 'Breaks the organisation’s style guide' },
      { name: 'Third-party style', description: 'Breaks a third-party style guide' },
      { name: 'Inconsistent style', description: 'Style varies within the text' },
      { name: 'Unidiomatic style', description: 'Grammatical but not how a native writer would say it' },
      { name: 'Awkward style', description: 'Clumsy or hard to read' },
    ],
  },
  {
    name: 'Locale conventions',
    color: '#e67700',
    description: 'Formats that do not follow the target locale',
    children: [
      { name: 'Number format', description: 'Decimal or thousands separators, digits' },
      { name: 'Currency format', description: 'Currency symbols or codes' },
      { name: 'Measurement format', description: 'Units of measurement' },
      { name: 'Time format', description: 'Times of day' },
      { name: 'Date format', description: 'Dates' },
      { name: 'Address format', description: 'Postal addresses' },
      { name: 'Telephone format', description: 'Telephone numbers' },
      { name: 'Shortcut key', description: 'Keyboard shortcuts' },
    ],
  },
  {
    name: 'Audience appropriateness',
    color: '#0c8599',
    description: 'Content unsuited to the target audience',
    children: [
      { name: 'Culture-specific reference', description: 'A reference the audience will not understand' },
      { name: 'Offensive', description: 'Content the audience will find offensive' },
    ],
  },
  {
    name: 'Design and markup',
    color: '#5f3dc4',
    description: 'Presentation, layout and markup problems',
    children: [
      { name: 'Layout', description: 'Layout differs from the source' },
      { name: 'Markup tag', description: 'Tags are missing, misplaced or broken' },
      { name: 'Truncation/text expansion', description: 'Text is cut off or overflows' },
      { name: 'Missing text', description: 'Text is missing from the rendered output' },
      { name: 'Link/cross-reference', description: 'A link or cross-reference is broken' },
    ],
  },
]);

/** Whether annotations with this tag are MQM errors, which carry a severity. */
export const isSeverityTag = (tag: Pick<Tag, 'id'>): boolean => tag.id.startsWith(MQM_TAG_PREFIX);

/** The annotation attribute that holds an MQM error's severity. */
export const SEVERITY_ATTRIBUTE = 'severity';

export const MQM_SEVERITIES = ['neutral', 'minor', 'major', 'critical'] as const;
export type MqmSeverity = (typeof MQM_SEVERITIES)[number];

/** What a new MQM error is marked until the reviewer says otherwise. */
export const DEFAULT_SEVERITY: MqmSeverity = 'minor';

export const isMqmSeverity = (value: string): value is MqmSeverity => (MQM_SEVERITIES as readonly string[]).includes(value);

/** Penalty points per error of each severity. */
export type SeverityMultipliers = Readonly<Record<MqmSeverity, number>>;

/** MQM's usual multipliers; a scorecard may set its own. */
export const DEFAULT_MULTIPLIERS: SeverityMultipliers = { neutral: 0, minor: 1, major: 5, critical: 25 };

/**
 * The absolute penalty total of errors with these severities. A value that is
 * not a severity (attributes are free text) costs nothing.
 */
export function penaltyTotal(severities: Iterable<string>, multipliers: SeverityMultipliers = DEFAULT_MULTIPLIERS): number {
  let total = 0;
  for (const s of severities) if (isMqmSeverity(s)) total += multipliers[s];
  return total;
}

/** Thrown for figures no score can be computed from, such as a text of no words. */
export class MqmScoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MqmScoreError';
  }
}

/** Penalty points per evaluated word. */
export function perWordPenalty(penalty: number, words: number): number {
  if (!Number.isInteger(words) || words <= 0) {
    throw new MqmScoreError(`an MQM score needs a positive whole number of evaluated words, not ${words}`);
  }
  return penalty / words;
}

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Longest piece handed to the segmenter at once: it slows down more than linearly on long strings. */
const SEGMENT_PIECE = 2000;

/**
 * Words as the score counts them: Unicode word segmentation (Intl.Segmenter),
 * so Chinese and Japanese, written without spaces, are counted by words too;
 * punctuation, symbols and emoji are not words.
 */
export function countWords(text: string): number {
  // The segmenter takes about a second per megabyte: a score redrawn as annotations change counts the same text again.
  if (text === lastCounted.text) return lastCounted.words;
  let words = 0;
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + SEGMENT_PIECE);
    if (to < text.length) {
      // Cut after white space, so no word is split; a run with none (CJK) is cut between characters.
      const space = text.slice(from, to).search(/\s\S*$/);
      if (space > 0) to = from + space + 1;
      else if (/[\uD800-\uDBFF]/.test(text[to - 1]!)) to -= 1;
    }
    for (const segment of wordSegmenter.segment(text.slice(from, to))) if (segment.isWordLike) words += 1;
    from = to;
  }
  lastCounted = { text, words };
  return words;
}

let lastCounted = { text: '', words: 0 };

export interface MqmScore {
  /** Absolute penalty total. */
  penalty: number;
  /** Evaluated word count. */
  words: number;
  perWordPenalty: number;
  /** 100 × (1 − per-word penalty), floored at 0. */
  score: number;
}

/** The score of a text of `words` words with errors of these severities. Throws MqmScoreError for no words. */
export function mqmScore(severities: Iterable<string>, words: number, multipliers: SeverityMultipliers = DEFAULT_MULTIPLIERS): MqmScore {
  const penalty = penaltyTotal(severities, multipliers);
  const perWord = perWordPenalty(penalty, words);
  return { penalty, words, perWordPenalty: perWord, score: Math.max(0, 100 * (1 - perWord)) };
}
