// Which file of the built renderer an app:// URL names. The path is taken as
// written, before URL parsing could fold `..` segments into something
// harmless-looking, and goes through the hosts' one guard. Electron-free, so
// it is unit-tested.

import { rendererFilePath } from '../host/renderer-files';
import { isAppUrl } from './app-origin';

/** The file inside `root` that `url` names, or null when it names none or would leave `root`. */
export function resolveAppFile(root: string, url: string): string | null {
  return isAppUrl(url) ? rendererFilePath(root, rawPathOf(url)) : null;
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
