// The bilingual model's value types. Every range is in Unicode code points of
// the text it names (source or translation), end exclusive.

import type { FindingSeverity } from '../model';

export interface Span {
  start: number;
  end: number;
}

export type Side = 'source' | 'translation';

/**
 * One link of an alignment: consecutive source sentences and the consecutive
 * translation sentences that render them. A null side is an omission (no
 * translation) or an addition (no source).
 */
export interface AlignmentLink {
  source: Span | null;
  translation: Span | null;
}

/** A fix proposed by a bilingual check; it always changes the translation. */
export interface BilingualFix {
  start: number;
  end: number;
  replacement: string;
}

/** What a bilingual check found, with its ranges on both sides. */
export interface BilingualFinding {
  rule: string;
  /** The side the finding is mainly about (an omission is on the source). */
  side: Side;
  source: Span[];
  translation: Span[];
  message: string;
  fix: BilingualFix | null;
  /** Whether the fix may be applied unattended. */
  safe: boolean;
  severity: FindingSeverity;
}

/** The exchange formats whose files are kept for writing back. */
export type ExchangeFormat = 'xliff';

/** A document's source: its text (kept exactly), its language and the alignment with the translation. */
export interface BilingualSource {
  text: string;
  /** BCP 47. */
  language: string;
  alignment: AlignmentLink[];
  /** The imported exchange file, kept so that writing back keeps what Scholia did not read. */
  exchange: { format: ExchangeFormat; text: string } | null;
}
