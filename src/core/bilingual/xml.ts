// The few XML helpers XLIFF, TMX and TBX share, over @xmldom/xmldom (a DOM
// without a browser: runs in Node and in the renderer alike).

import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Parses a well-formed XML document; anything else (even a recoverable error) throws XmlError. */
export function parseXml(text: string): Document {
  const problems: string[] = [];
  const configured = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') problems.push(message);
    },
  });
  let document: Document;
  try {
    document = configured.parseFromString(text, 'text/xml');
  } catch (error) {
    throw new XmlError(`not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (problems.length > 0) throw new XmlError(`not well-formed XML: ${problems[0]}`);
  if (!document.documentElement) throw new XmlError('not well-formed XML: no root element');
  return document;
}

/**
 * The document as text. Parsing turned every line break of the file into a
 * line feed, so a carriage return left in the tree is text (`&#13;` in the
 * file, or typed by the user): written raw, the next parse would make it a
 * line feed, so it is written as a reference.
 */
export function serializeXml(document: Document): string {
  return new XMLSerializer().serializeToString(document).replace(/\r/g, '&#13;');
}

export function childElements(parent: Node): Element[] {
  const out: Element[] = [];
  for (let child = parent.firstChild; child; child = child.nextSibling) if (child.nodeType === ELEMENT_NODE) out.push(child as Element);
  return out;
}

export function firstChild(parent: Node, localName: string): Element | undefined {
  return childElements(parent).find((e) => e.localName === localName);
}

export function children(parent: Node, localName: string): Element[] {
  return childElements(parent).filter((e) => e.localName === localName);
}

/** Every element below `root` that `match` accepts, in document order. */
export function descendantsWhere(root: Node, match: (element: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (node: Node) => {
    for (const child of childElements(node)) {
      if (match(child)) out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

/** Every element below `root` with this local name, in document order. */
export function descendantsNamed(root: Node, localName: string): Element[] {
  return descendantsWhere(root, (e) => e.localName === localName);
}

/**
 * The text an inline-marked element stands for: text and CDATA, with the
 * content of paired codes (g, pc, mrk, hi) and without placeholders (x, ph,
 * bpt, ept, it, sc, ec, cp are codes, not words).
 */
export function inlineText(element: Node): string {
  let out = '';
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) out += child.nodeValue ?? '';
    else if (child.nodeType === ELEMENT_NODE) {
      const name = (child as Element).localName;
      if (name === 'cp') out += String.fromCodePoint(parseInt((child as Element).getAttribute('hex') ?? '0', 16));
      else if (!/^(x|ph|bx|ex|bpt|ept|it|sc|ec|sub)$/.test(name ?? '')) out += inlineText(child);
    }
  }
  return out;
}

/** Whether an element holds inline codes (which plain text would drop on write). */
export function hasInlineCodes(element: Element): boolean {
  return childElements(element).length > 0;
}

/** Replaces an element's content with text. */
export function setText(element: Element, text: string): void {
  while (element.firstChild) element.removeChild(element.firstChild);
  element.appendChild(element.ownerDocument!.createTextNode(text));
}
