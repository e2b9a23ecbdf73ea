// Importing files picked in the menu's dialog or passed on the command line:
// read each, hand it to the api as base64 (the api tells the format from the
// content, decodes and validates it), and collect what failed so it can be
// shown in one message. A brat .txt goes with the .ann of its name.

import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Dispatch } from '../api/node/dispatch';
import { MAX_DOCUMENT_BYTES } from '../core/decode';
import { importGroups } from '../core/formats';

export interface ImportOutcome {
  /** How many files were imported. */
  imported: number;
  /** One line per file that was not imported: its name and why. */
  failures: string[];
}

export async function importFiles(paths: readonly string[], dispatch: Dispatch): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { imported: 0, failures: [] };
  for (const group of importGroups(paths.map((path) => ({ path, name: basename(path) })))) {
    const names = group.map((file) => file.name).join(' + ');
    try {
      const files: { name: string; contentBase64: string }[] = [];
      for (const { path, name } of group) {
        const info = await stat(path);
        if (!info.isFile()) throw new Error('not a file');
        // Checked before reading so a huge file is never loaded into memory.
        if (info.size > MAX_DOCUMENT_BYTES) throw new Error(`${group.length > 1 ? `${name} is` : 'the file is'} over the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB limit for one file`);
        files.push({ name, contentBase64: (await readFile(path)).toString('base64') });
      }
      const envelope = await dispatch('transfer.import', { files, format: 'auto' });
      if (envelope.ok) outcome.imported += group.length;
      else outcome.failures.push(envelope.error.code === 'bad_file' ? envelope.error.message : `${names}: ${envelope.error.message}`);
    } catch (error) {
      outcome.failures.push(`${names}: ${describe(error)}`);
    }
  }
  return outcome;
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'the file does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'the file cannot be read (permission denied)';
  return error instanceof Error ? error.message : String(error);
}
