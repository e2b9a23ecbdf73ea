// `serve`: the web host on 127.0.0.1, printing the URL (with its token) to open.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBoundWorkspace } from '../../host/workspace';
import { createToken } from '../../server/security';
import { startWebHost } from '../../server/web-host';
import { UsageError, type CommandLine, type OptionSpec } from '../args';
import { workspaceChoice } from '../workspace-option';

export const options: OptionSpec = { values: ['port', 'workspace'] };

/**
 * The built renderer beside the folder the command line was built into
 * (out/cli → out/renderer), so a build runs from any folder. Run from the
 * source by tsx (development, tests), the checkout's out/renderer.
 */
const RENDERER_ROOT = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../../../out/renderer' : '../renderer', import.meta.url));

export async function run(commandLine: CommandLine): Promise<number> {
  const port = Number(commandLine.values.get('port') ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a number from 0 to 65535 (0: any free port)');
  if (!existsSync(join(RENDERER_ROOT, 'index.html'))) {
    process.stderr.write(`scholia: the renderer is not built (${RENDERER_ROOT}); run 'npm run build' or use 'npm run serve'\n`);
    return 2;
  }
  const { workspace, dispatch } = await openBoundWorkspace(workspaceChoice(commandLine));
  const host = await startWebHost({ dispatch, rendererRoot: RENDERER_ROOT, token: createToken(), port });
  process.stdout.write(`Scholia web host on workspace ${workspace.path}\nOpen ${host.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  workspace.close();
  return 0;
}
