// What reports need to know about a text that is slow to work out — its word
// count (Intl.Segmenter, about a millisecond per 3,000 characters) and its
// artifact findings per rule — kept in the workspace by the text's SHA-256:
// the same text is counted once, whichever document, session or window asks.
// A read-only or busy workspace still answers; it only keeps nothing. The
// table is a cache, not content: exports and imports leave it out.

import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { countWords } from '../core/mqm';
import { allRules, checkText } from '../core/rules';

export const textHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The rule set the stored counts were made with: the ids and the detectors'
 * code, so an update that changes a rule counts again. (A change only in a
 * helper a detector calls does not show here.)
 */
export const RULE_SET_KEY = createHash('sha256')
  .update(allRules.map((r) => `${r.id}\u0000${String(r.detect)}`).join('\u0001'))
  .digest('hex')
  .slice(0, 16);

export type RuleCounts = Readonly<Record<string, number>>;

/** Findings per rule of a text, the rules that found nothing left out. */
export function countFindings(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of checkText(text)) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
  return counts;
}

interface Fact<T> {
  /** The stored value of the row, or undefined when it must be worked out again. */
  read(row: FactRow): T | undefined;
  compute(text: string): T;
  write(db: Database, hash: string, value: T): void;
}

interface FactRow {
  words: number | null;
  rule_set: string | null;
  rule_counts: string | null;
}

const WORDS: Fact<number> = {
  read: (row) => row.words ?? undefined,
  compute: countWords,
  write: (db, hash, words) =>
    db.prepare('INSERT INTO text_facts (sha256, words) VALUES (?, ?) ON CONFLICT (sha256) DO UPDATE SET words = excluded.words').run(hash, words),
};

const FINDINGS: Fact<RuleCounts> = {
  read: (row) => (row.rule_set === RULE_SET_KEY && row.rule_counts !== null ? (JSON.parse(row.rule_counts) as RuleCounts) : undefined),
  compute: countFindings,
  write: (db, hash, counts) =>
    db
      .prepare(
        `INSERT INTO text_facts (sha256, rule_set, rule_counts) VALUES (?, ?, ?)
         ON CONFLICT (sha256) DO UPDATE SET rule_set = excluded.rule_set, rule_counts = excluded.rule_counts`,
      )
      .run(hash, RULE_SET_KEY, JSON.stringify(counts)),
};

/** One value per text, read from the workspace or worked out and kept (in one transaction for all new ones). */
function facts<T>(db: Database, texts: readonly string[], fact: Fact<T>): T[] {
  const get = db.prepare('SELECT words, rule_set, rule_counts FROM text_facts WHERE sha256 = ?');
  const found = new Map<string, T>();
  const fresh = new Map<string, T>();
  const values = texts.map((text) => {
    const hash = textHash(text);
    let value = found.get(hash) ?? fresh.get(hash);
    if (value !== undefined) return value;
    const row = get.get(hash) as FactRow | undefined;
    value = row ? fact.read(row) : undefined;
    if (value !== undefined) found.set(hash, value);
    else fresh.set(hash, (value = fact.compute(text)));
    return value;
  });
  if (fresh.size > 0 && !db.readonly) {
    try {
      db.transaction(() => {
        for (const [hash, value] of fresh) fact.write(db, hash, value);
      })();
    } catch {
      // Kept only to save time later: a workspace busy in another process, or a full disk, costs a recount, not the report.
    }
  }
  return values;
}

/** Word counts of the texts, as core/mqm countWords counts them. */
export const wordCountsOf = (db: Database, texts: readonly string[]): number[] => facts(db, texts, WORDS);

/** Findings per rule of the texts, as core/rules checkText finds them. */
export const findingCountsOf = (db: Database, texts: readonly string[]): RuleCounts[] => facts(db, texts, FINDINGS);
