// Packs the app offline (electron-builder `dir` target with a stand-in Electron folder, which skips
// the download) and checks what goes into app.asar: the bundles, one duckdb-wasm build, no
// node_modules, no source maps.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const built = ['dist/main/index.cjs', 'dist/main/preload.cjs', 'dist/renderer/index.html'].every((f) => existsSync(path.join(repoRoot, f)));
if (!built) console.warn('Packaging test skipped: dist/ is not built; run npm run build first.');

describe.skipIf(!built)('electron-builder packs app.asar', () => {
  let scratch = '';
  let asarPath = '';
  let files: string[] = [];
  beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'driftline-pack-'));
    // Stand-in for an unpacked Electron: electron-builder copies it and renames the binary.
    const electronDist = path.join(scratch, 'electron');
    mkdirSync(path.join(electronDist, 'resources'), { recursive: true });
    writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
    const out = path.join(scratch, 'release');
    const run = spawnSync(
      process.execPath,
      [
        require.resolve('electron-builder/cli.js'),
        '--config',
        'electron-builder.yml',
        '--linux',
        'dir',
        `-c.electronDist=${electronDist}`,
        `-c.directories.output=${out}`,
      ],
      { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, CI: 'true' } },
    );
    if (run.status !== 0) throw new Error(`electron-builder failed:\n${run.stdout}\n${run.stderr}`);
    asarPath = path.join(out, 'linux-unpacked', 'resources', 'app.asar');
    const asar = require('@electron/asar') as { listPackage(p: string, o: object): string[] };
    files = asar.listPackage(asarPath, {}).map((f) => f.split(path.sep).join('/'));
  });
  afterAll(() => scratch && rmSync(scratch, { recursive: true, force: true }));

  it('contains the main, preload and renderer bundles and package.json', () => {
    expect(files).toEqual(expect.arrayContaining(['/package.json', '/dist/main/index.cjs', '/dist/main/preload.cjs', '/dist/renderer/index.html']));
  });

  it('ships exactly one duckdb-wasm build (eh), no node_modules and no source maps', () => {
    const wasm = files.filter((f) => f.endsWith('.wasm'));
    expect(wasm).toHaveLength(1);
    expect(wasm[0]).toMatch(/duckdb-eh/);
    expect(files.filter((f) => f.startsWith('/node_modules'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /^\/(main|shared|renderer|test|scripts)\//.test(f))).toEqual([]);
  });

  it('stays small: the wasm plus a few MB of code', () => {
    const wasmBytes = statSync(path.join(repoRoot, 'node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm')).size;
    expect(statSync(asarPath).size).toBeLessThan(wasmBytes + 15 * 1024 * 1024);
  });
});
