// Applying and dismissing findings.

import { closeHistory } from 'prosemirror-history';
import type { EditorState, Transaction } from 'prosemirror-state';
import { allFindings, findingAt, type PlacedFinding } from './findings';
import { DocPositions } from './positions';
import { markOrigin } from './origins';

type Dispatch = (tr: Transaction) => void;

/**
 * Adds `finding`'s fix to `tr` (positions of `tr.doc`), or the alternative
 * `replacement` the person chose (one of the finding's `alternatives`); false when it has none.
 */
function addFix(tr: Transaction, finding: PlacedFinding, replacement = finding.finding.replacement): boolean {
  const { wholeLine, rule } = finding.finding;
  if (replacement === null) return false;
  const steps = tr.steps.length;
  if (wholeLine) {
    // Remove the line with its line break: the next line's break if it has one, else the previous.
    const positions = DocPositions.ofTransform(tr);
    const index = positions.paragraphAt(finding.from);
    const block = positions.blockParagraphs(positions.blockOf(index));
    const paragraphStart = positions.start(index) - 1;
    const paragraphEnd = positions.end(index) + 1;
    // The line's own block goes with it when it is the block's only line (a block is never empty).
    if (index + 1 < positions.count && block.first === block.last) tr.delete(paragraphStart - 1, paragraphEnd + 1);
    else if (index + 1 < positions.count) tr.delete(paragraphStart, paragraphEnd);
    else if (index > 0) tr.delete(positions.end(index - 1), positions.end(index));
    else tr.delete(paragraphStart + 1, paragraphEnd - 1);
  } else if (replacement === '') {
    tr.delete(finding.from, finding.to);
  } else {
    tr.insertText(replacement, finding.from, finding.to);
  }
  markOrigin(tr, `rule:${rule}`, steps);
  return true;
}

export function applyFix(state: EditorState, dispatch: Dispatch, finding: PlacedFinding, alternative?: string): boolean {
  if (alternative !== undefined && !finding.finding.alternatives?.includes(alternative)) return false;
  const tr = state.tr;
  if (!addFix(tr, finding, alternative)) return false;
  dispatch(closeHistory(tr).scrollIntoView());
  return true;
}

/** Mod-.: applies the fix of the finding under the caret. */
export function applyFixAtCaret(state: EditorState, dispatch?: Dispatch): boolean {
  const finding = findingAt(state, state.selection.head);
  if (!finding || finding.finding.replacement === null) return false;
  return dispatch ? applyFix(state, dispatch, finding) : true;
}

// Fixes may reveal fixes (a repaired character revealing a missing space): a few rounds.
const MAX_ROUNDS = 10;

/**
 * Applies every safe fix shown (dismissed ones are not shown), of one rule or
 * all, round after round until none is left. One undo undoes them all.
 */
export function fixAllSafe(getState: () => EditorState, dispatch: Dispatch, rule?: string): number {
  let count = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const state = getState();
    const fixes = allFindings(state).filter((f) => f.finding.safe && f.finding.replacement !== null && (!rule || f.finding.rule === rule));
    if (fixes.length === 0) break;
    const tr = state.tr;
    if (round === 0) closeHistory(tr);
    let lastEnd = -1;
    for (const f of fixes) {
      if (f.from < lastEnd) continue; // overlaps a fix of this round: next round
      const mapped = { ...f, from: tr.mapping.map(f.from, 1), to: tr.mapping.map(f.to, -1) };
      if (addFix(tr, mapped)) count++;
      lastEnd = f.to;
    }
    if (!tr.docChanged) break;
    dispatch(tr);
  }
  return count;
}
