// `rename ID TITLE`: gives a document a new title, checked as the app checks it
// (the same contract), and prints the document's id and new title.

import type { DocumentSummary } from '../../core/model';
import { openBoundWorkspace } from '../../host/workspace';
import { UsageError, type CommandLine, type OptionSpec } from '../args';
import { workspaceChoice } from '../workspace-option';
import { fail } from './check';

export const options: OptionSpec = { values: ['workspace'] };

export async function run(commandLine: CommandLine): Promise<number> {
  const [id, ...words] = commandLine.positionals;
  if (id === undefined || words.length === 0) throw new UsageError('rename needs a document ID and a TITLE');
  const { workspace, dispatch } = await openBoundWorkspace(workspaceChoice(commandLine));
  try {
    // Words after the id are the title, so an unquoted title works too.
    const outcome = await dispatch('documents.rename', { id, title: words.join(' ') });
    if (!outcome.ok) {
      const detail = outcome.error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ');
      return fail(`cannot rename ${id}: ${detail ?? outcome.error.message}`);
    }
    const renamed = outcome.value as DocumentSummary;
    process.stdout.write(`${renamed.id}\t${renamed.title}\n`);
    return 0;
  } finally {
    workspace.close();
  }
}
