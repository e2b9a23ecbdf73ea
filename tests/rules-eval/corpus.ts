// The rules' evaluation corpus (tests/fixtures/rules-corpus/): documents
// written with their artifacts and traps marked inline, read into the
// original text, the corrected reference and the spans a rule should flag.
//
//   ⟦original⇒reference|k⟧  an artifact of kind k (see KINDS): `original` in
//                           the text as received, `reference` in the corrected one
//   ⟪text⟫                  a trap: correct text that looks like an artifact

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Markup letter → rule id. */
export const KINDS: Record<string, string> = {
  s: 'missing-space-after-sentence',
  c: 'missing-space-after-comma',
  g: 'glued-modal',
  p: 'space-before-punctuation',
  r: 'repeated-spaces',
  w: 'repeated-word',
  d: 'duplicated-phrase',
  b: 'source-boilerplate',
  f: 'full-width-punctuation',
  q: 'unbalanced-quotes-or-brackets',
  m: 'mojibake',
  u: 'untranslated-cjk',
};

/** Code point offsets into the original text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface Artifact extends Span {
  rule: string;
  /** The span's text in the reference. */
  reference: string;
}

export interface CorpusDocument {
  name: string;
  /** The document as marked up (kept for the variant generator). */
  markup: string;
  original: string;
  reference: string;
  artifacts: Artifact[];
  traps: Span[];
}

export const MARKUP = /⟦([^⟧]*?)⇒([^⟧]*?)\|([a-z])⟧|⟪([^⟫]*)⟫/g;

export function parseDocument(name: string, markup: string): CorpusDocument {
  let original = '';
  let reference = '';
  let length = 0; // of `original`, in code points
  const artifacts: Artifact[] = [];
  const traps: Span[] = [];
  let copied = 0;
  for (const m of markup.matchAll(MARKUP)) {
    const plain = markup.slice(copied, m.index);
    original += plain;
    reference += plain;
    length += [...plain].length;
    if (m[4] !== undefined) {
      const trap = m[4];
      traps.push({ start: length, end: length + [...trap].length });
      original += trap;
      reference += trap;
      length += [...trap].length;
    } else {
      const [from, to, kind] = [m[1]!, m[2]!, m[3]!];
      const rule = KINDS[kind];
      if (rule === undefined) throw new Error(`${name}: unknown artifact kind ${kind} in ${m[0]}`);
      artifacts.push({ rule, start: length, end: length + [...from].length, reference: to });
      original += from;
      reference += to;
      length += [...from].length;
    }
    copied = m.index + m[0].length;
  }
  const rest = markup.slice(copied);
  if (/[⟦⟧⟪⟫⇒]/.test(rest)) throw new Error(`${name}: broken markup near ${JSON.stringify(rest.slice(rest.search(/[⟦⟧⟪⟫⇒]/) - 20, rest.search(/[⟦⟧⟪⟫⇒]/) + 20))}`);
  return { name, markup, original: original + rest, reference: reference + rest, artifacts, traps };
}

export const CORPUS_DIR = new URL('../fixtures/rules-corpus/', import.meta.url);

/** The hand-written documents of one part of the corpus ('dev' or 'held-out'). */
export function readPart(part: string): CorpusDocument[] {
  const dir = new URL(`${part}/`, CORPUS_DIR).pathname;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseDocument(`${part}/${f}`, readFileSync(join(dir, f), 'utf8').replace(/\n$/, '')));
}
