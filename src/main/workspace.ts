// Which workspace the desktop app opens, and the api dispatch bound to it.
// Electron-free: the caller passes Electron's folders in.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createDispatch, type Dispatch } from '../api/node/dispatch';
import { readSampleDocument, SAMPLE_FILE } from '../host/sample';
import { createService } from '../api/node/service';
import { WORKSPACE_FILE_NAME } from '../store/location';
import { Workspace } from '../store/workspace';

/** Where scripts/start.mjs puts better-sqlite3 built for Electron's ABI, inside the package folder. */
const ELECTRON_BINDING = join('build-electron', 'better_sqlite3.node');

export interface WorkspaceChoice {
  path: string;
  /** Only the default workspace starts with the sample document. */
  withSample: boolean;
}

export interface BoundWorkspace {
  workspace: Workspace;
  dispatch: Dispatch;
}

/** `--workspace`, else $SCHOLIA_WORKSPACE, else the default one in Electron's userData folder. */
export function chooseWorkspace(explicit: string | null, env: NodeJS.ProcessEnv, userDataDir: string): WorkspaceChoice {
  const path = explicit ?? (env.SCHOLIA_WORKSPACE || null);
  return path ? { path: resolve(path), withSample: false } : { path: join(userDataDir, WORKSPACE_FILE_NAME), withSample: true };
}

/**
 * The folder holding resources/ (the sample document): the app folder itself
 * under `electron .` or when packaged, two levels up when started as
 * `electron out/main/index.js` (the app path is then out/main).
 */
export function findResourcesDir(appPath: string): string | null {
  for (let dir = resolve(appPath), depth = 0; depth < 3; dir = dirname(dir), depth++) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, SAMPLE_FILE))) return candidate;
  }
  return null;
}

/** better-sqlite3 built for Electron, when the launcher could make one; else the package's own build. */
export function electronSqliteBinding(): string | undefined {
  const packageDir = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
  const binding = join(packageDir, ELECTRON_BINDING);
  return existsSync(binding) ? binding : undefined;
}

export async function openBoundWorkspace(choice: WorkspaceChoice, resourcesDir: string | null): Promise<BoundWorkspace> {
  const sample = choice.withSample && resourcesDir !== null ? readSampleDocument(resourcesDir) : undefined;
  const workspace = await Workspace.open(choice.path, { sample, nativeBinding: electronSqliteBinding() });
  const dispatch = createDispatch(createService({ workspace, author: currentAuthor() }), (error) => {
    console.error('scholia: internal error:', error);
  });
  return { workspace, dispatch };
}

function currentAuthor(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** A workspace that would not open, in words for a dialog. */
export function describeOpenFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Electron loading the Node build of better-sqlite3 fails with an ABI mismatch; say what fixes it.
  if (message.includes('NODE_MODULE_VERSION')) {
    return `${message}\n\nbetter-sqlite3 is not built for Electron. Start Scholia with 'npm start', which builds it, or use the web host ('npm run serve').`;
  }
  return message;
}
