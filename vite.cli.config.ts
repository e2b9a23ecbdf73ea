// The command line (and the web host it starts with `serve`) built into
// out/cli as a Node program that plain `node` runs: packages stay external
// (better-sqlite3 loads its native build from node_modules), and every file
// lands directly in out/cli, so `../renderer` from any of them is the built
// renderer (src/cli/commands/serve.ts), and transfer-worker.js, the worker
// thread the web host runs imports and exports in, is next to main.js.

import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: true,
    outDir: resolve(import.meta.dirname, 'out/cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: { main: resolve(import.meta.dirname, 'src/cli/main.ts'), 'transfer-worker': resolve(import.meta.dirname, 'src/api/node/transfer-worker.ts') },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
