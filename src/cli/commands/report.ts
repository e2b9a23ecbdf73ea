// `report [DOC_ID...|--all] --format html|csv|json [--words translation|source] [-o PATH]`:
// the MQM scorecards and insights of documents, as the app exports them, to stdout or PATH.

import { rename, writeFile } from 'node:fs/promises';
import { buildReport } from '../../api/node/reports';
import { REPORT_FORMATS, reportFile, type ReportFormat } from '../../core/report-files';
import { WORD_COUNT_BASES, type WordCountBasis } from '../../core/reports';
import { openWorkspace } from '../../host/workspace';
import { UsageError, type CommandLine, type OptionSpec } from '../args';
import { workspaceChoice } from '../workspace-option';

export const options: OptionSpec = { flags: ['all'], values: ['format', 'o', 'output', 'workspace', 'words'] };

export async function run(commandLine: CommandLine): Promise<number> {
  const format = commandLine.values.get('format') as ReportFormat | undefined;
  if (format === undefined || !REPORT_FORMATS.includes(format)) throw new UsageError(`report needs --format, one of ${REPORT_FORMATS.join(', ')}`);
  const words = (commandLine.values.get('words') ?? 'translation') as WordCountBasis;
  if (!WORD_COUNT_BASES.includes(words)) throw new UsageError(`--words is one of ${WORD_COUNT_BASES.join(', ')}: whose words a score is per`);
  const all = commandLine.flags.has('all');
  const ids = commandLine.positionals;
  if (all === (ids.length > 0)) throw new UsageError('report needs document ids (see: list) or --all, not both');
  const output = commandLine.values.get('o') ?? commandLine.values.get('output');
  const workspace = await openWorkspace(workspaceChoice(commandLine));
  let file: { name: string; content: string };
  try {
    file = reportFile(buildReport(workspace.db, all ? 'all' : ids, new Date().toISOString(), words), format);
  } finally {
    workspace.close();
  }
  if (output === undefined) {
    process.stdout.write(file.content);
    return 0;
  }
  // Written beside and renamed into place: an interrupted run never leaves half a report under the name.
  const temporary = `${output}.${process.pid}.tmp`;
  await writeFile(temporary, file.content, 'utf8');
  await rename(temporary, output);
  process.stderr.write(`wrote ${output}\n`);
  return 0;
}
