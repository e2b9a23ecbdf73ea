// The report as PDF in the desktop app: the renderer asks through the preload
// bridge; main checks the sender and the offered file name, prints the page
// with Electron's printToPDF (the page's print stylesheet applies) and saves
// it where the user picks.

import { writeFile } from 'node:fs/promises';
import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_REPORT_PDF_CHANNEL, PDF_FILE_NAME, type ReportPdfResult } from '../api/common/desktop-bridge';
import { senderAllowed } from './ipc';

/** Binds the channel once; the window is read per call, as it can be replaced. */
export function bindReportPdf(window: () => BrowserWindow | null): void {
  ipcMain.handle(IPC_REPORT_PDF_CHANNEL, async (event: IpcMainInvokeEvent, fileName: unknown): Promise<ReportPdfResult> => {
    const win = window();
    if (win === null || !senderAllowed(event, win)) return { saved: false, error: 'a PDF is made only for Scholia’s own page' };
    if (typeof fileName !== 'string' || !PDF_FILE_NAME.test(fileName)) return { saved: false, error: 'the file name must be one name ending in .pdf' };
    try {
      const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', margins: { marginType: 'default' } });
      const choice = await dialog.showSaveDialog(win, { title: 'Save Report as PDF', defaultPath: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
      if (choice.canceled || !choice.filePath) return { saved: false };
      await writeFile(choice.filePath, pdf);
      return { saved: true, path: choice.filePath };
    } catch (error) {
      return { saved: false, error: error instanceof Error ? error.message : String(error) };
    }
  });
}
