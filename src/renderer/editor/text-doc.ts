// Text <-> editor document, losslessly: line endings (mixed too), blank
// lines, leading, trailing and repeated spaces all survive the round trip.

import { Fragment, Slice, type Node } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { schema, type LineEnding } from './schema';

const LINE_BREAK = /\r\n|\r|\n/g;

export function textToDoc(text: string): Node {
  const lines: string[] = [];
  const endings: LineEnding[] = [];
  let last = 0;
  for (const match of text.matchAll(LINE_BREAK)) {
    lines.push(text.slice(last, match.index));
    endings.push(match[0] as LineEnding);
    last = match.index + match[0].length;
  }
  lines.push(text.slice(last));
  const eol = dominant(endings);
  const paragraphs = lines.map((line, i) => {
    const ending = endings[i];
    return schema.nodes.paragraph!.create({ eol: ending === undefined || ending === eol ? null : ending }, line ? schema.text(line) : null);
  });
  return schema.nodes.doc!.create({ eol }, paragraphs);
}

export function docToText(doc: Node): string {
  const parts: string[] = [];
  const last = doc.childCount - 1;
  doc.forEach((paragraph, _offset, i) => {
    parts.push(paragraph.textContent);
    if (i < last) parts.push(lineEnding(doc, paragraph));
  });
  return parts.join('');
}

/** The ending after `paragraph` (when it is not the last). */
export function lineEnding(doc: Node, paragraph: Node): string {
  return (paragraph.attrs.eol as string | null) ?? (doc.attrs.eol as string);
}

function dominant(endings: readonly LineEnding[]): LineEnding {
  const counts = new Map<LineEnding, number>();
  for (const e of endings) counts.set(e, (counts.get(e) ?? 0) + 1);
  let best: LineEnding = '\n';
  let bestCount = 0;
  for (const [e, n] of counts) {
    if (n > bestCount) {
      best = e;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Replaces [from, to) of `tr.doc` with `text`, whose line breaks become
 * paragraph boundaries keeping their exact endings.
 */
export function replaceWithText(tr: Transaction, from: number, to: number, text: string): Transaction {
  if (!/[\r\n]/.test(text)) return text ? tr.insertText(text, from, to) : tr.delete(from, to);
  const doc = tr.doc;
  const parsed = textToDoc(text);
  const defaultEol = doc.attrs.eol as string;
  const own = (ending: string | null) => (ending === null || ending === defaultEol ? null : ending);
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  // The first inserted line joins the paragraph at `from`, the last one the
  // paragraph at `to`: that one keeps the ending the paragraph had.
  const paragraphs: Node[] = [];
  parsed.forEach((p, _offset, i) => {
    const ending = i < parsed.childCount - 1 ? lineEnding(parsed, p) : ($to.parent.attrs.eol as string | null);
    paragraphs.push(p.type.create({ eol: own(ending) }, p.content));
  });
  const stepsBefore = tr.steps.length;
  tr.replace(from, to, new Slice(Fragment.from(paragraphs), 1, 1));
  // Through this replacement only: `tr` may hold earlier steps (a rebase applies several changes in one).
  const firstParagraph = tr.mapping.slice(stepsBefore).map($from.before(1), -1);
  return tr.setNodeMarkup(firstParagraph, undefined, { eol: own(lineEnding(parsed, parsed.child(0))) });
}

/** The text of a copied slice as it is in the document: lines joined by their own endings (ProseMirror's default puts a blank line between paragraphs). */
export function copiedText(slice: Slice, doc: Node): string {
  const content = slice.content;
  if (content.childCount === 0 || content.firstChild!.isInline) return content.textBetween(0, content.size);
  const parts: string[] = [];
  content.forEach((paragraph, _offset, i) => {
    parts.push(paragraph.textContent);
    if (i < content.childCount - 1) parts.push(lineEnding(doc, paragraph));
  });
  return parts.join('');
}
