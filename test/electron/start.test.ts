// `npm start` without a real Electron: the one-message failure, and the launch path through a
// stand-in binary placed where ELECTRON_OVERRIDE_DIST_PATH points.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const startScript = path.join(repoRoot, 'scripts/start.mjs');
const scratch = mkdtempSync(path.join(tmpdir(), 'driftline-start-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, [startScript, '--flag-for-electron'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

describe('npm start', () => {
  it('fails with one clear message pointing to serve mode when the Electron binary is absent', () => {
    const run = start({ ELECTRON_OVERRIDE_DIST_PATH: path.join(scratch, 'no-electron-here') });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/^Electron could not be started: .*no-electron-here/);
    expect(run.stderr).toContain('npm run serve');
    expect(run.stderr).toContain('http://127.0.0.1:5183');
    // No stack trace, and it did not build first.
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).not.toContain('building');
  });

  it.skipIf(process.platform === 'win32')('launches the binary on the repo with the given arguments and passes on its exit code', () => {
    const dist = path.join(scratch, 'fake-electron');
    const log = path.join(scratch, 'launched.txt');
    rmSync(dist, { recursive: true, force: true });
    mkdirSync(dist);
    const binary = path.join(dist, 'electron');
    writeFileSync(binary, `#!/bin/sh\necho "$PWD|$*|\${ELECTRON_RUN_AS_NODE:-unset}" > '${log}'\nexit 7\n`);
    chmodSync(binary, 0o755);
    const run = start({ ELECTRON_OVERRIDE_DIST_PATH: dist, DRIFTLINE_START_NO_BUILD: '1', ELECTRON_RUN_AS_NODE: '1' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(7);
    expect(readFileSync(log, 'utf8').trim()).toBe(`${repoRoot}|. --flag-for-electron|unset`);
  });

  it('knows when dist/ must be rebuilt', async () => {
    const { staleReason } = (await import(path.join(repoRoot, 'scripts/start.mjs'))) as {
      staleReason(root: string): string | undefined;
    };
    const root = path.join(scratch, 'repo');
    for (const d of ['dist/main', 'dist/renderer', 'main']) mkdirSync(path.join(root, d), { recursive: true });
    writeFileSync(path.join(root, 'main/index.ts'), '');
    expect(staleReason(root)).toMatch(/dist\/main\/index.cjs is missing/);
    for (const f of ['dist/main/index.cjs', 'dist/main/preload.cjs', 'dist/renderer/index.html']) writeFileSync(path.join(root, f), '');
    const past = new Date(Date.now() - 60_000);
    utimesSync(path.join(root, 'main/index.ts'), past, past);
    expect(staleReason(root)).toBeUndefined();
    writeFileSync(path.join(root, 'main/index.ts'), 'changed');
    const future = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'main/index.ts'), future, future);
    expect(staleReason(root)).toMatch(/^main changed/);
  });
});
