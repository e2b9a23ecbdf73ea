// Scoring the rules on corpus documents: per rule, how many marked artifacts
// they find, how many of their findings are right, how many fall on traps or
// on corrected text, and how much of the distance to the reference the safe
// fixes close.

import { allRules, applyFinding, checkText, fixAllSafe } from '../../src/core/rules';
import type { CorpusDocument, Span } from './corpus';
import { editDistance } from './distance';

export interface RuleScore {
  rule: string;
  /** Marked artifacts, and those a finding of the rule overlaps. */
  artifacts: number;
  found: number;
  /** Findings, and those overlapping an artifact of the rule. */
  findings: number;
  right: number;
  /** Findings overlapping an artifact of another kind: neither right nor wrong. */
  elsewhere: number;
  /** Wrong findings that overlap a marked trap. */
  trapHits: number;
  /** Findings on the reference (corrected) texts. */
  onReference: number;
  /** Edit distance the rule's artifacts add, and what the rule's safe fixes leave of it. */
  distance: number;
  remaining: number;
}

export interface PartScore {
  rules: RuleScore[];
  /** All rules together: distance original→reference, and fixed→reference (safe fixes; every fix, suggestions too). */
  distance: number;
  remaining: number;
  remainingAllFixes: number;
  traps: number;
  documents: number;
  characters: number;
  /** Wrong findings, for reading: document, rule and the text around them. */
  misses: string[];
  wrong: string[];
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** `original` with the artifacts `keep` selects replaced by their reference. */
function partlyCorrected(doc: CorpusDocument, keep: (rule: string) => boolean): string {
  const chars = [...doc.original];
  for (const a of [...doc.artifacts].sort((x, y) => y.start - x.start)) {
    if (keep(a.rule)) chars.splice(a.start, a.end - a.start, a.reference);
  }
  return chars.join('');
}

/** `text` with every fix applied, suggestions too, as a person accepting each one would: first finding first, until none is left. */
function fixAll(text: string): string {
  let current = text;
  for (let round = 0; round < 10; round++) {
    const findings = checkText(current).filter((f) => f.replacement !== null);
    if (findings.length === 0) break;
    // From last to first, skipping overlaps, so offsets hold.
    let limit = Number.POSITIVE_INFINITY;
    for (const f of [...findings].reverse()) {
      if (f.end > limit) continue;
      current = applyFinding(current, f);
      limit = f.start;
    }
  }
  return current;
}

function around(text: string, span: Span): string {
  const chars = [...text];
  return JSON.stringify(`${chars.slice(Math.max(0, span.start - 25), span.start).join('')}[${chars.slice(span.start, span.end).join('')}]${chars.slice(span.end, span.end + 25).join('')}`);
}

export function scorePart(documents: CorpusDocument[]): PartScore {
  const scores = new Map<string, RuleScore>(
    allRules.map((r) => [r.id, { rule: r.id, artifacts: 0, found: 0, findings: 0, right: 0, elsewhere: 0, trapHits: 0, onReference: 0, distance: 0, remaining: 0 }]),
  );
  const part: PartScore = { rules: [...scores.values()], distance: 0, remaining: 0, remainingAllFixes: 0, traps: 0, documents: documents.length, characters: 0, misses: [], wrong: [] };
  for (const doc of documents) {
    part.traps += doc.traps.length;
    part.characters += doc.original.length;
    const findings = checkText(doc.original);
    for (const a of doc.artifacts) {
      const s = scores.get(a.rule)!;
      s.artifacts++;
      if (findings.some((f) => f.rule === a.rule && overlaps(f, a))) s.found++;
      else part.misses.push(`${doc.name} ${a.rule} ${around(doc.original, a)}`);
    }
    for (const f of findings) {
      const s = scores.get(f.rule)!;
      s.findings++;
      if (doc.artifacts.some((a) => a.rule === f.rule && overlaps(f, a))) s.right++;
      else if (doc.artifacts.some((a) => overlaps(f, a))) s.elsewhere++;
      else {
        if (doc.traps.some((t) => overlaps(f, t))) s.trapHits++;
        part.wrong.push(`${doc.name} ${f.rule} ${around(doc.original, f)}`);
      }
    }
    for (const f of checkText(doc.reference)) {
      scores.get(f.rule)!.onReference++;
      part.wrong.push(`${doc.name} (reference) ${f.rule} ${around(doc.reference, f)}`);
    }
    part.distance += editDistance(doc.original, doc.reference);
    part.remaining += editDistance(fixAllSafe(doc.original).text, doc.reference);
    part.remainingAllFixes += editDistance(fixAll(doc.original), doc.reference);
    for (const rule of new Set(doc.artifacts.map((a) => a.rule))) {
      const s = scores.get(rule)!;
      const target = partlyCorrected(doc, (r) => r === rule);
      s.distance += editDistance(doc.original, target);
      s.remaining += editDistance(fixAllSafe(doc.original, { rules: [rule] }).text, target);
    }
  }
  return part;
}
