// Text <-> editor document, losslessly: line endings (mixed too), blank
// lines, leading, trailing and repeated spaces all survive the round trip.

import { Fragment, Slice, type Node } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { schema, type LineEnding } from './schema';

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * Lines per block when a text is read in (blocks then grow and shrink with
 * edits). Chosen by measurement: the view's work per keystroke goes with the
 * number of blocks plus the lines of the block typed in.
 */
export const BLOCK_LINES = 128;

let blockLines = BLOCK_LINES;

/** Sets the lines per block of the documents made from now on (tests use small blocks to exercise their boundaries). */
export function setBlockLines(lines: number): void {
  blockLines = Math.max(1, Math.floor(lines));
}

/** `paragraphs` in blocks of `blockLines`. */
function inBlocks(paragraphs: readonly Node[]): Node[] {
  const blocks: Node[] = [];
  for (let i = 0; i < paragraphs.length; i += blockLines) blocks.push(schema.nodes.block!.create(null, paragraphs.slice(i, i + blockLines)));
  return blocks;
}

/** Every paragraph of `content` (a document's, a block's or a slice's), in order. */
function paragraphsOf(content: Fragment): Node[] {
  const out: Node[] = [];
  content.forEach((node) => {
    if (node.isTextblock) out.push(node);
    else node.forEach((p) => out.push(p));
  });
  return out;
}

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
  return schema.nodes.doc!.create({ eol }, inBlocks(paragraphs));
}

export function docToText(doc: Node): string {
  const parts: string[] = [];
  const lastBlock = doc.childCount - 1;
  doc.forEach((block, _offset, b) => {
    const last = block.childCount - 1;
    block.forEach((paragraph, _o, i) => {
      parts.push(paragraph.textContent);
      if (b < lastBlock || i < last) parts.push(lineEnding(doc, paragraph));
    });
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
  const doc = tr.doc;
  if (!/[\r\n]/.test(text)) {
    // Lines joined end as the last of them did (ProseMirror's join keeps the first one's): the first takes
    // that ending before the join, so the join removes exactly the text between them.
    const $from = doc.resolve(from);
    const $to = doc.resolve(to);
    if ($from.parent !== $to.parent && $from.parent.isTextblock && $to.parent.isTextblock && $from.parent.attrs.eol !== $to.parent.attrs.eol) {
      tr.setNodeMarkup($from.before(), undefined, { ...$from.parent.attrs, eol: $to.parent.attrs.eol as string | null });
    }
    return text ? tr.insertText(text, from, to) : tr.delete(from, to);
  }
  const parsed = textToDoc(text);
  const defaultEol = doc.attrs.eol as string;
  const own = (ending: string | null) => (ending === null || ending === defaultEol ? null : ending);
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  // The first inserted line joins the paragraph at `from`, the last one the
  // paragraph at `to`: that one keeps the ending the paragraph had.
  const lines = paragraphsOf(parsed.content);
  const paragraphs = lines.map((p, i) => {
    const ending = i < lines.length - 1 ? lineEnding(parsed, p) : ($to.parent.attrs.eol as string | null);
    return p.type.create({ eol: own(ending) }, p.content);
  });
  const stepsBefore = tr.steps.length;
  // Between text positions, the lines go in as blocks open at both ends: the
  // first joins the block at `from`, the last the block at `to` (blocks
  // between them go), and the ones between are blocks of their own, so that
  // a long paste makes blocks of the usual size.
  if ($from.parent.isTextblock && $to.parent.isTextblock && $from.depth === 2 && $to.depth === 2) tr.replace(from, to, new Slice(Fragment.from(inBlocks(paragraphs)), 2, 2));
  else tr.replace(from, to, new Slice(Fragment.from(paragraphs), 1, 1));
  // Through this replacement only: `tr` may hold earlier steps (a rebase applies several changes in one).
  const firstParagraph = tr.mapping.slice(stepsBefore).map($from.before($from.depth), -1);
  return tr.setNodeMarkup(firstParagraph, undefined, { eol: own(lineEnding(parsed, lines[0]!)) });
}

/**
 * A pasted slice of many lines, as blocks of the usual size (the lines would
 * otherwise all go into the block pasted in); other slices as they are.
 */
export function pastedInBlocks(slice: Slice): Slice {
  const content = slice.content;
  if (content.childCount <= blockLines) return slice;
  const paragraphs: Node[] = [];
  content.forEach((node) => void (node.type === schema.nodes.paragraph && paragraphs.push(node)));
  if (paragraphs.length !== content.childCount) return slice;
  return new Slice(Fragment.from(inBlocks(paragraphs)), slice.openStart + 1, slice.openEnd + 1);
}

/** The text of a copied slice as it is in the document: lines joined by their own endings (ProseMirror's default puts a blank line between paragraphs). */
export function copiedText(slice: Slice, doc: Node): string {
  const content = slice.content;
  if (content.childCount === 0 || content.firstChild!.isInline) return content.textBetween(0, content.size);
  const paragraphs = paragraphsOf(content);
  const parts: string[] = [];
  paragraphs.forEach((paragraph, i) => {
    parts.push(paragraph.textContent);
    if (i < paragraphs.length - 1) parts.push(lineEnding(doc, paragraph));
  });
  return parts.join('');
}
