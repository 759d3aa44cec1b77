// Bundles the Node-side entries (Electron main, preload, CLI) with esbuild. Runs from `npm ci`
// (prepare), so an entry that does not exist yet is skipped with a note rather than failing the install.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Tests build into a scratch folder instead of the dist/ other processes may be using.
const outRoot = process.env.DRIFTLINE_BUILD_OUT ? path.resolve(process.env.DRIFTLINE_BUILD_OUT) : root;

// In a CJS bundle `import.meta` is empty; engine code uses import.meta.url with createRequire,
// so point it at the bundle's own file URL (resolution then starts from dist/, which finds node_modules).
const importMetaShim = {
  banner: { js: "const __driftlineImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__driftlineImportMetaUrl' },
};

const entries = [
  {
    name: 'electron main',
    in: 'main/index.ts',
    out: 'dist/main/index.cjs',
    options: { platform: 'node', external: ['electron'], ...importMetaShim },
  },
  {
    // Sandboxed preloads get a tiny require (electron, events, timers, url): bundle everything else.
    name: 'preload',
    in: 'main/preload.ts',
    out: 'dist/main/preload.cjs',
    options: { platform: 'node', external: ['electron'] },
  },
  {
    // duckdb-wasm and arrow stay external: their .wasm and worker files are resolved from node_modules at runtime.
    name: 'cli',
    in: 'main/cli/index.ts',
    out: 'dist/cli/driftline.cjs',
    // esbuild is only reached when running from source, to bundle the parse worker on the fly.
    options: { platform: 'node', external: ['@duckdb/duckdb-wasm', 'apache-arrow', 'esbuild'], ...importMetaShim },
  },
  {
    // Beside the CLI, where main/engine/parsePool.ts looks for it.
    name: 'cli parse worker',
    in: 'main/engine/parseWorker.ts',
    out: 'dist/cli/parseWorker.cjs',
    options: { platform: 'node', external: ['apache-arrow'] },
  },
];

const started = Date.now();
let failed = false;
for (const entry of entries) {
  if (!existsSync(path.join(root, entry.in))) {
    console.log(`build-node: skipping ${entry.name}: ${entry.in} does not exist yet`);
    continue;
  }
  try {
    await build({
      absWorkingDir: root,
      entryPoints: [entry.in],
      outfile: path.join(outRoot, entry.out),
      bundle: true,
      format: 'cjs',
      target: 'node20',
      sourcemap: true,
      logLevel: 'warning',
      ...entry.options,
    });
    console.log(`build-node: ${entry.in} -> ${entry.out}`);
  } catch {
    // esbuild has already printed the located errors.
    failed = true;
  }
}
console.log(`build-node: done in ${Date.now() - started} ms`);
if (failed) process.exit(1);
