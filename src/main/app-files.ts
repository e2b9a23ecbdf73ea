// Which file of the built renderer an app:// URL names, and its content type.
// Only files inside the renderer folder are ever served: any `..` segment,
// plain or percent-encoded, backslashes, NUL and absolute paths are refused
// outright rather than normalized away. Electron-free, so it is unit-tested.

import { isAbsolute, resolve, sep } from 'node:path';
import { isAppUrl } from './app-origin';

/** The file inside `root` that `url` names, or null when it names none or would leave `root`. */
export function resolveAppFile(root: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  // The raw path, before URL parsing could fold `..` segments into something harmless-looking.
  const rawPath = rawPathOf(url);
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded.replace(/^\//, '');
  if (relative === '') return resolve(root, 'index.html');
  if (relative.startsWith('/') || isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) return null;
  if (relative.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  const base = resolve(root);
  const full = resolve(base, relative);
  return full.startsWith(base + sep) ? full : null;
}

/** The path of `app://host/path?query#hash` exactly as written. */
function rawPathOf(url: string): string {
  const afterScheme = url.slice(url.indexOf('//') + 2);
  const slash = afterScheme.indexOf('/');
  if (slash < 0) return '/';
  const path = afterScheme.slice(slash);
  const end = path.search(/[?#]/);
  return end < 0 ? path : path.slice(0, end);
}
