// What an artifact rule is. Rules look at one line (= one paragraph) at a
// time, so the editor can re-check only the paragraphs an edit touched.

import type { FindingSeverity } from '../model';

/** What a rule may know about the line it checks besides its text. */
export interface LineContext {
  /**
   * The lines before and after it (undefined at the text's ends). Only the
   * quote-and-bracket rule reads them — a pair may span a hard-wrapped line
   * break, and a quotation running over paragraphs reopens on each — so after
   * an edit the editor re-checks the changed lines and one on either side.
   */
  previous: string | undefined;
  next: string | undefined;
}

/** A rule's match: UTF-16 offsets into the line, end exclusive. */
export interface RuleMatch {
  start: number;
  end: number;
  message: string;
  /** Text to put in place of [start, end), or null when only a human can fix it. */
  replacement: string | null;
  /**
   * Other fixes a person may choose instead of `replacement` (never applied
   * unattended): `security, provide` besides `security, Provide`.
   */
  alternatives?: string[];
  /** Overrides the rule's `safe` for this match (only ever to make it unsafe). */
  safe?: false;
  /** The match is the whole line, and its fix removes the line with its line break. */
  wholeLine?: true;
}

export interface Rule {
  /** Kebab-case, stable: stored with dismissals and edits (`rule:<id>`). */
  id: string;
  description: string;
  severity: FindingSeverity;
  /** Whether its fixes may be applied unattended ("fix all safe"). */
  safe: boolean;
  /**
   * Finds artifacts in one line without its line break. The line arrives
   * masked: URLs, e-mail addresses, domains and file names are replaced by
   * MASK characters of the same length, so no rule looks inside them.
   */
  detect(line: string, context: LineContext): RuleMatch[];
}
