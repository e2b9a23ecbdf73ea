// The layers import only downward (DESIGN.md): core imports nothing of the
// others; the renderer never reaches the store or a host.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

const allowed: Record<string, readonly string[]> = {
  core: ['core'],
  store: ['store', 'core'],
  api: ['api', 'store', 'core'],
  main: ['main', 'api', 'store', 'core'],
  preload: ['preload', 'api'],
  server: ['server', 'api', 'store', 'core'],
  cli: ['cli', 'server', 'api', 'store', 'core'],
  renderer: ['renderer', 'api', 'core'],
};

// The renderer may use the api's contract, client and host events: not its implementation.
const rendererApi = new Set(['api/client.ts', 'api/contract.ts', 'api/host-events.ts', 'api/desktop-bridge.ts']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

function resolveImport(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const target = relative(SRC, resolve(dirname(file), spec));
  return target.startsWith('..') ? null : target;
}

describe('layering', () => {
  for (const layer of Object.keys(allowed)) {
    it(`${layer} imports only ${allowed[layer]!.join(', ')}`, () => {
      const violations: string[] = [];
      for (const file of files(join(SRC, layer))) {
        for (const spec of imports(file)) {
          const target = resolveImport(file, spec);
          if (!target) {
            // core stays free of hosts and storage even through packages.
            if (layer === 'core' && /^(electron|better-sqlite3|node:|svelte|prosemirror)/.test(spec)) violations.push(`${relative(SRC, file)} -> ${spec}`);
            continue;
          }
          const targetLayer = target.split('/')[0]!;
          const ok =
            allowed[layer]!.includes(targetLayer) && !(layer === 'renderer' && targetLayer === 'api' && !rendererApi.has(target.endsWith('.ts') ? target : `${target}.ts`));
          if (!ok) violations.push(`${relative(SRC, file)} -> ${target}`);
        }
      }
      expect(violations).toEqual([]);
    });
  }
});
