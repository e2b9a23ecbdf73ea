// `npm start` falls back to the web host where Electron cannot run; stopping
// npm with a TERM must stop that host too, not leave it listening.

import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { hostUrl } from '../host-url';
import { tempWorkspacePath } from './web-host';

const ROOT = resolve(import.meta.dirname, '../..');

function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

test('kill -TERM of the npm start process stops the web host it started', async () => {
  test.setTimeout(240_000);
  // Without the binary (as here) the launcher says so and starts the web host;
  // ELECTRON_SKIP_BINARY_DOWNLOAD keeps it from trying the network where there is one.
  const npm = spawn('npm', ['start', '--', '--workspace', tempWorkspacePath(), '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await hostUrl(npm, 200_000);
  const port = Number(new URL(url).port);
  expect(await listening(port)).toBe(true);

  npm.kill('SIGTERM');
  await expect.poll(() => listening(port), { timeout: 10_000 }).toBe(false);
});
