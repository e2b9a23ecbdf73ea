// Where the default workspace lives outside Electron: $XDG_DATA_HOME/scholia
// or ~/.local/share/scholia (Electron uses its userData folder instead).

import { homedir } from 'node:os';
import { join } from 'node:path';

export const WORKSPACE_FILE_NAME = 'workspace.scholia.sqlite';

export function defaultDataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'scholia');
}

export function defaultWorkspacePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(defaultDataDirectory(env), WORKSPACE_FILE_NAME);
}
