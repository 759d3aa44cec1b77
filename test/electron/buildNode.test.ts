// scripts/build-node.mjs, built into a scratch folder: the three bundles exist, the sandboxed
// preload needs nothing but electron, and the CLI bundle runs from dist/ (its import.meta shim works).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');
// Inside the repo, so the CLI bundle resolves node_modules exactly as dist/ would.
const out = mkdtempSync(path.join(repoRoot, 'node_modules', '.driftline-build-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const requires = (file: string) => [...new Set([...readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))].sort();

let log = '';
beforeAll(() => {
  log = execFileSync(process.execPath, [path.join(repoRoot, 'scripts/build-node.mjs')], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, DRIFTLINE_BUILD_OUT: out },
  });
});

describe('build-node', () => {
  it('bundles main and preload as CommonJS with electron left external', () => {
    expect(log).toContain('main/index.ts -> dist/main/index.cjs');
    const main = path.join(out, 'dist/main/index.cjs');
    const preload = path.join(out, 'dist/main/preload.cjs');
    expect(existsSync(main) && existsSync(preload)).toBe(true);
    // A sandboxed preload can only require a handful of modules; everything else must be inlined.
    expect(requires(preload)).toEqual(['electron']);
    expect(requires(main).filter((m) => !m.startsWith('node:'))).toEqual(['electron']);
    expect(readFileSync(preload, 'utf8')).toContain('exposeInMainWorld');
  });

  const sample = path.join(repoRoot, 'assets/samples/payments-scale-down/k8s-audit.jsonl');
  it.skipIf(!existsSync(path.join(repoRoot, 'main/cli/index.ts')) || !existsSync(sample))(
    'bundles a CLI that runs from its own folder and opens duckdb-wasm from node_modules',
    () => {
      const cli = path.join(out, 'dist/cli/driftline.cjs');
      expect(requires(cli)).toEqual(expect.arrayContaining(['@duckdb/duckdb-wasm/blocking']));
      // analyze opens the engine, whose createRequire(import.meta.url) only works through the bundle's shim.
      const run = spawnSync(process.execPath, [cli, 'analyze', sample, '--format', 'json'], { cwd: tmpdir(), encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stderr).toBe(0);
      const analysis = JSON.parse(run.stdout) as { schema: string; sources: { events: number }[] };
      expect(analysis.schema).toBe('driftline.analysis/v1');
      expect(analysis.sources[0].events).toBeGreaterThan(0);
    },
  );

  it('skips an entry that does not exist yet instead of failing (npm ci runs it via prepare)', () => {
    // A copy of the script in a scratch "repo" with no sources at all.
    const bare = path.join(out, 'bare');
    mkdirSync(path.join(bare, 'scripts'), { recursive: true });
    copyFileSync(path.join(repoRoot, 'scripts/build-node.mjs'), path.join(bare, 'scripts/build-node.mjs'));
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(bare, 'node_modules'), 'dir');
    const run = spawnSync(process.execPath, [path.join(bare, 'scripts/build-node.mjs')], { cwd: bare, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('skipping electron main: main/index.ts does not exist yet');
    expect(run.stdout).toContain('skipping cli');
  });
});
