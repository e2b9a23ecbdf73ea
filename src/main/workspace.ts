// What the desktop app adds to opening a workspace (src/host/workspace.ts):
// its default workspace in Electron's userData folder, better-sqlite3 built
// for Electron, and failures in words for a dialog. Electron-free: the caller
// passes Electron's folders in.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chooseWorkspace, openBoundWorkspace, type BoundWorkspace, type WorkspaceChoice } from '../host/workspace';
import { WORKSPACE_FILE_NAME } from '../store/location';

/** Where scripts/start.mjs puts better-sqlite3 built for Electron's ABI, inside the package folder. */
const ELECTRON_BINDING = join('build-electron', 'better_sqlite3.node');

/** `--workspace`, else $SCHOLIA_WORKSPACE, else the default one in Electron's userData folder. */
export function chooseDesktopWorkspace(explicit: string | null, env: NodeJS.ProcessEnv, userDataDir: string): WorkspaceChoice {
  return chooseWorkspace(explicit, env, join(userDataDir, WORKSPACE_FILE_NAME));
}

export function openDesktopWorkspace(choice: WorkspaceChoice): Promise<BoundWorkspace> {
  return openBoundWorkspace(choice, { nativeBinding: electronSqliteBinding() });
}

/** better-sqlite3 built for Electron, when the launcher could make one; else the package's own build. */
export function electronSqliteBinding(): string | undefined {
  const packageDir = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
  const binding = join(packageDir, ELECTRON_BINDING);
  return existsSync(binding) ? binding : undefined;
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
