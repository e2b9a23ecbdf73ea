// Which workspace a host opens, and the api bound to it: the one way the
// desktop app, the web host and the command line choose, open and serve a
// workspace, and name the author of what is written in it.

import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatch, type Dispatch } from '../api/node/dispatch';
import { createService } from '../api/node/service';
import { createTransfers } from '../api/node/transfer-tasks';
import { Workspace } from '../store/workspace';
import { readSampleDocument, SAMPLE_FILE } from './sample';

export interface WorkspaceChoice {
  path: string;
  /** Only the default workspace starts with the sample document. */
  withSample: boolean;
}

export interface OpenOptions {
  /** better-sqlite3 built for the running runtime (Electron's), when not the package's own. */
  nativeBinding?: string | undefined;
}

export interface BoundWorkspace {
  workspace: Workspace;
  dispatch: Dispatch;
}

/**
 * `--workspace PATH`, else $SCHOLIA_WORKSPACE, else `defaultPath` (the
 * desktop app's userData folder or the XDG data folder): the default
 * workspace alone starts with the sample document.
 */
export function chooseWorkspace(explicit: string | null | undefined, env: NodeJS.ProcessEnv, defaultPath: string): WorkspaceChoice {
  const path = explicit || env.SCHOLIA_WORKSPACE || null;
  return path ? { path: resolve(path), withSample: false } : { path: resolve(defaultPath), withSample: true };
}

/** Opens (creating it if need be) the chosen workspace; a new default workspace gets the sample, when it is installed. */
export async function openWorkspace(choice: WorkspaceChoice, options: OpenOptions = {}): Promise<Workspace> {
  const resourcesDir = choice.withSample ? findResourcesDir() : null;
  const sample = resourcesDir === null ? undefined : readSampleDocument(resourcesDir);
  return Workspace.open(choice.path, { sample, nativeBinding: options.nativeBinding });
}

/**
 * The workspace with the api's dispatch over it, recording edits and
 * annotations as the current user's. Imports and exports run in a worker
 * thread, so a long one keeps no other call (window) waiting.
 */
export async function openBoundWorkspace(choice: WorkspaceChoice, options: OpenOptions = {}): Promise<BoundWorkspace> {
  const workspace = await openWorkspace(choice, options);
  const transfers = createTransfers(workspace, { kind: 'worker', nativeBinding: options.nativeBinding });
  return { workspace, dispatch: createDispatch(createService({ workspace, author: currentAuthor(), transfers }), reportInternalError) };
}

/** The login name of whoever runs the host: the author of what they write. */
export function currentAuthor(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** A fault of ours behind an `internal` api error: the user sees the message, the log gets the stack. */
function reportInternalError(error: unknown): void {
  process.stderr.write(`scholia: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
}

/**
 * The folder holding resources/ (the sample document), looked for upwards
 * from this file: the package folder from the source (src/host) and from
 * every build (out/main, out/cli, their chunk folders, and inside a packaged app). Null when the
 * sample is not installed.
 */
export function findResourcesDir(from: string = dirname(fileURLToPath(import.meta.url))): string | null {
  for (let dir = resolve(from), depth = 0; depth < 4; dir = dirname(dir), depth++) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, SAMPLE_FILE))) return candidate;
  }
  return null;
}
