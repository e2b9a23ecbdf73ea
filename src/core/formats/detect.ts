// Which importer a file needs, from its content first and its name second,
// so a renamed file still imports and a broken one reaches the importer that
// can say what is wrong with it. Each format says how much a file looks like
// its own (format.ts, Evidence); the strongest claim wins.

import { decodeText } from '../decode';
import { evidence, type Sniffed } from './format';
import { FALLBACK_FORMAT, type ImportFormatId } from './format-list';
import { formats } from './registry';

/** Enough of a file to recognise any of the formats by. */
const HEAD = 8192;

/**
 * The format of a file. Anything that is not recognisably one of the
 * annotation formats is plain text, including files that are not text at all:
 * the plain text importer then says why it cannot take them.
 */
export function detectFormat(fileName: string, content: Uint8Array | string): ImportFormatId {
  const file = sniff(fileName, content);
  let best: { id: ImportFormatId; strength: number } | undefined;
  for (const format of formats) {
    const claim = format.imports ? format.detect(file) : undefined;
    if (claim === undefined) continue;
    // Lower index, stronger claim; on a tie the earlier format keeps it.
    const strength = evidence.indexOf(claim);
    if (best === undefined || strength < best.strength) best = { id: format.id, strength };
  }
  return best?.id ?? FALLBACK_FORMAT;
}

function sniff(fileName: string, content: Uint8Array | string): Sniffed {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  let text: string | undefined;
  if (typeof content === 'string') text = content;
  else {
    // No size limit here: a workspace export may well be larger than one document.
    const decoded = decodeText(content, Number.POSITIVE_INFINITY);
    text = decoded.ok ? decoded.text : undefined;
  }
  if (text === undefined) return { extension, head: undefined, truncated: false, json: false, firstRecord: undefined };
  const head = text.slice(0, HEAD).replace(/^\uFEFF/, '');
  const json = /^\s*[[{]/.test(head);
  return { extension, head, truncated: text.length > HEAD, json, firstRecord: json ? firstRecord(head) : undefined };
}

function firstRecord(head: string): unknown {
  const firstLine = head.trimStart().split(/\r?\n/, 1)[0]!;
  try {
    return JSON.parse(firstLine) as unknown;
  } catch {
    return undefined;
  }
}
