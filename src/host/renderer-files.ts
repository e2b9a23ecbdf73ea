// Which file of the built renderer a request names: the one guard both hosts
// (app:// in the desktop app, HTTP in the web host) serve files through.
// Only files inside the renderer folder are ever served: any `..` or `.`
// segment, plain or percent-encoded, backslashes, NUL and absolute paths are
// refused outright rather than normalized away, and a symbolic link must not
// lead out of the folder either.

import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, resolve, sep } from 'node:path';

/** The file inside `root` that `rawPath` (a URL path, percent-encoded as written) names, or null when it names none or would leave `root`. */
export function rendererFilePath(root: string, rawPath: string): string | null {
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

/** The size of `file` when it is a regular file that, symbolic links followed, is still inside `root`; else null. */
export function servableFileSize(root: string, file: string): number | null {
  try {
    const stat = statSync(file);
    return stat.isFile() && realpathSync(file).startsWith(realpathSync(root) + sep) ? stat.size : null;
  } catch {
    return null;
  }
}
