// The web host's defences, tried with raw HTTP (node:net, so request paths
// reach the server byte for byte: fetch and node:http would normalise them):
// loopback only, the launch token on every api call (compared in constant
// time), the Host header (DNS rebinding), no CORS, a body size limit, and
// static files that never come from outside the build folder.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../src/core/model';
import { createDispatch } from '../../src/api/node/dispatch';
import { createService } from '../../src/api/node/service';
import { createToken } from '../../src/server/security';
import { MAX_BODY_BYTES, startWebHost, type WebHost } from '../../src/server/web-host';
import { Workspace } from '../../src/store/workspace';
import { ROOT, killAllHosts, startHost } from './reliability-host';

const SECRET = 'TOP-SECRET-FILE-CONTENT';
const dir = mkdtempSync(join(tmpdir(), 'scholia-security-'));
const root = join(dir, 'renderer');
let ws: Workspace;
let host: WebHost;
let token: string;

beforeAll(async () => {
  // The build folder, and next to it what must never be served.
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Scholia</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  writeFileSync(join(dir, 'renderer-secret.txt'), SECRET);
  symlinkSync(dir, join(root, 'link'));
  symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'secret.js'));
  ws = await Workspace.open(join(dir, 'workspace.sqlite'));
  token = createToken();
  host = await startWebHost({ dispatch: createDispatch(createService({ workspace: ws, author: 'tester' })), rendererRoot: root, token, port: 0 });
});
afterAll(async () => {
  await host.close();
  ws.close();
  await killAllHosts();
  rmSync(dir, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends `head` (request line and headers, CRLF-separated) and `body` exactly as given. */
function raw(request: string, body: Buffer | string = '', port = host.port, address = '127.0.0.1'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, address);
    const chunks: Buffer[] = [];
    socket.on('connect', () => {
      socket.write(request);
      if (body.length > 0) socket.write(body);
    });
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (error) => (chunks.length > 0 ? finish() : reject(error)));
    socket.on('close', () => finish());
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      let body = rest.join('\r\n\r\n');
      if (headers['transfer-encoding'] === 'chunked') body = dechunk(body);
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers, body });
    };
  });
}

function dechunk(body: string): string {
  let out = '';
  let rest = body;
  for (;;) {
    const eol = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, eol), 16);
    if (eol < 0 || !(size > 0)) return out;
    out += rest.slice(eol + 2, eol + 2 + size);
    rest = rest.slice(eol + 2 + size + 2);
  }
}

const hostHeader = () => `127.0.0.1:${host.port}`;
const get = (path: string, headers: Record<string, string> = {}) =>
  raw(`GET ${path} HTTP/1.1\r\nHost: ${headers.Host ?? hostHeader()}\r\n${Object.entries(headers).filter(([k]) => k !== 'Host').map(([k, v]) => `${k}: ${v}\r\n`).join('')}Connection: close\r\n\r\n`);
const post = (method: string, body: string, headers: Record<string, string | undefined> = {}) => {
  const all: Record<string, string | undefined> = { Host: hostHeader(), 'Content-Type': 'application/json', 'X-Scholia-Token': token, 'Content-Length': String(Buffer.byteLength(body)), ...headers };
  const lines = Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  return raw(`POST /api/${method} HTTP/1.1\r\n${lines}Connection: close\r\n\r\n`, body);
};

describe('where the host listens', () => {
  it('binds 127.0.0.1 only: not the machine’s other addresses, not ::1', async () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    // And the real `serve` command, as users start it.
    const real = await startHost(join(dir, 'served.sqlite'));
    try {
      expect((await raw(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${real.port}\r\nConnection: close\r\n\r\n`, '', real.port)).status).toBe(200);
      const others = Object.values(networkInterfaces())
        .flat()
        .filter((i) => i !== undefined && !i.internal && !i.address.startsWith('fe80'))
        .map((i) => i!.address);
      for (const address of [...others, '::1']) {
        await expect(raw(`GET / HTTP/1.1\r\nHost: ${address}\r\nConnection: close\r\n\r\n`, '', real.port, address), `reachable on ${address}`).rejects.toMatchObject({
          code: expect.stringMatching(/ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH|EHOSTUNREACH/),
        });
      }
    } finally {
      await real.kill('SIGTERM');
    }
  });
});

describe('the launch token', () => {
  it('is required on every api call: missing, wrong, shorter, longer, in the query or doubled is 401, and nothing is written', async () => {
    const body = JSON.stringify({ title: 'Injected', text: 'should not be stored' });
    const wrongSameLength = token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    for (const given of [undefined, '', wrongSameLength, token.slice(0, -1), `${token}x`, token.toLowerCase() === token ? token.toUpperCase() : token.toLowerCase(), `Bearer ${token}`]) {
      const response = await post('documents.create', body, { 'X-Scholia-Token': given });
      expect(response.status, `token ${JSON.stringify(given)}`).toBe(401);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    const inQuery = await raw(
      `POST /api/documents.create?token=${token} HTTP/1.1\r\nHost: ${hostHeader()}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
      body,
    );
    expect(inQuery.status).toBe(401);
    const doubled = await raw(
      `POST /api/documents.create HTTP/1.1\r\nHost: ${hostHeader()}\r\nContent-Type: application/json\r\nX-Scholia-Token: nope\r\nX-Scholia-Token: ${token}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
      body,
    );
    expect(doubled.status).toBe(401);
    expect(ws.db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 0 });
    // With it, the same call works.
    const ok = await post('documents.create', body);
    expect(ok.status).toBe(200);
    expect((JSON.parse(ok.body) as { value: DocumentSummary }).value.title).toBe('Injected');
  });

  it('is compared in constant time (timingSafeEqual over digests) and is long and random', () => {
    const source = readFileSync(join(ROOT, 'src/server/security.ts'), 'utf8');
    const body = /export function tokenMatches[\s\S]*?\n}/.exec(source)?.[0] ?? '';
    expect(body).toContain('timingSafeEqual(');
    // No plain comparison of the strings themselves (`given === undefined` is fine).
    expect(body).not.toMatch(/(expected|given)\s*[!=]==?\s*(expected|given)|\.equals\(|localeCompare|\.compare\(/);
    expect(readFileSync(join(ROOT, 'src/server/web-host.ts'), 'utf8')).toMatch(/tokenMatches\(options\.token,/);
    const tokens = new Set(Array.from({ length: 50 }, () => createToken()));
    expect(tokens.size).toBe(50);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
  });
});

describe('the Host header (DNS rebinding)', () => {
  it('must be 127.0.0.1:PORT or localhost:PORT, for the page and the api alike', async () => {
    expect((await get('/', { Host: `127.0.0.1:${host.port}` })).status).toBe(200);
    expect((await get('/', { Host: `localhost:${host.port}` })).status).toBe(200);
    for (const bad of [`evil.com:${host.port}`, 'evil.com', '127.0.0.1', `127.0.0.1:${host.port + 1}`, `127.0.0.1:${host.port}.evil.com`, `[::1]:${host.port}`, `0.0.0.0:${host.port}`, `localhost.:${host.port}`]) {
      const page = await get('/', { Host: bad });
      expect(page.status, bad).toBe(421);
      expect(page.body).not.toContain('<title>');
      const api = await post('documents.list', '{}', { Host: bad });
      expect(api.status, bad).toBe(421);
    }
    // HTTP/1.0 without any Host header.
    expect((await raw('GET / HTTP/1.0\r\n\r\n')).status).toBe(421);
  });
});

describe('cross-origin requests', () => {
  it('get no CORS headers, preflights are not granted, and another site’s request is refused even with the token', async () => {
    const preflight = await raw(
      `OPTIONS /api/documents.list HTTP/1.1\r\nHost: ${hostHeader()}\r\nOrigin: http://evil.com\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: x-scholia-token, content-type\r\nConnection: close\r\n\r\n`,
    );
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    for (const response of [preflight, await post('documents.list', '{}', { Origin: 'http://evil.com' }), await post('documents.list', '{}'), await get('/')]) {
      expect(Object.keys(response.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
    for (const headers of [{ Origin: 'http://evil.com' }, { Origin: 'null' }, { Origin: `http://127.0.0.1:${host.port + 1}` }, { 'Sec-Fetch-Site': 'cross-site' }, { 'Sec-Fetch-Site': 'same-site' }]) {
      expect((await post('documents.list', '{}', headers)).status, JSON.stringify(headers)).toBe(403);
    }
    // The host's own page is fine.
    expect((await post('documents.list', '{}', { Origin: `http://127.0.0.1:${host.port}`, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect((await post('documents.list', '{}', { Origin: `http://localhost:${host.port}` })).status).toBe(200);
  });
});

describe('request bodies', () => {
  it('over the limit get 413, declared or streamed, and the host keeps serving', async () => {
    const declared = await raw(
      `POST /api/documents.list HTTP/1.1\r\nHost: ${hostHeader()}\r\nContent-Type: application/json\r\nX-Scholia-Token: ${token}\r\nContent-Length: ${MAX_BODY_BYTES + 1}\r\n\r\n`,
    );
    expect(declared.status).toBe(413);
    const big = Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20);
    const streamed = await raw(
      `POST /api/documents.list HTTP/1.1\r\nHost: ${hostHeader()}\r\nContent-Type: application/json\r\nX-Scholia-Token: ${token}\r\nTransfer-Encoding: chunked\r\n\r\n`,
      Buffer.concat([Buffer.from(`${big.length.toString(16)}\r\n`), big, Buffer.from('\r\n0\r\n\r\n')]),
    );
    expect(streamed.status).toBe(413);
    expect((await post('documents.list', '{}')).status).toBe(200);
  });

  it('that are not JSON, not declared as JSON, or cut off get a clear answer and the host survives', async () => {
    expect(JSON.parse((await post('documents.list', '{"a":')).body)).toMatchObject({ error: { code: 'invalid_input', message: 'the request body is not valid JSON' } });
    expect((await post('documents.list', '{}', { 'Content-Type': 'text/plain' })).status).toBe(400);
    expect((await raw(`GET /api/documents.list HTTP/1.1\r\nHost: ${hostHeader()}\r\nX-Scholia-Token: ${token}\r\nConnection: close\r\n\r\n`)).status).toBe(405);
    // A client that promises 1000 bytes, sends 5 and hangs up.
    await new Promise<void>((resolve) => {
      const socket = connect(host.port, '127.0.0.1', () => {
        socket.write(`POST /api/documents.list HTTP/1.1\r\nHost: ${hostHeader()}\r\nContent-Type: application/json\r\nX-Scholia-Token: ${token}\r\nContent-Length: 1000\r\n\r\n{"a":`);
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
    });
    expect((await post('documents.list', '{}')).status).toBe(200);
  });
});

describe('static files', () => {
  it('serves the build folder with hardening headers', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Scholia</title>');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-cache');
    const script = await get('/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    const api = await post('documents.list', '{}');
    expect(api.headers['cache-control']).toBe('no-store');
    expect(api.headers['x-frame-options']).toBe('DENY');
    // The service's time on the call, for the bench's split of a save's latency; nothing else about the host.
    expect(api.headers['server-timing']).toMatch(/^dispatch;dur=\d+\.\d+$/);
  });

  it('never serves a file outside it: .., encoded, double-encoded, backslashes, NUL, absolute paths, symbolic links', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/.%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/%252e%252e/secret.txt',
      '/%252e%252e%252fsecret.txt',
      '/..\\secret.txt',
      '/..%5csecret.txt',
      '/assets\\..\\..\\secret.txt',
      '/%c0%ae%c0%ae/secret.txt',
      '/%00/../secret.txt',
      '/index.html%00.js',
      '/..%00/secret.txt',
      '//etc/passwd',
      '/etc/passwd',
      `/${dir}/secret.txt`,
      `/${encodeURIComponent(join(dir, 'secret.txt'))}`,
      `http://127.0.0.1:${host.port}/../secret.txt`,
      '/../renderer-secret.txt',
      '/link/secret.txt',
      '/assets/secret.js',
      '/%',
      '/%zz',
      '/api/../../secret.txt',
      '*',
    ];
    for (const path of attempts) {
      const response = await get(path);
      expect(response.body, path).not.toContain(SECRET);
      expect(response.body, path).not.toMatch(/root:x:0:0/);
      expect([400, 404, 405, 421], `${path} answered ${response.status}`).toContain(response.status);
    }
  });
});
