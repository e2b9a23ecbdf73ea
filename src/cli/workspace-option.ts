// Which workspace a command works on: --workspace PATH, else $SCHOLIA_WORKSPACE,
// else the default one (which alone starts with the sample document).

import { userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readSampleDocument } from '../host/sample';
import { defaultWorkspacePath } from '../store/location';
import { Workspace } from '../store/workspace';
import type { CommandLine } from './args';

export const RESOURCES_DIR = fileURLToPath(new URL('../../resources', import.meta.url));

export async function openWorkspaceFromOptions(commandLine: CommandLine): Promise<Workspace> {
  const explicit = commandLine.values.get('workspace') ?? process.env.SCHOLIA_WORKSPACE;
  if (explicit) return Workspace.open(explicit);
  return Workspace.open(defaultWorkspacePath(), { sample: readSampleDocument(RESOURCES_DIR) });
}

export function currentAuthor(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
