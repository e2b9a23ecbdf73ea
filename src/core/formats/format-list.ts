// The formats Scholia reads and writes, as names and facts only: what the
// contract, the export dialog, the CLI's help and the import grouping need.
// Kept apart from the parsers (registry.ts) so that the renderer and the
// browser-safe contract do not carry every format's schema and code.

export interface FormatInfo {
  /** The name in the api and on the command line (`--format ID`). */
  id: string;
  label: string;
  /** One line on what a file of this format holds. */
  description: string;
  /** The extensions its files have, without dot, the usual one first. */
  extensions: readonly string[];
  imports: boolean;
  exports: boolean;
  /**
   * Standoff: a document is two files of the same stem, its text and its
   * annotations, which are imported together.
   */
  standoff?: { text: string; annotations: string };
  /** What of a workspace its files keep besides each document's current text; the rest is left out on export. */
  keeps: {
    annotations: boolean;
    /** Annotations without a tag. */
    untagged: boolean;
    /** Annotations whose text was deleted. */
    detached: boolean;
    /** The original text and the edits that made the current one. */
    history: boolean;
    /** Relations between annotations (those whose ends it keeps). */
    relations: boolean;
  };
}

const all = { annotations: true, untagged: true, detached: true, history: true, relations: true };

/** In the order they are offered. */
export const formatList = [
  { id: 'native', label: 'Scholia JSON', description: 'Everything: original and corrected text, edits, annotations, tags. Imports back as it was.', extensions: ['scholia.json', 'json'], imports: true, exports: true, keeps: all },
  { id: 'w3c', label: 'W3C Web Annotation (JSON-LD)', description: 'The annotations, with quote and position selectors.', extensions: ['jsonld', 'json'], imports: true, exports: true, keeps: { ...all, detached: false, history: false } },
  { id: 'brat', label: 'brat standoff', description: 'A .txt and an .ann file per document; exported as <title>.brat.txt and <title>.brat.ann.', extensions: ['ann', 'txt'], imports: true, exports: true, standoff: { text: 'txt', annotations: 'ann' }, keeps: { annotations: true, untagged: false, detached: false, history: false, relations: true } },
  { id: 'doccano', label: 'doccano JSONL', description: 'One line per document with its labelled spans.', extensions: ['jsonl'], imports: true, exports: true, keeps: { annotations: true, untagged: false, detached: false, history: false, relations: true } },
  { id: 'xliff', label: 'XLIFF', description: 'Source and translation of each unit (XLIFF 1.2, 2.x); exports the corrected targets into the imported file.', extensions: ['xlf', 'xliff'], imports: true, exports: true, keeps: { annotations: false, untagged: false, detached: false, history: false, relations: false } },
  { id: 'tmx', label: 'TMX translation memory', description: 'Each translation unit an aligned pair of source and translation.', extensions: ['tmx'], imports: true, exports: false, keeps: { annotations: false, untagged: false, detached: false, history: false, relations: false } },
  { id: 'text-pair', label: 'Source and translation texts', description: 'name.zh.txt with name.en.txt: the source and its translation, aligned automatically.', extensions: ['txt'], imports: true, exports: false, keeps: { annotations: false, untagged: false, detached: false, history: false, relations: false } },
  { id: 'text', label: 'Plain text', description: 'The corrected text, one .txt per document.', extensions: ['txt'], imports: true, exports: true, keeps: { annotations: false, untagged: false, detached: false, history: false, relations: false } },
] as const satisfies readonly FormatInfo[];

type Listed = (typeof formatList)[number];
export type FormatId = Listed['id'];
export type ExportFormatId = Extract<Listed, { exports: true }>['id'];
export type ImportFormatId = Extract<Listed, { imports: true }>['id'];

/** What a file no format recognises is taken for (its importer says why it cannot take what is not text). */
export const FALLBACK_FORMAT = 'text' satisfies ImportFormatId;

export const exportFormatIds = formatList.filter((f) => f.exports).map((f) => f.id) as ExportFormatId[];
/** The fallback first: after `auto`, it is the format of "any other file". */
export const importFormatIds = [FALLBACK_FORMAT, ...formatList.filter((f) => f.imports && f.id !== FALLBACK_FORMAT).map((f) => f.id)] as ImportFormatId[];

export function formatInfo(id: FormatId): Listed {
  return formatList.find((f) => f.id === id)!;
}

/** Whether a file name ends in `.ext` (any case). */
export function hasExtension(name: string, ext: string): boolean {
  return name.toLowerCase().endsWith(`.${ext.toLowerCase()}`);
}
