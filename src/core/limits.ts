// The limits and text rules every way in shares: the api's contract, every
// importer (checked where their records are written, store/import-bundle.ts)
// and the command line. Defined once, so a file can never store what the api
// would refuse, and an export never meets data it cannot write.

import { MAX_DOCUMENT_BYTES } from './decode';
import { hasLoneSurrogate } from './offsets';

export { MAX_DOCUMENT_BYTES };

export const LIMITS = {
  /** Document titles, in code units. */
  titleLength: 200,
  tagNameLength: 100,
  tagDescriptionLength: 2000,
  noteLength: 100_000,
  attributeCount: 50,
  attributeNameLength: 100,
  attributeValueLength: 1000,
  tagsPerAnnotation: 50,
  /** Levels of tags under a top-level tag: Entity > Person > Politician is depth 3. */
  tagDepth: 16,
  /** Tags one file may bring. */
  tagsPerFile: 10_000,
  /** Changes one edits.apply may carry. */
  changesPerCall: 10_000,
} as const;

/** Largest file one import may read: annotation files may hold a whole workspace. */
export const MAX_IMPORT_FILE_BYTES = 64 * 1024 * 1024;

/** Who made an edit: a person, a rule's fix (`rule:<id>`), or a revert. */
export const EDIT_ORIGIN = /^(manual|revert|rule:[a-z0-9-]{1,60})$/;

/** Where an annotation not made by hand came from: an accepted suggestion and its source. */
export const ANNOTATION_ORIGIN = /^suggestion:[a-z0-9-]{1,40}$/;

const CONTROL = /\p{Cc}/u;

/** Why a stored string is not text (a NUL, half a surrogate pair), or null. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'holds a NUL character, which is not text';
  if (hasLoneSurrogate(text)) return 'holds a lone surrogate (half of a character), which is not text';
  return null;
}

/** Why a name shown as one line (a title, a tag name) breaks the rules, or null. */
export function nameProblem(name: string, maxLength: number): string | null {
  const problem = textProblem(name);
  if (problem !== null) return problem;
  if (name.trim() === '') return 'is empty';
  if (name.length > maxLength) return `is ${name.length} characters long, over the limit of ${maxLength}`;
  if (CONTROL.test(name)) return 'holds control characters (such as ESC, BEL or a line break), which names may not';
  return null;
}

/** Why a longer text (a note, a description) breaks the rules, or null. */
export function longTextProblem(text: string, maxLength: number): string | null {
  return textProblem(text) ?? (text.length > maxLength ? `is ${text.length} characters long, over the limit of ${maxLength}` : null);
}

/** Why an annotation's attributes break the rules, or null. */
export function attributesProblem(attributes: Readonly<Record<string, string>>): string | null {
  const entries = Object.entries(attributes);
  if (entries.length > LIMITS.attributeCount) return `has ${entries.length} attributes, over the limit of ${LIMITS.attributeCount}`;
  for (const [name, value] of entries) {
    if (name === '' || name.length > LIMITS.attributeNameLength) return `attribute name ${JSON.stringify(name.slice(0, 40))} is empty or over ${LIMITS.attributeNameLength} characters`;
    const problem = textProblem(name) ?? longTextProblem(value, LIMITS.attributeValueLength);
    if (problem !== null) return `attribute ${JSON.stringify(name.slice(0, 40))} ${problem}`;
  }
  return null;
}

/** "65.0 MiB", "12 KiB": sizes as messages give them. */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

/** Why a file of `size` bytes is too large to import, or null. */
export function importFileTooLarge(size: number): string | null {
  if (size <= MAX_IMPORT_FILE_BYTES) return null;
  return `is ${formatBytes(size)}, over the ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MiB limit for one file (${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB for one document's text)`;
}
