// The bilingual core: sentences, numbers, alignment, checks, and the
// exchange formats that carry a source with its translation.

export type { AlignmentLink, BilingualFinding, BilingualFix, BilingualSource, ExchangeFormat, Side, Span } from './types';
export { isCjk, segmenterSentences, splitSentences } from './sentences';
export { findNumbers, parseChineseNumeral, type NumberMention, type NumberKind } from './numbers';
export { alignTexts, type AlignOptions } from './align';
export { mapAlignment, mapAlignmentThrough, annotationRule, type RangeMapper } from './follow-edits';
export { checkBilingual } from './checks/index';
export type { BilingualInput } from './pair';
export { checkPairing, type PairingVerdict } from './pairing';
export { glossaryFromCsv, glossaryFromTbx, glossaryToCsv, GlossaryError, type GlossaryEntry, type GlossaryResult } from './glossary';
export * as xliff from './xliff';
export * as tmx from './tmx';
export { alignmentProblem, applyAlignmentOperation, AlignmentError, MAX_ALIGNMENT_LINKS, type AlignmentOperation } from './alignment-edits';
