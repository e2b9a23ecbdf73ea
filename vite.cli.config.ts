// The command line (and the web host it starts with `serve`) built into
// out/cli as a Node program that plain `node` runs: packages stay external
// (better-sqlite3 loads its native build from node_modules), and every file
// lands directly in out/cli, so `../renderer` from any of them is the built
// renderer (src/cli/commands/serve.ts).

import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: resolve(import.meta.dirname, 'src/cli/main.ts'),
    outDir: resolve(import.meta.dirname, 'out/cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      output: { format: 'es', entryFileNames: 'main.js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
