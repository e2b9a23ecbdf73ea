// Which workspace a command works on: --workspace PATH, else $SCHOLIA_WORKSPACE,
// else the default one (which alone starts with the sample document).

import { chooseWorkspace, type WorkspaceChoice } from '../host/workspace';
import { defaultWorkspacePath } from '../store/location';
import type { CommandLine } from './args';

export function workspaceChoice(commandLine: CommandLine): WorkspaceChoice {
  return chooseWorkspace(commandLine.values.get('workspace'), process.env, defaultWorkspacePath());
}
