// The app's own origin. The renderer is served from app://scholia/ (see
// app-protocol.ts); only that origin may be navigated to, call the api over
// IPC or receive host events. Electron-free, so it is unit-tested in Node.

export const APP_SCHEME = 'app';
export const APP_HOST = 'scholia';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const RENDERER_URL = `${APP_ORIGIN}/index.html`;

/** True for URLs of the app's own origin (scheme and host, no port or credentials). */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** What the api handler knows about the frame an IPC call came from. */
export interface SenderFrame {
  url: string;
  /** The frame has no parent. */
  isMainFrame: boolean;
  /** The call came from the web contents of our window, not another one. */
  isOurWindow: boolean;
}

/** Only the main frame of our window, showing our own page, may call the api. */
export function isTrustedSender(frame: SenderFrame | null): boolean {
  return frame !== null && frame.isOurWindow && frame.isMainFrame && isAppUrl(frame.url);
}

/**
 * The http(s) URL to hand to the system browser, normalized, or null for
 * every other scheme (file:, javascript:, custom handlers) and for URLs that
 * carry credentials.
 */
export function externalWebUrl(url: string): string | null {
  const parsed = parseUrl(url);
  if (parsed === null || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') return null;
  return parsed.href;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
