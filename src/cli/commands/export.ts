// `export [DOC_ID...|--all] --format F [-o PATH]`: documents in one format.
// One output file goes to stdout without -o, else to PATH (a file, or into
// PATH if it is a folder); several (brat, or text of several documents) need
// -o DIR, or -o NAME.zip for one archive of them all. What the format left
// out goes to stderr.

import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { exportFormats, type ExportFormat, type TransferExport } from '../../api/common/contract';
import { exportFiles } from '../../api/node/transfer';
import { zipFiles } from '../../core/formats/zip-archive';
import { openWorkspace } from '../../host/workspace';
import { UsageError, type CommandLine, type OptionSpec } from '../args';
import { writeAtomically } from '../atomic-write';
import { refuseProtectedTarget } from '../output-guard';
import { forTerminal } from '../terminal-text';
import { workspaceChoice } from '../workspace-option';

export const options: OptionSpec = { flags: ['all'], values: ['format', 'o', 'output', 'workspace'] };

export async function run(commandLine: CommandLine): Promise<number> {
  const format = commandLine.values.get('format') as ExportFormat | undefined;
  if (format === undefined || !exportFormats.includes(format)) throw new UsageError(`export needs --format, one of ${exportFormats.join(', ')}`);
  const all = commandLine.flags.has('all');
  const ids = commandLine.positionals;
  if (all === (ids.length > 0)) throw new UsageError('export needs document ids (see: list) or --all, not both');
  const output = commandLine.values.get('o') ?? commandLine.values.get('output');
  const workspace = await openWorkspace(workspaceChoice(commandLine));
  const protectedFiles = [{ path: workspace.path, what: 'the workspace' }];
  let result: TransferExport;
  try {
    // Refused before anything is read or written; the folder case checks each file below.
    if (output !== undefined) refuseProtectedTarget(output, protectedFiles);
    result = exportFiles(workspace, all ? 'all' : ids, format, new Date().toISOString());
  } finally {
    workspace.close();
  }
  for (const issue of result.omitted) process.stderr.write(forTerminal(`left out: ${issue.record}: ${issue.problem}\n`));
  const { files } = result;
  if (output === undefined) {
    if (files.length !== 1) throw new UsageError(`${format} export of these documents is ${files.length} files: give a folder with -o DIR`);
    process.stdout.write(files[0]!.content);
    return 0;
  }
  if (/\.zip$/i.test(output)) {
    await writeAtomically(output, zipFiles(files));
    process.stderr.write(`wrote ${output} (${files.map((f) => f.name).join(', ')})\n`);
    return 0;
  }
  const isFolder = await stat(output).then(
    (info) => info.isDirectory(),
    () => files.length !== 1,
  );
  if (isFolder) {
    const targets = files.map((file) => join(output, file.name));
    for (const target of targets) refuseProtectedTarget(target, protectedFiles);
    await mkdir(output, { recursive: true });
    for (const file of files) await writeAtomically(join(output, file.name), file.content);
    process.stderr.write(`wrote ${files.map((f) => join(output, f.name)).join(', ')}\n`);
  } else {
    if (files.length !== 1) throw new UsageError(`${format} export of these documents is ${files.length} files: -o must name a folder`);
    await writeAtomically(output, files[0]!.content);
  }
  return 0;
}
