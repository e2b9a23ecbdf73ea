// The api over IPC: one channel in, one channel out. Every call passes the
// sender check before the dispatch (which validates method and input).

import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../api/common/contract';
import type { Dispatch } from '../api/node/dispatch';
import { IPC_API_CHANNEL, IPC_EVENT_CHANNEL } from '../api/common/desktop-bridge';
import type { HostEvent } from '../api/common/host-events';
import { isTrustedSender } from './app-origin';

/** Binds the api once; `window` and `dispatch` are read per call, as both can be replaced. */
export function bindApi(window: () => BrowserWindow | null, dispatch: () => Dispatch): void {
  ipcMain.handle(IPC_API_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown): Envelope<unknown> | Promise<Envelope<unknown>> => {
    if (!senderAllowed(event, window())) {
      return { ok: false, error: { code: 'unauthorized', message: 'api calls are accepted only from Scholia’s own page' } };
    }
    return dispatch()(method, input);
  });
}

export function sendHostEvent(window: BrowserWindow | null, event: HostEvent): void {
  if (window !== null && !window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event);
}

/** Whether a call comes from our own page in our own window (every IPC handler asks first). */
export function senderAllowed(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  return isTrustedSender(
    frame === null
      ? null
      : {
          url: frame.url,
          isMainFrame: frame.parent === null,
          isOurWindow: window !== null && !window.isDestroyed() && event.sender.id === window.webContents.id,
        },
  );
}
