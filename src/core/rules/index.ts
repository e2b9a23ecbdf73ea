// Artifact rules: the registry, checking and fixing.

export { checkLine, checkParagraphs, checkText, type CheckOptions, type LineFinding } from './check';
export { applyFinding, fixAllSafe, type AppliedFix } from './fix';
export { maskLine, MASK } from './mask';
export { allRules, selectRules, UnknownRuleError } from './registry';
export type { LineContext, Rule, RuleMatch } from './rule';
