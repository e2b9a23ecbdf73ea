// The web host for the bench: exactly what `scholia serve` runs (the same
// service, dispatch and HTTP host over a workspace), except that it serves
// the renderer the bench built into its own temporary folder, so a run
// measures the source as it is and never touches the shared out/ folder.
//
//   tsx tests/bench/host.ts WORKSPACE RENDERER_ROOT   → prints "Open http://127.0.0.1:PORT/#token=..."

import { resolve } from 'node:path';
import { openBoundWorkspace } from '../../src/host/workspace';
import { createToken } from '../../src/server/security';
import { startWebHost } from '../../src/server/web-host';
import type { Dispatch } from '../../src/api/node/dispatch';

/** With BENCH_API_LOG set: each api call's method, time in the dispatch (service + store), time to serialise its answer, and its length in characters, on stderr. */
function timed(inner: Dispatch): Dispatch {
  return (method, input) => {
    const t0 = performance.now();
    const envelope = inner(method, input);
    const report = (e: unknown) => {
      const t1 = performance.now();
      const length = JSON.stringify(e).length;
      const t2 = performance.now();
      process.stderr.write(`api ${String(method)} dispatch ${(t1 - t0).toFixed(1)} ms, JSON ${(t2 - t1).toFixed(1)} ms, ${(length / 1e6).toFixed(2)}M characters\n`);
    };
    if (envelope instanceof Promise) void envelope.then(report);
    else report(envelope);
    return envelope;
  };
}

const [workspacePath, rendererRoot] = process.argv.slice(2);
if (!workspacePath || !rendererRoot) {
  process.stderr.write('usage: host.ts WORKSPACE RENDERER_ROOT\n');
  process.exit(2);
}

const { workspace, dispatch } = await openBoundWorkspace({ path: resolve(workspacePath), withSample: false });
const host = await startWebHost({ dispatch: process.env.BENCH_API_LOG ? timed(dispatch) : dispatch, rendererRoot, token: createToken(), port: 0 });
process.stdout.write(`Open ${host.url}\n`);
await new Promise<void>((resolve) => {
  process.once('SIGINT', resolve);
  process.once('SIGTERM', resolve);
});
await host.close();
workspace.close();
