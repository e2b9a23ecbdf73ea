// The preload: exposes the DesktopBridge on `window.scholia` and nothing else.
// ipcRenderer itself never reaches the page; listeners receive the event's
// payload only, never the IpcRendererEvent (which carries `sender`).

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_API_CHANNEL, IPC_EVENT_CHANNEL, IPC_REPORT_PDF_CHANNEL, type DesktopBridge, type ReportPdfResult } from '../api/common/desktop-bridge';

const bridge: DesktopBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_API_CHANNEL, method, input),
  saveReportPdf: (fileName) => ipcRenderer.invoke(IPC_REPORT_PDF_CHANNEL, fileName) as Promise<ReportPdfResult>,
  onHostEvent(listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('scholia', bridge);
