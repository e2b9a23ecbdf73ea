// Waiting for a starting web host to print the address it serves.

import type { ChildProcess } from 'node:child_process';

/** Resolves with `http://127.0.0.1:PORT/#token=…` once the host prints it; rejects if it exits or takes too long. */
export function hostUrl(child: ChildProcess, timeoutMs = 30_000): Promise<string> {
  let output = '';
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the web host did not start:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the web host exited with ${code}:\n${output}`));
    });
  });
}
