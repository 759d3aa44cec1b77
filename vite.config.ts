// Renderer build: one static folder (dist/renderer) that works from http (serve mode), file:// and app://.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.dirname(fileURLToPath(import.meta.url));
const duckdbDist = path.join(root, 'node_modules/@duckdb/duckdb-wasm/dist');

export default defineConfig({
  root: path.join(root, 'renderer'),
  // Relative asset URLs: the same build is loaded over http, file:// and Electron's app:// protocol.
  base: './',
  plugins: [react()],
  resolve: {
    alias: {
      // The package's exports map does not publish its blocking browser build; we alias it by file.
      'duckdb-browser-blocking': path.join(duckdbDist, 'duckdb-browser-blocking.mjs'),
    },
  },
  worker: { format: 'es' },
  // The sample lives in assets/ at the repository root, outside the renderer root.
  server: { fs: { allow: [root] } },
  build: {
    // DRIFTLINE_RENDERER_OUT gives a parallel e2e run its own build folder (builds into one folder collide).
    outDir: process.env.DRIFTLINE_RENDERER_OUT ? path.resolve(root, process.env.DRIFTLINE_RENDERER_OUT) : path.join(root, 'dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    // duckdb-eh.wasm is ~35 MB and must stay a file, never be inlined.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
  preview: { host: '127.0.0.1', port: 5183, strictPort: true },
});
