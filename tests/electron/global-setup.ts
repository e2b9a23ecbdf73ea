// Builds the app once before the Electron tests, when they can run at all.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { hasElectron, missingElectron, ROOT } from './desktop-app';

export default function globalSetup(): void {
  if (!hasElectron) {
    // The list reporter does not print skip reasons: say it once here.
    console.log(`Skipping the Electron tests. ${missingElectron}`);
    return;
  }
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('electron-vite build failed');
}
