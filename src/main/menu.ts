// The native menu. Items the renderer carries out go to it as `command` host
// events; ProseMirror owns undo, so Undo/Redo are commands, not roles.

import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { RendererCommand } from '../api/common/host-events';

export interface MenuActions {
  importFiles(): void;
  openWorkspace(): void;
  command(command: RendererCommand): void;
}

export interface MenuContext {
  isMac: boolean;
  /** Reload and developer tools only in development. */
  isPackaged: boolean;
}

/** Items carry ids (the command's name) so tests can click them. */
export function buildMenu(actions: MenuActions, { isMac, isPackaged }: MenuContext): Menu {
  // The renderer binds these shortcuts itself (the web host has no menu), so the
  // menu only shows them: registering them too would run each command twice.
  const rendererShortcut = (label: string, command: RendererCommand, accelerator?: string): MenuItemConstructorOptions => ({
    id: command,
    label,
    click: () => actions.command(command),
    ...(accelerator === undefined ? {} : { accelerator, registerAccelerator: false }),
  });
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: '&File',
      submenu: [
        { id: 'import', label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
        rendererShortcut('Paste as New Document', 'paste-as-new'),
        // The renderer asks what and in which format, and saves the files.
        rendererShortcut('Export…', 'export'),
        { type: 'separator' },
        { id: 'open-workspace', label: 'Open Workspace…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openWorkspace() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        rendererShortcut('Undo', 'undo', 'CmdOrCtrl+Z'),
        rendererShortcut('Redo', 'redo', isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        rendererShortcut('Find…', 'find', 'CmdOrCtrl+F'),
      ],
    },
    {
      label: '&View',
      submenu: [
        rendererShortcut('Toggle Edit/Annotate Mode', 'toggle-mode', 'CmdOrCtrl+E'),
        rendererShortcut('Library', 'show-library'),
        { type: 'separator' },
        ...(isPackaged ? [] : [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const]),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    ...(isMac ? [{ role: 'windowMenu' } as const] : []),
    {
      label: '&Help',
      role: 'help',
      submenu: [rendererShortcut('Keyboard Shortcuts', 'keyboard-sheet', 'F1')],
    },
  ];
  return Menu.buildFromTemplate(template);
}
