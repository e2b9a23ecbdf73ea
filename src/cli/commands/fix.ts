// `fix FILE [--in-place] [--rules a,b]`: apply every safe fix, repeatedly
// until none is left; print the text, or write it back. Exit 0, or 2 on error.

import { chmod, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fixAllSafe } from '../../core/rules';
import type { CommandLine, OptionSpec } from '../args';
import { fail, onlyFile, readTextFile, rulesOption } from './check';

export const options: OptionSpec = { flags: ['in-place'], values: ['rules'] };

export async function run(commandLine: CommandLine): Promise<number> {
  const path = onlyFile(commandLine, 'fix');
  const rules = rulesOption(commandLine);
  const file = await readTextFile(path);
  if (!file.ok) return fail(file.message);
  const { text, applied } = fixAllSafe(file.text, { rules });
  if (!commandLine.flags.has('in-place')) {
    process.stdout.write(text);
    return 0;
  }
  if (applied.length > 0) {
    try {
      await writeAtomically(path, encode(text, file.encoding, file.bom));
    } catch (error) {
      return fail(`cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  process.stderr.write(`scholia: ${path}: ${applied.length} fix${applied.length === 1 ? '' : 'es'} applied\n`);
  return 0;
}

/** The text in the file's own encoding, with its byte order mark if it had one. */
function encode(text: string, encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bom: boolean): Buffer {
  if (encoding === 'utf-8') return Buffer.from(bom ? `\uFEFF${text}` : text, 'utf8');
  const bytes = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return encoding === 'utf-16be' ? bytes.swap16() : bytes;
}

/**
 * Writes a temporary file next to `path`, then renames it over `path`: a
 * crash leaves the old file or the new one, never half of one. Keeps the
 * file's permissions.
 */
async function writeAtomically(path: string, bytes: Buffer): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await chmod(temporary, (await stat(path)).mode);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
