// Builds what the bench serves into a temporary folder: Scholia's renderer
// with the project's own electron-vite config (as `npm run build` does, but
// not into the shared out/ folder), and the bench's floor pages (bare
// contenteditable, bare ProseMirror, the peer) beside it under bench/.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');

export interface Built {
  /** Folder the web host serves: Scholia's index.html, assets/, and bench/*.html. */
  rendererRoot: string;
  /** Whether the built renderer paints findings (it has the findings layer). */
  hasFindings: boolean;
}

export async function buildAll(outDir: string): Promise<Built> {
  const cli = join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build', '--outDir', outDir], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`electron-vite build failed:\n${result.stdout}\n${result.stderr}`);
  const rendererRoot = join(outDir, 'renderer');
  if (!existsSync(join(rendererRoot, 'index.html'))) throw new Error(`electron-vite build wrote no ${rendererRoot}/index.html`);
  const pages = join(ROOT, 'tests/bench/pages');
  await build({
    configFile: false,
    root: pages,
    base: './',
    logLevel: 'warn',
    build: {
      outDir: join(rendererRoot, 'bench'),
      emptyOutDir: true,
      minify: false,
      target: 'es2022',
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
      rollupOptions: {
        input: {
          bare: join(pages, 'bare.html'),
          prosemirror: join(pages, 'prosemirror.html'),
          peer: join(pages, 'peer.html'),
        },
      },
    },
  });
  const { readdirSync, readFileSync } = await import('node:fs');
  const assets = join(rendererRoot, 'assets');
  const hasFindings = readdirSync(assets).some((f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes('data-finding-rule'));
  return { rendererRoot, hasFindings };
}
