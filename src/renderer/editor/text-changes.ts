// What a transaction did to the text, as changes in code points: the edits
// the store records. Derived per step from the paragraphs the step touched.
// Kept over prosemirror-changeset 2.4.6: it gives merged ranges in editor
// positions, not each step's change in code points, and does not see a step
// that changes only a line ending.

import type { Node } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import type { StepMap } from 'prosemirror-transform';
import type { TextChange } from '../../core/model';
import { codePointLength } from '../../core/offsets';
import { DocPositions } from './positions';
import { lineEnding } from './text-doc';

export function textChangesOf(tr: Transaction): TextChange[] {
  return stepChangesOf(tr).map((c) => c.change);
}

/** The text change of each step that changed the text, with the step's index. */
export function stepChangesOf(tr: Transaction): { step: number; change: TextChange }[] {
  const changes: { step: number; change: TextChange }[] = [];
  tr.steps.forEach((step, i) => {
    const before = tr.docs[i]!;
    const after = i + 1 < tr.docs.length ? tr.docs[i + 1]! : tr.doc;
    // Derived from the previous document's index when it has one (see positionsPlugin).
    DocPositions.afterStep(before, after, step.getMap());
    let from = Infinity;
    let to = -Infinity;
    let newFrom = Infinity;
    let newTo = -Infinity;
    step.getMap().forEach((oldStart, oldEnd, newStart, newEnd) => {
      from = Math.min(from, oldStart);
      to = Math.max(to, oldEnd);
      newFrom = Math.min(newFrom, newStart);
      newTo = Math.max(newTo, newEnd);
    });
    // A step that moves no position (setNodeMarkup: a paragraph's line ending
    // changed) says nothing about where the text changed; only its line endings can have.
    const anchored = movesPositions(step.getMap());
    if (!anchored) {
      if (before === after) return;
      [from, to, newFrom, newTo] = changedParagraphs(before, after);
    }
    const ending = anchored ? null : endingsChange(before, after, from, to, newTo);
    for (const change of ending ? [ending] : changeBetween(before, after, from, to, newFrom, newTo, anchored)) changes.push({ step: i, change });
  });
  return changes;
}

/** False when every position maps to itself: each replaced range keeps its size and has no position inside it. */
function movesPositions(map: StepMap): boolean {
  let moves = false;
  map.forEach((oldStart, oldEnd, newStart, newEnd) => {
    if (oldEnd - oldStart !== newEnd - newStart || oldEnd - oldStart > 1) moves = true;
  });
  return moves;
}

/**
 * The change between the paragraphs around [from, to) of `before` and [newFrom, newTo) of `after`, and, apart
 * from it, the change of the last of those paragraphs' line ending. When `anchored`, the change sits where the
 * step says; otherwise only its line endings changed and it is where they differ. Two lines joined keep the
 * first one's ending in the editor: that is the second's ending replaced, not the text between them.
 */
function changeBetween(before: Node, after: Node, from: number, to: number, newFrom: number, newTo: number, anchored: boolean): TextChange[] {
  const b = DocPositions.of(before);
  const a = DocPositions.of(after);
  // Paragraphs before the first touched one are the same in both documents.
  const first = Math.min(b.paragraphAt(from), a.paragraphAt(newFrom));
  const lastOld = b.paragraphAt(to);
  const lastNew = a.paragraphAt(newTo);
  const oldEnding = endingAfter(before, b, lastOld);
  const newEnding = endingAfter(after, a, lastNew);
  const oldFull = lines(before, first, lastOld);
  const newFull = lines(after, first, lastNew);
  const oldText = oldFull.slice(0, oldFull.length - oldEnding.length);
  const newText = newFull.slice(0, newFull.length - newEnding.length);
  const segmentStart = b.u16Start[first]!;
  // The change sits where the step says, not merely where the texts differ:
  // typing "t" before "the" is an insertion before it, not inside it.
  const maxPrefix = anchored ? b.utf16At(from) - segmentStart : oldText.length;
  const maxSuffix = anchored ? Math.max(0, oldText.length - (b.utf16At(to) - segmentStart)) : oldText.length;
  let prefix = 0;
  const limit = Math.min(maxPrefix, oldText.length, newText.length);
  while (prefix < limit && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHighSurrogate(oldText.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  const suffixLimit = Math.min(maxSuffix, oldText.length - prefix, newText.length - prefix);
  while (suffix < suffixLimit && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isLowSurrogate(oldText.charCodeAt(oldText.length - suffix))) suffix--;
  if (!anchored) {
    // A line ending changed ("\n" to "\r\n", "\r" to "\r\n", back): the change replaces the whole ending, never
    // half a CRLF. Cut inside one, it would be an insertion at an annotation's edge, which the store maps
    // by the edge's lean while the editor's paragraph boundary does not move ("\r" typed before an annotated "\n").
    if (prefix > 0 && (splitsCrlf(oldText, prefix) || splitsCrlf(newText, prefix))) prefix--;
    if (suffix > 0 && (splitsCrlf(oldText, oldText.length - suffix) || splitsCrlf(newText, newText.length - suffix))) suffix--;
  }
  const changes: TextChange[] = [];
  const removed = oldText.slice(prefix, oldText.length - suffix);
  const inserted = newText.slice(prefix, newText.length - suffix);
  const start = b.cpStart[first]! + codePointLength(oldText.slice(0, prefix));
  if (removed !== '' || inserted !== '') changes.push({ start, end: start + codePointLength(removed), inserted });
  if (oldEnding !== newEnding) {
    // Where the last paragraph ends once the change above is made.
    const at = a.cpStart[first]! + codePointLength(newText);
    changes.push({ start: at, end: at + oldEnding.length, inserted: newEnding });
  }
  return changes;
}

/** The line ending after paragraph `i`: none after the document's last. */
function endingAfter(doc: Node, positions: DocPositions, i: number): string {
  return i < positions.count - 1 ? lineEnding(doc, positions.paragraph(i)) : '';
}

/**
 * When only paragraphs' line endings differ between [from, to) of `before` and `after`: those endings replaced,
 * exactly. A diff of the text cannot tell one CRLF ending from a paragraph ending in CR before one ending in LF
 * (a lone CR typed before a line break), and would send the second paragraph's LF as replaced too.
 */
function endingsChange(before: Node, after: Node, from: number, to: number, newTo: number): TextChange | null {
  const b = DocPositions.of(before);
  const a = DocPositions.of(after);
  const first = b.paragraphAt(from);
  const last = b.paragraphAt(to);
  if (a.paragraphAt(newTo) !== last || a.count !== b.count) return null;
  let firstChanged = -1;
  let lastChanged = -1;
  for (let i = first; i <= last; i++) {
    const old = b.paragraph(i);
    const now = a.paragraph(i);
    if (old.textContent !== now.textContent) return null;
    // The last paragraph's ending is no text.
    if (i < b.count - 1 && lineEnding(before, old) !== lineEnding(after, now)) {
      if (firstChanged < 0) firstChanged = i;
      lastChanged = i;
    }
  }
  if (firstChanged < 0) return null;
  const start = b.cpStart[firstChanged]! + codePointLength(b.paragraph(firstChanged).textContent);
  const end = b.cpStart[lastChanged + 1]!;
  const inserted = lines(after, firstChanged, lastChanged).slice(a.paragraph(firstChanged).textContent.length);
  return { start, end, inserted };
}

/** The range of top-level nodes (blocks) that differ, by identity, in both documents. */
function changedParagraphs(before: Node, after: Node): [number, number, number, number] {
  let start = 0;
  let pos = 0;
  while (start < before.childCount && start < after.childCount && before.child(start) === after.child(start)) pos += before.child(start++).nodeSize;
  let endBefore = before.content.size;
  let endAfter = after.content.size;
  for (let i = before.childCount - 1, j = after.childCount - 1; i >= start && j >= start && before.child(i) === after.child(j); i--, j--) {
    endBefore -= before.child(i).nodeSize;
    endAfter -= after.child(j).nodeSize;
  }
  return [pos, endBefore, pos, endAfter];
}

/** Paragraphs first..last of `doc` as text, each with its line ending. */
function lines(doc: Node, first: number, last: number): string {
  const positions = DocPositions.of(doc);
  let text = '';
  for (let i = first; i <= last; i++) {
    const paragraph = positions.paragraph(i);
    text += paragraph.textContent;
    if (i < positions.count - 1) text += lineEnding(doc, paragraph);
  }
  return text;
}

/** Whether index `at` of `text` falls between the CR and the LF of a CRLF. */
const splitsCrlf = (text: string, at: number) => text.charCodeAt(at - 1) === 0x0d && text.charCodeAt(at) === 0x0a;
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
