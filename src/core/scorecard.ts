// The MQM 2.0 linear scorecard: errors by type × severity, the absolute
// penalty total, the penalty per evaluated word, the quality score and the
// verdict against the workspace's threshold. Figures come in already counted
// (the store counts them in SQL); the arithmetic is mqm.ts's.

import {
  DEFAULT_MULTIPLIERS,
  isMqmSeverity,
  MQM_SEVERITIES,
  MqmScoreError,
  mqmScore,
  type MqmSeverity,
  type SeverityMultipliers,
} from './mqm';

/** What a workspace sets for its scorecards. */
export interface MqmSettings {
  multipliers: SeverityMultipliers;
  /** Lowest quality score that passes, 0–100. */
  threshold: number;
}

export const DEFAULT_MQM_SETTINGS: MqmSettings = { multipliers: DEFAULT_MULTIPLIERS, threshold: 95 };

/** Errors of one type and one severity value, as counted. */
export interface ErrorCount {
  /** The top-level MQM tag (dimension), e.g. `mqm-accuracy`. */
  categoryId: string;
  /** The subtype tag, or null when the error was tagged with the dimension itself. */
  subcategoryId: string | null;
  /** The annotation's severity attribute as stored; null when it has none. */
  severity: string | null;
  count: number;
}

export type SeverityCounts = Record<MqmSeverity, number>;

export interface ScorecardRow {
  categoryId: string;
  subcategoryId: string | null;
  counts: SeverityCounts;
  /** Errors whose severity is missing or not one of MQM's. They cost nothing. */
  unrated: number;
  penalty: number;
}

export interface Scorecard {
  /** Evaluation word count. */
  words: number;
  settings: MqmSettings;
  /** By category then subcategory (the dimension's own row first). */
  rows: ScorecardRow[];
  totals: SeverityCounts;
  unrated: number;
  errorCount: number;
  /** Absolute penalty total. */
  penalty: number;
  perWordPenalty: number;
  /** 100 × (1 − per-word penalty), floored at 0. */
  score: number;
  verdict: 'pass' | 'fail';
}

const noCounts = (): SeverityCounts => ({ neutral: 0, minor: 0, major: 0, critical: 0 });

/**
 * The scorecard of a text (or a set of texts) of `words` evaluated words.
 * Throws MqmScoreError when there are no words: a score per word of nothing is not a score.
 */
export function scorecard(errors: readonly ErrorCount[], words: number, settings: MqmSettings = DEFAULT_MQM_SETTINGS): Scorecard {
  const byType = new Map<string, ScorecardRow>();
  const totals = noCounts();
  let unrated = 0;
  for (const e of errors) {
    if (e.count === 0) continue;
    const key = `${e.categoryId}\u0000${e.subcategoryId ?? ''}`;
    let row = byType.get(key);
    if (!row) byType.set(key, (row = { categoryId: e.categoryId, subcategoryId: e.subcategoryId, counts: noCounts(), unrated: 0, penalty: 0 }));
    if (e.severity !== null && isMqmSeverity(e.severity)) {
      row.counts[e.severity] += e.count;
      totals[e.severity] += e.count;
      row.penalty += e.count * settings.multipliers[e.severity];
    } else {
      row.unrated += e.count;
      unrated += e.count;
    }
  }
  const rows = [...byType.values()].sort(
    (a, b) => compare(a.categoryId, b.categoryId) || (a.subcategoryId === null ? -1 : b.subcategoryId === null ? 1 : compare(a.subcategoryId, b.subcategoryId)),
  );
  const severities = MQM_SEVERITIES.flatMap((s) => Array<string>(totals[s]).fill(s));
  const score = mqmScore(severities, words, settings.multipliers);
  return {
    words,
    settings,
    rows,
    totals,
    unrated,
    errorCount: MQM_SEVERITIES.reduce((n, s) => n + totals[s], unrated),
    penalty: score.penalty,
    perWordPenalty: score.perWordPenalty,
    score: score.score,
    verdict: score.score >= settings.threshold ? 'pass' : 'fail',
  };
}

/** The scorecard, or the reason there is none (no words), for lists where one text must not stop the rest. */
export function scorecardOrProblem(errors: readonly ErrorCount[], words: number, settings?: MqmSettings): { scorecard: Scorecard } | { problem: string } {
  try {
    return { scorecard: scorecard(errors, words, settings) };
  } catch (error) {
    if (error instanceof MqmScoreError) return { problem: error.message };
    throw error;
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
