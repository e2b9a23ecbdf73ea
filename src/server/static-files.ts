// Serving the built renderer, never anything outside its folder.

import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { resolve, sep } from 'node:path';
import { contentTypeOf } from '../host/content-types';

/** Resolves a request path inside `root`, or null when it would leave it. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = resolve(root, relative);
  return full.startsWith(resolve(root) + sep) ? full : null;
}

export function serveStatic(root: string, urlPath: string, res: ServerResponse, headOnly: boolean): void {
  const file = resolveStaticPath(root, urlPath);
  let size = -1;
  if (file) {
    try {
      const stat = statSync(file);
      // A symbolic link inside the folder must not lead out of it either.
      if (stat.isFile() && realpathSync(file).startsWith(realpathSync(root) + sep)) size = stat.size;
    } catch {
      size = -1;
    }
  }
  if (!file || size < 0) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': contentTypeOf(file),
    'Content-Length': size,
    'Cache-Control': 'no-cache',
  });
  if (headOnly) res.end();
  else createReadStream(file).pipe(res);
}
