// `list [--json]`: the workspace's documents with their sizes and counts.

import { listDocuments } from '../../store/documents';
import { openWorkspace } from '../../host/workspace';
import { UsageError, type CommandLine, type OptionSpec } from '../args';
import { workspaceChoice } from '../workspace-option';

export const options: OptionSpec = { flags: ['json'], values: ['workspace'] };

export async function run(commandLine: CommandLine): Promise<number> {
  if (commandLine.positionals.length > 0) throw new UsageError(`list takes no arguments, got ${commandLine.positionals.join(' ')}`);
  const workspace = await openWorkspace(workspaceChoice(commandLine));
  try {
    const rows = listDocuments(workspace.db).map((d) => ({
      id: d.id,
      title: d.title,
      sourceName: d.sourceName,
      annotations: d.annotationCount,
      edits: d.editCount,
      length: d.length,
      updatedAt: d.updatedAt,
    }));
    if (commandLine.flags.has('json')) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    else process.stdout.write(rows.length === 0 ? `no documents in ${workspace.path}\n` : table(rows));
    return 0;
  } finally {
    workspace.close();
  }
}

/** Numbers right-aligned; the title last, so wide (CJK) titles never push the columns apart. */
function table(rows: { id: string; title: string; annotations: number; edits: number; length: number }[]): string {
  const header = ['ID', 'ANNOTATIONS', 'EDITS', 'LENGTH', 'TITLE'];
  const cells = rows.map((r) => [r.id, String(r.annotations), String(r.edits), String(r.length), oneLine(r.title)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => [...c[i]!].length)));
  const line = (c: string[]) =>
    c
      .map((cell, i) => (i === c.length - 1 ? cell : i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return `${[header, ...cells].map(line).join('\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
}
