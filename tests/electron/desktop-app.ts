// Launching the built desktop app for a test with Playwright's _electron, on a
// workspace and a profile (userData, single-instance lock) of its own.

import { _electron as electron, expect, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { DesktopBridge } from '../../src/api/common/desktop-bridge';

export const ROOT = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

/** Electron's binary and better-sqlite3's Electron build, or why the desktop app cannot run here. */
function findElectron(): { binary: string | null; missing: string } {
  let binary: string;
  try {
    // The electron package exports its binary's path, and throws when it was never downloaded.
    binary = require('electron') as string;
  } catch {
    return { binary: null, missing: 'Electron binary not installed: node_modules/electron has no downloaded binary (npm start downloads it where it can)' };
  }
  if (!existsSync(binary)) return { binary: null, missing: `Electron binary not installed: ${binary} does not exist` };
  const sqlite = join(dirname(require.resolve('better-sqlite3/package.json')), 'build-electron', 'better_sqlite3.node');
  if (!existsSync(sqlite)) return { binary: null, missing: `better-sqlite3 is not built for Electron (${sqlite}); run npm start once to build it` };
  return { binary, missing: '' };
}

const found = findElectron();
export const hasElectron = found.binary !== null;
/** Why every test is skipped when the desktop app cannot run here. */
export const missingElectron = found.missing;

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `scholia-electron-${prefix}-`));
}

export function tempWorkspacePath(): string {
  return join(tempDir('workspace'), 'workspace.sqlite');
}

export interface RunningApp {
  app: ElectronApplication;
  page: Page;
}

export interface LaunchOptions {
  /** Passed as --workspace; without it the default workspace in `userData` opens. */
  workspacePath?: string;
  /** The app's profile folder (SCHOLIA_USER_DATA). */
  userData?: string;
}

export async function launchApp(options: LaunchOptions = {}): Promise<RunningApp> {
  const args = [join(ROOT, 'out/main/index.js')];
  if (options.workspacePath !== undefined) args.push('--workspace', options.workspacePath);
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  delete env.SCHOLIA_WORKSPACE;
  delete env.ELECTRON_RUN_AS_NODE;
  env.SCHOLIA_USER_DATA = options.userData ?? tempDir('profile');
  const app = await electron.launch({ executablePath: found.binary ?? undefined, args, cwd: ROOT, env });
  const page = await app.firstWindow();
  await expect(page).toHaveURL(/^app:\/\/scholia\//);
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

/** Calls the api through the preload bridge, as the renderer does. */
export async function invoke<T>(page: Page, method: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(
    ([m, i]) => (window as unknown as { scholia: DesktopBridge }).scholia.invoke(m, i),
    [method, input] as const,
  );
  const result = envelope as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/** The editor's text as the user sees it: one paragraph per line. */
export async function editorText(page: Page): Promise<string> {
  return page.locator('[data-testid=editor] p').evaluateAll((ps) => ps.map((p) => p.textContent ?? '').join('\n'));
}

export async function openDocument(page: Page, title: string): Promise<void> {
  await page.getByTestId('document-item').filter({ hasText: title }).getByRole('button').first().click();
  await expect(page.getByTestId('editor')).toBeVisible();
}

/** Clicks an item of the native menu, as the user would. */
export async function clickMenuItem(app: ElectronApplication, id: string): Promise<void> {
  await app.evaluate(({ Menu }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    if (!item) throw new Error(`no menu item ${itemId}`);
    item.click();
  }, id);
}
