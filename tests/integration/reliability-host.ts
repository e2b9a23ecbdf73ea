// The real web host (`serve`) as a separate process, for the reliability
// tests: started on a workspace, called over HTTP, and killed like a crash.
//
// `tsx`'s command line runs the program in a child process of its own, so a
// SIGKILL to the process we spawn would leave the actual host running. Each
// host therefore gets its own process group, and kill() signals the group.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Envelope } from '../../src/api/common/contract';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX_CLI = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const RENDERER_INDEX = join(ROOT, 'out', 'renderer', 'index.html');

export interface Host {
  origin: string;
  port: number;
  token: string;
  process: ChildProcess;
  /** Everything the host printed so far. */
  output(): string;
  /** Kills the host and everything it started with `signal`; resolves once all of it is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const running = new Set<Host>();

/**
 * `serve` refuses to start without the built renderer, and `npm test` runs
 * vitest before the build. These tests need only the api, so on a fresh
 * checkout they leave a placeholder page where the build will go (the build
 * replaces it).
 */
function ensureRendererPlaceholder(): void {
  if (existsSync(RENDERER_INDEX)) return;
  mkdirSync(join(ROOT, 'out', 'renderer'), { recursive: true });
  try {
    writeFileSync(RENDERER_INDEX, '<!doctype html><title>Scholia</title><p>Placeholder left by the reliability tests: run <code>npm run build</code>.</p>\n', { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** Spawns `serve --port 0 --workspace PATH` and waits for the URL it prints (or for it to exit). */
export function spawnHost(workspacePath: string, extraEnv: NodeJS.ProcessEnv = {}): { kill: (signal?: NodeJS.Signals) => Promise<void>; ready: Promise<Host> } {
  ensureRendererPlaceholder();
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv };
  delete env.SCHOLIA_WORKSPACE;
  const child = spawn(process.execPath, [TSX_CLI, join(ROOT, 'src/cli/main.ts'), 'serve', '--port', '0', '--workspace', workspacePath], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // 'close' fires once every process holding the pipes (tsx and the host) is gone.
  const closed = new Promise<void>((done) => child.once('close', () => done()));
  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    try {
      process.kill(-child.pid!, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
    await closed;
  };
  const ready = new Promise<Host>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the web host did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        const host: Host = {
          origin: `http://127.0.0.1:${match[1]}`,
          port: Number(match[1]),
          token: match[2]!,
          process: child,
          output: () => output,
          kill: async (signal) => {
            await kill(signal);
            running.delete(host);
          },
        };
        running.add(host);
        resolve(host);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void closed.then(() => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`the web host exited (code ${child.exitCode}, signal ${child.signalCode}):\n${output}`), { output }));
    });
  });
  // A caller that kills the host before it is ready must not get an unhandled rejection.
  ready.catch(() => {});
  return { kill, ready };
}

export async function startHost(workspacePath: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Host> {
  return spawnHost(workspacePath, extraEnv).ready;
}

/** Kills every host still running (for afterAll). */
export async function killAllHosts(): Promise<void> {
  await Promise.all([...running].map((h) => h.kill('SIGKILL')));
}

/** One api call; the envelope as the host sent it. Rejects when the connection fails. */
export async function call<T>(host: Pick<Host, 'origin' | 'token'>, method: string, input: unknown): Promise<Envelope<T>> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Scholia-Token': host.token },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Envelope<T>;
}

/** One api call that must succeed. */
export async function must<T>(host: Pick<Host, 'origin' | 'token'>, method: string, input: unknown): Promise<T> {
  const envelope = await call<T>(host, method, input);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command line (`src/cli/main.ts`) as a user would, optionally as another user (when root). */
export function cli(args: readonly string[], options: { uid?: number; gid?: number; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
    delete env.SCHOLIA_WORKSPACE;
    const child = spawn(process.execPath, [TSX_CLI, join(ROOT, 'src/cli/main.ts'), ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.uid !== undefined && { uid: options.uid, gid: options.gid ?? options.uid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
