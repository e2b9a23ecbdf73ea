// Running the rules over a text: line by line (a line is a paragraph), on
// masked text, with offsets converted to code points once at the end.

import type { Finding } from '../model';
import { CodePointIndex } from '../offsets';
import { MASK, maskLine } from './mask';
import { selectRules } from './registry';
import type { LineContext, Rule, RuleMatch } from './rule';

export interface CheckOptions {
  /** Ids of the rules to run; all rules when absent. Unknown ids throw UnknownRuleError. */
  rules?: readonly string[];
}

/** A finding within one line: UTF-16 offsets into the line, end exclusive. */
export interface LineFinding extends Omit<Finding, 'start' | 'end'> {
  from: number;
  to: number;
  /** The finding is the whole line and its fix removes the line with its line break. */
  wholeLine: boolean;
  /** Other replacements a person may choose, never applied by "fix all safe" (see RuleMatch). */
  alternatives?: string[];
}

/**
 * Checks one line (without its line break), as the editor does for a changed
 * paragraph. Pass its neighbours too: a rule may read them (see LineContext).
 */
export function checkLine(line: string, context: LineContext = { previous: undefined, next: undefined }, rules: readonly Rule[] = selectRules()): LineFinding[] {
  const findings: LineFinding[] = [];
  detectLine(line, context, rules, (rule, match) => {
    const { rule: id, message, replacement, safe, severity } = toFinding(rule, match, match.start, match.end);
    const finding: LineFinding = { rule: id, from: match.start, to: match.end, message, replacement, safe, severity, wholeLine: match.wholeLine === true };
    if (match.alternatives) finding.alternatives = match.alternatives;
    findings.push(finding);
  });
  return findings;
}

/** Runs `rules` on the masked line, handing each usable match to `emit`. */
function detectLine(line: string, context: LineContext, rules: readonly Rule[], emit: (rule: Rule, match: RuleMatch) => void): void {
  const masked = maskLine(line);
  for (const rule of rules) {
    for (const match of rule.detect(masked, context)) {
      // A replacement built from masked text would write MASK into the document.
      if (match.replacement?.includes(MASK)) continue;
      if (match.alternatives?.some((a) => a.includes(MASK))) delete match.alternatives;
      emit(rule, match);
    }
  }
}

function toFinding(rule: Rule, match: RuleMatch, start: number, end: number): Finding {
  return {
    rule: rule.id,
    start,
    end,
    message: match.message,
    replacement: match.replacement,
    safe: rule.safe && match.safe !== false && match.replacement !== null,
    severity: rule.severity,
  };
}

/** Every finding in `text`, in code point offsets, sorted by start (then end). */
export function checkText(text: string, options: CheckOptions = {}): Finding[] {
  return checkParagraphs(text, 0, Number.POSITIVE_INFINITY, options);
}

/**
 * The findings of lines `fromLine`..`toLine` (0-based, inclusive; lines end at
 * \n, \r\n or \r) in code point offsets into the whole `text`.
 */
export function checkParagraphs(text: string, fromLine: number, toLine: number, options: CheckOptions = {}): Finding[] {
  const rules = selectRules(options.rules);
  const lines = splitLines(text);
  const found: Finding[] = [];
  for (let n = Math.max(0, fromLine); n <= Math.min(toLine, lines.length - 1); n++) {
    const line = lines[n]!;
    const content = text.slice(line.start, line.end);
    const previous = lines[n - 1];
    const next = lines[n + 1];
    const context = { previous: previous && text.slice(previous.start, previous.end), next: next && text.slice(next.start, next.end) };
    detectLine(content, context, rules, (rule, match) => {
      let start = line.start + match.start;
      let end = line.start + match.end;
      if (match.wholeLine) {
        // Take the line break along; the last line takes the one before it.
        if (line.breakEnd > line.end) end = line.breakEnd;
        else if (n > 0) start = lines[n - 1]!.end;
      }
      found.push(toFinding(rule, match, start, end));
    });
  }
  const order = new Map(rules.map((r, i) => [r.id, i]));
  found.sort((a, b) => a.start - b.start || a.end - b.end || order.get(a.rule)! - order.get(b.rule)!);
  const index = new CodePointIndex(text);
  for (const f of found) {
    f.start = index.toCodePoint(f.start);
    f.end = index.toCodePoint(f.end);
  }
  return found;
}

interface LineSpan {
  /** UTF-16 offsets of the line's text, and of the end of its line break. */
  start: number;
  end: number;
  breakEnd: number;
}

function splitLines(text: string): LineSpan[] {
  const lines: LineSpan[] = [];
  let start = 0;
  // Most texts use \n only: indexOf is several times faster than a regex.
  if (!text.includes('\r')) {
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      lines.push({ start, end, breakEnd: end + 1 });
      start = end + 1;
    }
  } else {
    for (const m of text.matchAll(/\r\n|\n|\r/g)) {
      lines.push({ start, end: m.index, breakEnd: m.index + m[0].length });
      start = m.index + m[0].length;
    }
  }
  lines.push({ start, end: text.length, breakEnd: text.length });
  return lines;
}
