// The native dialogs: picking files and workspaces, and reporting failures.

import { dialog, type BrowserWindow } from 'electron';

const WORKSPACE_FILTERS = [
  { name: 'Scholia workspaces', extensions: ['sqlite', 'db'] },
  { name: 'All files', extensions: ['*'] },
];

export async function pickFilesToImport(window: BrowserWindow): Promise<string[]> {
  const result = await dialog.showOpenDialog(window, {
    title: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Text and Scholia JSON', extensions: ['txt', 'md', 'json'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  return result.canceled ? [] : result.filePaths;
}

export async function pickWorkspaceFile(window: BrowserWindow | null): Promise<string | null> {
  const options = { title: 'Open Workspace', properties: ['openFile' as const], filters: WORKSPACE_FILTERS };
  const result = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

export async function showImportFailures(window: BrowserWindow, failures: readonly string[], imported: number): Promise<void> {
  await dialog.showMessageBox(window, {
    type: 'error',
    title: 'Import',
    message: failures.length === 1 ? 'A file was not imported' : `${failures.length} files were not imported`,
    detail: [...failures, ...(imported > 0 ? ['', `${imported} imported.`] : [])].join('\n'),
  });
}

/** At start, before any window: offer another workspace or quitting. True means "open another". */
export async function offerAnotherWorkspace(path: string, reason: string): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'Scholia',
    message: `The workspace ${path} cannot be opened`,
    detail: reason,
    buttons: ['Open Another Workspace…', 'Quit'],
    defaultId: 0,
    cancelId: 1,
  });
  return response === 0;
}

export async function showWorkspaceSwitchFailure(window: BrowserWindow, path: string, reason: string): Promise<void> {
  await dialog.showMessageBox(window, {
    type: 'error',
    title: 'Open Workspace',
    message: `The workspace ${path} cannot be opened; the current one stays open`,
    detail: reason,
  });
}
