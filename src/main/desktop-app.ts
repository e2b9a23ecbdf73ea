// The running desktop app: its window and its workspace, and what the menu
// and later launches ask of them.

import type { BrowserWindow } from 'electron';
import { resolve } from 'node:path';
import type { Dispatch } from '../api/node/dispatch';
import type { RendererCommand } from '../api/common/host-events';
import { offerAnotherWorkspace, pickFilesToImport, pickWorkspaceFile, showImportFailures, showWorkspaceSwitchFailure } from './dialogs';
import { importFiles } from './import-files';
import { sendHostEvent } from './ipc';
import { createMainWindow } from './window';
import type { BoundWorkspace, WorkspaceChoice } from '../host/workspace';
import { describeOpenFailure, openDesktopWorkspace } from './workspace';

export class DesktopApp {
  private window: BrowserWindow | null = null;

  private constructor(
    private bound: BoundWorkspace,
    private readonly preloadPath: string,
  ) {}

  /**
   * Opens the workspace to start with; when it cannot be opened, says why and
   * offers another. Null when the user chose to quit.
   */
  static async start(choice: WorkspaceChoice, preloadPath: string): Promise<DesktopApp | null> {
    for (let next: WorkspaceChoice | null = choice; next !== null; ) {
      try {
        return new DesktopApp(await openDesktopWorkspace(next), preloadPath);
      } catch (error) {
        const another: string | null = (await offerAnotherWorkspace(next.path, describeOpenFailure(error))) ? await pickWorkspaceFile(null) : null;
        next = another === null ? null : { path: another, withSample: false };
      }
    }
    return null;
  }

  get dispatch(): Dispatch {
    return this.bound.dispatch;
  }

  get mainWindow(): BrowserWindow | null {
    return this.window;
  }

  /** Brings the window to the front, creating it when there is none. */
  showWindow(): BrowserWindow {
    if (this.window !== null && !this.window.isDestroyed()) {
      if (this.window.isMinimized()) this.window.restore();
      this.window.focus();
      return this.window;
    }
    const window = createMainWindow(this.preloadPath);
    window.on('closed', () => {
      if (this.window === window) this.window = null;
    });
    this.window = window;
    return window;
  }

  command(command: RendererCommand): void {
    sendHostEvent(this.window, { type: 'command', command });
  }

  async importFromDialog(): Promise<void> {
    await this.importPaths(await pickFilesToImport(this.showWindow()));
  }

  async importPaths(paths: readonly string[]): Promise<void> {
    if (paths.length === 0) return;
    const window = this.showWindow();
    const outcome = await importFiles(paths, this.bound.dispatch);
    if (outcome.imported > 0) sendHostEvent(window, { type: 'documents-changed' });
    if (outcome.failures.length > 0) await showImportFailures(window, outcome.failures, outcome.imported);
  }

  /** Opens the new workspace before closing the current one, so a failure leaves the user where they were. */
  async openWorkspaceFromDialog(): Promise<void> {
    const window = this.showWindow();
    const path = await pickWorkspaceFile(window);
    if (path === null || resolve(path) === this.bound.workspace.path) return;
    let next: BoundWorkspace;
    try {
      next = await openDesktopWorkspace({ path: resolve(path), withSample: false });
    } catch (error) {
      await showWorkspaceSwitchFailure(window, path, describeOpenFailure(error));
      return;
    }
    const previous = this.bound;
    this.bound = next;
    previous.workspace.close();
    sendHostEvent(window, { type: 'workspace-changed', path: next.workspace.path });
  }

  /** Closing the database checkpoints its WAL into the workspace file. */
  close(): void {
    this.bound.workspace.close();
  }
}
