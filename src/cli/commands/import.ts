// `import FILE... [--format F] [--document ID] [--json]`: files (or folders of
// them, for brat) into the workspace, all in one transaction. Prints the ids
// of the documents created, one a line; what was left out goes to stderr.

import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { importFormats, type ImportFormat } from '../../api/common/contract';
import { importFiles, type IncomingFile } from '../../api/node/transfer';
import type { FormatIssue } from '../../core/formats';
import { currentAuthor, openWorkspace } from '../../host/workspace';
import { UsageError, type CommandLine, type OptionSpec } from '../args';
import { fail } from './check';
import { workspaceChoice } from '../workspace-option';
import { importFileTooLarge } from '../../core/limits';
import { forTerminal } from '../terminal-text';

export const options: OptionSpec = { flags: ['json'], values: ['format', 'document', 'workspace'] };

export async function run(commandLine: CommandLine): Promise<number> {
  const format = (commandLine.values.get('format') ?? 'auto') as ImportFormat;
  if (!importFormats.includes(format)) throw new UsageError(`--format is one of ${importFormats.join(', ')}`);
  if (commandLine.positionals.length === 0) throw new UsageError('import needs at least one FILE (or a folder of brat .txt and .ann files)');
  let files: IncomingFile[];
  try {
    files = await readInputs(commandLine.positionals);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const workspace = await openWorkspace(workspaceChoice(commandLine));
  try {
    const outcome = await importFiles(workspace, files, {
      format,
      documentId: commandLine.values.get('document'),
      author: currentAuthor(),
      now: new Date().toISOString(),
    });
    if (commandLine.flags.has('json')) {
      process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
    } else {
      for (const id of outcome.documentIds) process.stdout.write(`${id}\n`);
      const created = `${outcome.documentIds.length} document${outcome.documentIds.length === 1 ? '' : 's'}`;
      process.stderr.write(`imported ${created} and ${outcome.annotationCount} annotations into ${workspace.path}\n`);
      report('not anchored', outcome.unanchored);
      report('note', outcome.issues);
    }
    return 0;
  } finally {
    workspace.close();
  }
}

function report(kind: string, issues: readonly FormatIssue[]): void {
  for (const issue of issues) process.stderr.write(forTerminal(`${kind}: ${issue.record}: ${issue.problem}\n`));
}

/** Files as given; a folder stands for the files in it (not its subfolders). */
async function readInputs(paths: readonly string[]): Promise<IncomingFile[]> {
  const files: IncomingFile[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((error: unknown) => {
      throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error)}`);
    });
    if (info.isDirectory()) {
      const entries = (await readdir(path, { withFileTypes: true })).filter((e) => e.isFile() && !e.name.startsWith('.'));
      if (entries.length === 0) throw new Error(`${path} is a folder with no files in it`);
      for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) files.push(await readOne(join(path, entry.name)));
    } else if (!info.isFile()) {
      // Before opening: opening a pipe waits for a writer, reading a device never ends.
      throw new Error(`${path} is not a regular file (a device, pipe or socket); import reads files only`);
    } else {
      files.push(await readOne(path));
    }
  }
  return files;
}

/**
 * Checked on the open file before reading: a device (/dev/zero), a pipe or a
 * file over the limit is refused instead of read until memory runs out.
 */
async function readOne(path: string): Promise<IncomingFile> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(`${path} is not a regular file (a device, pipe or socket); import reads files only`);
    const tooLarge = importFileTooLarge(info.size);
    if (tooLarge !== null) throw new Error(`${path} ${tooLarge}`);
    // Read until the end, but never past the limit: a file may grow meanwhile, and some (in /proc) say size 0.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(1024 * 1024);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      const grown = importFileTooLarge(total);
      if (grown !== null) throw new Error(`${path} ${grown.replace(/^is /, 'is over ')}`);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    const bytes = Buffer.concat(chunks, total);
    return { name: path, bytes };
  } finally {
    await handle.close();
  }
}
