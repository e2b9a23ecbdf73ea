// Several exported files as one .zip (fflate), so a workspace export is one
// download and one file to hand on, not two loose files per document.

import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { fileStem } from './file-names';

export interface ArchivedFile {
  name: string;
  content: string;
}

/**
 * The files, each under its own name (text as UTF-8), deflated. Names must
 * differ (the exporters make them unique); a repeated one is refused rather
 * than silently dropping a file.
 */
export function zipFiles(files: readonly ArchivedFile[], modified = new Date()): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) {
    if (Object.hasOwn(entries, file.name)) throw new Error(`two exported files are both named ${file.name}`);
    entries[file.name] = [strToU8(file.content), { mtime: modified }];
  }
  return zipSync(entries, { level: 6 });
}

/** What a .zip holds, by name, its files read as UTF-8 text. */
export function unzipFiles(archive: Uint8Array): ArchivedFile[] {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return Object.entries(unzipSync(archive)).map(([name, bytes]) => ({ name, content: decoder.decode(bytes) }));
}

/** `<title>.<format>.zip` for one document's files, `scholia-workspace.<format>.zip` for several. */
export function archiveName(format: string, title: string | null): string {
  return `${(title !== null && fileStem(title)) || 'scholia-workspace'}.${format}.zip`;
}
