// The bilingual checks, run together over one aligned pair.

import type { GlossaryEntry } from '../glossary';
import { pairTexts, type BilingualInput } from '../pair';
import type { BilingualFinding } from '../types';
import { checkConsistency } from './consistency';
import { checkKeptAsIs } from './kept-as-is';
import { checkNumbers } from './numbers';
import { checkOmissions } from './omission';
import { checkTerminology } from './terminology';
import { checkUntranslated } from './untranslated';

export { CONSISTENCY_RULE } from './consistency';
export { KEPT_AS_IS_RULE } from './kept-as-is';
export { NUMBERS_RULE } from './numbers';
export { ADDITION_RULE, OMISSION_RULE } from './omission';
export { TERMINOLOGY_RULE } from './terminology';
export { UNTRANSLATED_RULE } from './untranslated';

/** Every bilingual check's findings, ordered by where they start on the source, then on the translation. */
export function checkBilingual(input: BilingualInput, glossary: readonly GlossaryEntry[] = []): BilingualFinding[] {
  const pair = pairTexts(input);
  const findings = [
    ...checkNumbers(pair),
    ...checkOmissions(pair),
    ...checkUntranslated(pair),
    ...checkTerminology(pair, glossary),
    ...checkConsistency(pair),
    ...checkKeptAsIs(pair),
  ];
  const key = (f: BilingualFinding) => [f.source[0]?.start ?? Infinity, f.translation[0]?.start ?? Infinity];
  return findings.sort((a, b) => key(a)[0]! - key(b)[0]! || key(a)[1]! - key(b)[1]!);
}
