// Starts the real web host (the `serve` command) on a workspace for a test,
// and restarts it on the same workspace when a test needs that.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hostUrl } from '../host-url';

const ROOT = resolve(import.meta.dirname, '../..');

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  workspacePath: string;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function tempWorkspacePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'scholia-e2e-')), 'workspace.sqlite');
}

export interface HostOptions {
  /** A workspace file; without one the host opens the default workspace under `dataHome`. */
  workspacePath?: string;
  /** XDG_DATA_HOME for the host, where its default workspace lives. */
  dataHome?: string;
}

export async function startHost(options: HostOptions = { workspacePath: tempWorkspacePath() }): Promise<RunningHost> {
  const dataHome = options.dataHome ?? mkdtempSync(join(tmpdir(), 'scholia-e2e-data-'));
  const workspacePath = options.workspacePath ?? join(dataHome, 'scholia', 'workspace.scholia.sqlite');
  // tsx as a loader keeps the host in this one process, so a signal reaches the host itself.
  const args = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--port', '0'];
  if (options.workspacePath) args.push('--workspace', options.workspacePath);
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: dataHome };
  delete env.SCHOLIA_WORKSPACE;
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await hostUrl(child);
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    workspacePath,
    process: child,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill(signal);
      }),
  };
}

/** Calls the api as the renderer does, for setting up and checking state. */
export async function callApi<T>(host: Pick<RunningHost, 'origin' | 'token'>, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Scholia-Token': host.token },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value;
}
