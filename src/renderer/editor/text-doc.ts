// Text <-> editor document, losslessly: line endings (mixed too), blank
// lines, leading, trailing and repeated spaces all survive the round trip.

import { Fragment, Slice, type Node } from 'prosemirror-model';
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
 * `text` as a slice to insert into `doc`: its line breaks become paragraph
 * boundaries that keep their exact endings. The last piece joins the
 * paragraph it lands in, so it takes that paragraph's own ending (`lastEol`).
 */
export function textSlice(doc: Node, text: string, lastEol: string | null): Slice {
  const parsed = textToDoc(text);
  const eol = doc.attrs.eol as string;
  const paragraphs: Node[] = [];
  parsed.forEach((p, _offset, i) => {
    const ending = i < parsed.childCount - 1 ? lineEnding(parsed, p) : lastEol;
    paragraphs.push(p.type.create({ eol: ending === null || ending === eol ? null : ending }, p.content));
  });
  return new Slice(Fragment.from(paragraphs), 1, 1);
}
