// Terminology: a glossary source term in a source sentence whose aligned
// translation lacks the required target term. The fix is offered when the
// translation holds one of the entry's forbidden variants (then it is known
// what to replace); otherwise only a human can say where the term belongs.

import type { GlossaryEntry } from '../glossary';
import { codePointSpan, within, type BilingualPair } from '../pair';
import { isCjk } from '../sentences';
import type { BilingualFinding } from '../types';

export const TERMINOLOGY_RULE = 'terminology';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern for a term: exact in CJK; whole words, any case, simple plurals in Latin script. */
function termPattern(term: string, language: string): RegExp {
  if (isCjk(language)) return new RegExp(escape(term), 'g');
  const words = term.trim().split(/\s+/).map(escape).join('[\\s-]+');
  return new RegExp(`(?<![\\p{L}\\p{Nd}])${words}(?:s|es)?(?![\\p{L}\\p{Nd}])`, 'giu');
}

export function checkTerminology(pair: BilingualPair, glossary: readonly GlossaryEntry[]): BilingualFinding[] {
  const findings: BilingualFinding[] = [];
  // Longer source terms first, so 中国银行 claims its text before 中国 does.
  const entries = [...glossary].sort((a, b) => [...b.source].length - [...a.source].length);
  const sourcePatterns = entries.map((e) => termPattern(e.source, pair.sourceLanguage));
  for (const link of pair.links) {
    if (!link.source || !link.translation) continue;
    const claimed: boolean[] = [];
    entries.forEach((entry, i) => {
      for (const m of link.sourceText.matchAll(sourcePatterns[i]!)) {
        const from = m.index;
        const to = m.index + m[0].length;
        if (claimed.slice(from, to).some(Boolean)) continue;
        for (let k = from; k < to; k++) claimed[k] = true;
        if (termPattern(entry.target, pair.translationLanguage).test(link.translationText)) continue;
        const sourceSpan = within(link.source!, codePointSpan(link.sourceText, from, to));
        const wrong = entry.forbidden
          .map((variant) => termPattern(variant, pair.translationLanguage).exec(link.translationText))
          .find((hit) => hit !== null);
        const wrongSpan = wrong ? within(link.translation!, codePointSpan(link.translationText, wrong.index, wrong.index + wrong[0].length)) : null;
        findings.push({
          rule: TERMINOLOGY_RULE,
          side: 'translation',
          source: [sourceSpan],
          translation: [wrongSpan ?? link.translation!],
          message: wrong
            ? `“${entry.source}” must be translated “${entry.target}”, not “${wrong[0]}”.`
            : `“${entry.source}” must be translated “${entry.target}”, which the translation lacks.`,
          fix: wrongSpan ? { start: wrongSpan.start, end: wrongSpan.end, replacement: matchCase(entry.target, wrong![0]) } : null,
          safe: false,
          severity: 'warning',
        });
      }
    });
  }
  return findings;
}

/** The target term with the first letter's case of the text it replaces (sentence-initial words). */
function matchCase(target: string, replaced: string): string {
  const first = replaced[0] ?? '';
  if (first !== first.toUpperCase() || first === first.toLowerCase()) return target;
  return target[0]!.toUpperCase() + target.slice(1);
}
