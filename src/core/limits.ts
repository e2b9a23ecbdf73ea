// The limits and text rules every way in shares: the api's contract, every
// importer and the command line. Defined once, so a file can never store
// what the api would refuse.

import { MAX_DOCUMENT_BYTES } from './decode';

export { MAX_DOCUMENT_BYTES };

/** Largest file one import may read: annotation files may hold a whole workspace. */
export const MAX_IMPORT_FILE_BYTES = 64 * 1024 * 1024;

/** "65.0 MiB", "12 KiB": sizes as messages give them. */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

/** Why a file of `size` bytes is too large to import, or null. */
export function importFileTooLarge(size: number): string | null {
  if (size <= MAX_IMPORT_FILE_BYTES) return null;
  return `is ${formatBytes(size)}, over the ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MiB limit for one file (${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB for one document's text)`;
}
