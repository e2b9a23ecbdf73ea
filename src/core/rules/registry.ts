// Every rule, in the order their findings are listed at the same offset.

import { duplicatedPhrase } from './duplicated-phrase';
import { fullWidthPunctuation } from './full-width-punctuation';
import { gluedModal } from './glued-modal';
import { missingSpaceAfterComma } from './missing-space-after-comma';
import { missingSpaceAfterSentence } from './missing-space-after-sentence';
import { mojibake } from './mojibake';
import { repeatedSpaces } from './repeated-spaces';
import { repeatedWord } from './repeated-word';
import type { Rule } from './rule';
import { sourceBoilerplate } from './source-boilerplate';
import { spaceBeforePunctuation } from './space-before-punctuation';
import { unbalancedQuotesOrBrackets } from './unbalanced-quotes-or-brackets';
import { untranslatedCjk } from './untranslated-cjk';

export const allRules: readonly Rule[] = [
  mojibake,
  missingSpaceAfterSentence,
  missingSpaceAfterComma,
  gluedModal,
  spaceBeforePunctuation,
  repeatedSpaces,
  fullWidthPunctuation,
  repeatedWord,
  duplicatedPhrase,
  untranslatedCjk,
  unbalancedQuotesOrBrackets,
  sourceBoilerplate,
];

export class UnknownRuleError extends Error {
  constructor(readonly unknown: string[]) {
    super(`unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; known rules: ${allRules.map((r) => r.id).join(', ')}`);
    this.name = 'UnknownRuleError';
  }
}

/** The rules with the given ids (all of them when `ids` is undefined), in registry order. */
export function selectRules(ids?: readonly string[]): readonly Rule[] {
  if (ids === undefined) return allRules;
  const unknown = ids.filter((id) => !allRules.some((r) => r.id === id));
  if (unknown.length > 0) throw new UnknownRuleError(unknown);
  return allRules.filter((r) => ids.includes(r.id));
}
