// The layers import only downward (DESIGN.md): core imports nothing of the
// others; the renderer never reaches the store or a host.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

// Each folder (a layer, or a part of one) and the folders it may import.
// api/common is the browser-safe half of the api (contract, client, bridge,
// host events); api/node is its implementation over the store. host/ is what
// the three hosts (Electron main, web host, CLI) share.
const allowed: Record<string, readonly string[]> = {
  core: ['core'],
  store: ['store', 'core'],
  'api/common': ['api/common', 'core'],
  'api/node': ['api/node', 'api/common', 'store', 'core'],
  host: ['host', 'api/node', 'api/common', 'store', 'core'],
  main: ['main', 'host', 'api/node', 'api/common', 'store', 'core'],
  preload: ['preload', 'api/common'],
  server: ['server', 'host', 'api/node', 'api/common', 'store', 'core'],
  cli: ['cli', 'server', 'host', 'api/node', 'api/common', 'store', 'core'],
  renderer: ['renderer', 'api/common', 'core'],
};

/** The folder rule a source file falls under: its top folder, or api/common and api/node. */
function area(path: string): string {
  const [top, second] = path.split('/');
  return top === 'api' ? `api/${second}` : top!;
}

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
  it('every source folder has a rule', () => {
    const areas = new Set(files(SRC).map((file) => area(relative(SRC, file))).filter((a) => !/\.(ts|svelte)$/.test(a)));
    expect([...areas].filter((a) => !(a in allowed))).toEqual([]);
  });

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
          if (!allowed[layer]!.includes(area(target))) violations.push(`${relative(SRC, file)} -> ${target}`);
        }
      }
      expect(violations).toEqual([]);
    });
  }
});
