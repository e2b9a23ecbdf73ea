// Serving the built renderer, never anything outside its folder.

import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { contentTypeOf } from '../host/content-types';
import { rendererFilePath, servableFileSize } from '../host/renderer-files';

export function serveStatic(root: string, urlPath: string, res: ServerResponse, headOnly: boolean): void {
  const file = rendererFilePath(root, urlPath);
  const size = file === null ? null : servableFileSize(root, file);
  if (file === null || size === null) {
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
