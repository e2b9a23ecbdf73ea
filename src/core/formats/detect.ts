// Which importer a file needs, from its content first and its name second,
// so a renamed file still imports and a broken one reaches the importer that
// can say what is wrong with it.

import { decodeText } from '../decode';
import { isObject } from './json';

export type FormatId = 'native' | 'w3c' | 'doccano' | 'brat' | 'plaintext';

/** Enough of a file to recognise any of the formats by. */
const HEAD = 8192;
/** An .ann line: an id (T1, A2, R3, E4, N5, #6, *) and a tab. */
const BRAT_LINE = /^([TAMREN#]\d*|\*)\t\S/;

/**
 * The format of a file. Anything that is not recognisably one of the
 * annotation formats is plain text, including files that are not text at all:
 * the plain text importer then says why it cannot take them.
 */
export function detectFormat(fileName: string, content: Uint8Array | string): FormatId {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (extension === 'ann') return 'brat';
  let text: string;
  if (typeof content === 'string') text = content;
  else {
    // No size limit here: a workspace export may well be larger than one document.
    const decoded = decodeText(content, Number.POSITIVE_INFINITY);
    if (!decoded.ok) return 'plaintext';
    text = decoded.text;
  }
  const head = text.slice(0, HEAD).replace(/^\uFEFF/, '');
  if (/^\s*[[{]/.test(head)) return jsonFormat(head, extension);
  const lines = head.split(/\r?\n/).filter((line) => line.trim() !== '');
  // The last line of a cut-off head may be incomplete.
  if (text.length > HEAD) lines.pop();
  // A .txt is brat's text file, whatever it holds.
  if (extension !== 'txt' && lines.some((line) => /^T\d/.test(line)) && lines.every((line) => BRAT_LINE.test(line))) return 'brat';
  return 'plaintext';
}

function jsonFormat(head: string, extension: string): FormatId {
  // Scholia writes "format" first, so even a truncated export is recognised.
  if (/"format"\s*:\s*"scholia-annotations"/.test(head)) return 'native';
  const firstLine = head.trimStart().split(/\r?\n/, 1)[0]!;
  let first: unknown;
  try {
    first = JSON.parse(firstLine);
  } catch {
    first = undefined;
  }
  const one = Array.isArray(first) ? first[0] : first;
  if (isObject(one) && looksW3C(one)) return 'w3c';
  if (isObject(first) && (typeof first.text === 'string' || typeof first.data === 'string')) return 'doccano';
  if (/anno\.jsonld|"type"\s*:\s*\[?\s*"Annotation(Page|Collection)?"/.test(head)) return 'w3c';
  if (extension === 'jsonl') return 'doccano';
  if (extension === 'jsonld') return 'w3c';
  // Other JSON in a .json file: the native importer says what is missing.
  return extension === 'json' ? 'native' : 'plaintext';
}

function looksW3C(value: Record<string, unknown>): boolean {
  const types = Array.isArray(value.type) ? value.type : [value.type];
  const context = Array.isArray(value['@context']) ? value['@context'] : [value['@context']];
  return context.some((c) => typeof c === 'string' && c.includes('anno.jsonld')) || types.some((t) => t === 'Annotation' || t === 'AnnotationPage' || t === 'AnnotationCollection');
}
