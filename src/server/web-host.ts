// The web host: the renderer and the api over HTTP on 127.0.0.1, guarded by a
// per-launch token. Same renderer, same api as the desktop app.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiErrorCode, Envelope } from '../api/common/contract';
import type { Dispatch } from '../api/node/dispatch';
import { CONTENT_SECURITY_POLICY } from '../host/content-security-policy';
import { hostAllowed, requestFromOwnPage, tokenMatches } from './security';
import { serveStatic } from './static-files';

/** Largest api request body: a 16 MiB file in base64 plus its JSON. */
export const MAX_BODY_BYTES = 24 * 1024 * 1024;

export const TOKEN_HEADER = 'x-scholia-token';

export interface WebHostOptions {
  dispatch: Dispatch;
  /** Folder of the built renderer (index.html and assets). */
  rendererRoot: string;
  token: string;
  /** 0 picks any free port. */
  port: number;
}

export interface WebHost {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

const STATUS: Partial<Record<ApiErrorCode, number>> = {
  unknown_method: 404,
  invalid_input: 400,
  bad_file: 400,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  workspace: 503,
  cancelled: 409,
  internal: 500,
};

export function startWebHost(options: WebHostOptions): Promise<WebHost> {
  let port = options.port;
  const server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    // Nothing the host answers is for caches; the static files say no-cache instead.
    res.setHeader('Cache-Control', 'no-store');
    if (!hostAllowed(req.headers.host, port)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('unexpected Host header');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      handleApi(options, url.pathname.slice('/api/'.length), port, req, res);
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      serveStatic(options.rendererRoot, url.pathname, res, req.method === 'HEAD');
    } else {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        server,
        port,
        url: `http://127.0.0.1:${port}/#token=${options.token}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // A browser keeps connections alive; without this close() would wait for it.
            server.closeAllConnections();
          }),
      });
    });
  });
}

function handleApi(options: WebHostOptions, method: string, port: number, req: IncomingMessage, res: ServerResponse): void {
  // A client that goes away mid-request is no error of the host's.
  req.on('error', () => req.destroy());
  if (!requestFromOwnPage(headerValue(req.headers.origin), headerValue(req.headers['sec-fetch-site']), port)) {
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('the api answers only the page this host serves');
    return;
  }
  if (!tokenMatches(options.token, headerValue(req.headers[TOKEN_HEADER]))) {
    send(res, { ok: false, error: { code: 'unauthorized', message: 'missing or wrong token: open the URL the web host printed' } });
    return;
  }
  if (req.method !== 'POST') {
    res.writeHead(405, { Allow: 'POST' }).end();
    return;
  }
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) {
    send(res, { ok: false, error: { code: 'invalid_input', message: 'api requests are JSON (Content-Type: application/json)' } });
    return;
  }
  const tooLarge = () => {
    refused = true;
    res.writeHead(413, { 'Content-Type': 'application/json; charset=utf-8', Connection: 'close' });
    res.end(JSON.stringify({ ok: false, error: { code: 'invalid_input', message: `request body over ${MAX_BODY_BYTES} bytes` } }));
    // Stop reading: the rest of the body is not wanted, and the connection closes after the answer.
    req.pause();
    res.once('finish', () => req.destroy());
  };
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  // A declared length over the limit is refused before a byte of it is read.
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    tooLarge();
    return;
  }
  req.on('data', (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      tooLarge();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (refused) return;
    let input: unknown;
    try {
      input = chunks.length === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      send(res, { ok: false, error: { code: 'invalid_input', message: 'the request body is not valid JSON' } });
      return;
    }
    // The dispatch answers every call with an envelope; should it ever throw, the host still answers and keeps running.
    const internal = (error: unknown): Envelope<unknown> => ({ ok: false, error: { code: 'internal', message: `internal error: ${error instanceof Error ? error.message : String(error)}` } });
    const began = performance.now();
    new Promise<Envelope<unknown>>((resolve) => resolve(options.dispatch(method, input)))
      .then((envelope) => send(res, envelope, performance.now() - began))
      .catch((error: unknown) => {
        if (res.headersSent) res.destroy();
        else send(res, internal(error));
      });
  });
}

/** `dispatchMs`: the call's time in the service, told to the page as Server-Timing (the bench splits a save's latency with it). */
function send(res: ServerResponse, envelope: Envelope<unknown>, dispatchMs?: number): void {
  const status = envelope.ok ? 200 : (STATUS[envelope.error.code] ?? 500);
  const body = JSON.stringify(envelope);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...(dispatchMs !== undefined && { 'Server-Timing': `dispatch;dur=${dispatchMs.toFixed(2)}` }),
  });
  res.end(body);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
