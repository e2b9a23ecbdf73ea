// Scholia's Electron main process: the app's lifecycle, wired to the modules
// that do the work.

import { app, dialog, Menu, session } from 'electron';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { DesktopApp } from './desktop-app';
import { bindApi } from './ipc';
import { bindReportPdf } from './report-pdf';
import { filesFromInstanceData, parseLaunchArguments, type InstanceData, type LaunchArguments } from './launch-args';
import { buildMenu } from './menu';
import { guardAllWebContents, hardenSession } from './security';
import { chooseDesktopWorkspace } from './workspace';

const RENDERER_ROOT = fileURLToPath(new URL('../renderer', import.meta.url));
const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

function main(): void {
  // Every renderer sandboxed, even one created without our window's options.
  app.enableSandbox();
  registerAppScheme();
  guardAllWebContents();
  useScholiaProfile();

  let launch: LaunchArguments;
  try {
    launch = parseLaunchArguments(process.argv, process.defaultApp === true);
  } catch (error) {
    dialog.showErrorBox('Scholia', `${error instanceof Error ? error.message : String(error)}\n\nusage: scholia [--workspace PATH] [FILE...]`);
    app.exit(2);
    return;
  }
  const files = launch.files.map((file) => resolve(file));

  // A second launch hands its files to the first and quits.
  const instanceData: InstanceData = { files };
  if (!app.requestSingleInstanceLock(instanceData)) {
    app.quit();
    return;
  }

  let desktop: DesktopApp | null = null;
  app.on('second-instance', (_event, _argv, _cwd, data) => {
    if (desktop === null) return;
    desktop.showWindow();
    void desktop.importPaths(filesFromInstanceData(data));
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => desktop?.showWindow());
  app.on('will-quit', () => desktop?.close());

  void app.whenReady().then(async () => {
    desktop = await start(launch, files);
    if (desktop === null) app.quit();
  });
}

/**
 * Started as `electron out/main/index.js`, Electron does not read package.json
 * and would keep its profile under "Electron". SCHOLIA_USER_DATA gives a
 * separate profile (and single-instance lock), as the e2e tests need.
 */
function useScholiaProfile(): void {
  app.setName('Scholia');
  const custom = process.env.SCHOLIA_USER_DATA;
  app.setPath('userData', custom ? resolve(custom) : join(app.getPath('appData'), 'Scholia'));
}

async function start(launch: LaunchArguments, files: readonly string[]): Promise<DesktopApp | null> {
  hardenSession(session.defaultSession);
  serveRenderer(session.defaultSession, RENDERER_ROOT);
  const choice = chooseDesktopWorkspace(launch.workspace, process.env, app.getPath('userData'));
  const desktop = await DesktopApp.start(choice, PRELOAD_PATH);
  if (desktop === null) return null;
  bindApi(
    () => desktop.mainWindow,
    () => desktop.dispatch,
  );
  bindReportPdf(() => desktop.mainWindow);
  Menu.setApplicationMenu(
    buildMenu(
      {
        importFiles: () => void desktop.importFromDialog(),
        openWorkspace: () => void desktop.openWorkspaceFromDialog(),
        command: (command) => desktop.command(command),
      },
      { isMac: process.platform === 'darwin', isPackaged: app.isPackaged },
    ),
  );
  const window = desktop.showWindow();
  if (files.length > 0) window.webContents.once('did-finish-load', () => void desktop.importPaths(files));
  return desktop;
}

main();
