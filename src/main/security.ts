// The session and web contents rules: no permissions, the CSP on every
// response, no navigation away from the app, no new windows, no webviews.

import { app, shell, type Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/content-security-policy';
import { externalWebUrl, isAppUrl } from './app-origin';

export function hardenSession(session: Session): void {
  // The workbench needs no camera, notifications, clipboard reads or anything else.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/** Applies to every web contents the app ever creates, including ones it never meant to. */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      // Links meant for a new window (target=_blank) open in the system browser, and only web links do.
      const external = externalWebUrl(url);
      if (external !== null) void shell.openExternal(external);
      return { action: 'deny' };
    });
  });
}
