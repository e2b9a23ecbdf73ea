// Importing files picked in the menu's dialog or passed on the command line:
// read each, hand it to the api as base64 (the api decodes and validates it),
// and collect what failed so it can be shown in one message.

import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Dispatch } from '../api/dispatch';
import { MAX_DOCUMENT_BYTES } from '../core/decode';

export interface ImportOutcome {
  imported: number;
  /** One line per file that was not imported: its name and why. */
  failures: string[];
}

export async function importFiles(paths: readonly string[], dispatch: Dispatch): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { imported: 0, failures: [] };
  for (const path of paths) {
    const name = basename(path);
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new Error('not a file');
      // Checked before reading so a huge file is never loaded into memory.
      if (info.size > MAX_DOCUMENT_BYTES) throw new Error(`the file is over the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB limit for one document`);
      const contentBase64 = (await readFile(path)).toString('base64');
      const envelope = await dispatch('documents.importFile', { fileName: name, contentBase64 });
      if (envelope.ok) outcome.imported++;
      else outcome.failures.push(envelope.error.code === 'bad_file' ? envelope.error.message : `${name}: ${envelope.error.message}`);
    } catch (error) {
      outcome.failures.push(`${name}: ${describe(error)}`);
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
