import { fork } from 'node:child_process';
import { mkdtempSync, promises as fs, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempPathFor, writeFileAtomic } from '../../../main/services/atomicWrite';

const dirs: string[] = [];
function scratch(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'driftline-atomic-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A complete version is `size` bytes, all one value; anything else is a torn write. */
function assertWhole(file: string, size: number) {
  const bytes = readFileSync(file);
  expect(bytes.length).toBe(size);
  expect(bytes.every((b) => b === bytes[0])).toBe(true);
  expect(bytes[0]).toBeGreaterThan(0);
}

describe('writeFileAtomic', () => {
  it('creates a new file and replaces an existing one, leaving no temp files', async () => {
    const dir = scratch();
    const target = path.join(dir, 'case.driftline');
    await writeFileAtomic(target, new TextEncoder().encode('first'));
    expect(readFileSync(target, 'utf8')).toBe('first');
    await writeFileAtomic(target, new TextEncoder().encode('second, longer'));
    expect(readFileSync(target, 'utf8')).toBe('second, longer');
    expect(readdirSync(dir)).toEqual(['case.driftline']);
  });

  it('keeps the permissions of the file it replaces', async () => {
    if (process.platform === 'win32') return;
    const dir = scratch();
    const target = path.join(dir, 'private.driftline');
    writeFileSync(target, 'old', { mode: 0o600 });
    await writeFileAtomic(target, new TextEncoder().encode('new'));
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('puts the temp file next to the target, so the rename stays on one filesystem', () => {
    const target = path.join('/some/dir', 'x.json');
    const tmp = tempPathFor(target);
    expect(path.dirname(tmp)).toBe('/some/dir');
    expect(tmp).not.toBe(tempPathFor(target));
  });

  it('leaves the old file intact and removes the temp file when the rename fails', async () => {
    const dir = scratch();
    const target = path.join(dir, 'case.driftline');
    writeFileSync(target, 'old contents');
    vi.spyOn(fs, 'rename').mockRejectedValueOnce(Object.assign(new Error('disk gone'), { code: 'EIO' }));
    await expect(writeFileAtomic(target, new TextEncoder().encode('new contents'))).rejects.toThrow('disk gone');
    expect(readFileSync(target, 'utf8')).toBe('old contents');
    expect(readdirSync(dir)).toEqual(['case.driftline']);
  });

  it('leaves the old file intact when the data cannot be written', async () => {
    const dir = scratch();
    const target = path.join(dir, 'case.driftline');
    writeFileSync(target, 'old contents');
    // Data that is not bytes makes the write itself throw after the temp file was created.
    await expect(writeFileAtomic(target, {} as Uint8Array)).rejects.toThrow();
    expect(readFileSync(target, 'utf8')).toBe('old contents');
    expect(readdirSync(dir)).toEqual(['case.driftline']);
  });

  it('never leaves a torn file when the writing process is killed at random moments', async () => {
    const dir = scratch();
    const target = path.join(dir, 'case.driftline');
    const size = 2 * 1024 * 1024;
    writeFileSync(target, new Uint8Array(size).fill(255));
    const child = path.join(import.meta.dirname, 'atomicWriteChild.ts');
    const seen = new Set<number>();
    for (let round = 0; round < 5; round++) {
      const proc = fork(child, [target, String(size)], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
      await new Promise<void>((resolve, reject) => {
        proc.once('message', () => resolve());
        proc.once('error', reject);
      });
      // Random kill point: somewhere in the middle of some write (each takes a few ms).
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 120));
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGKILL');
      await exited;
      assertWhole(target, size);
      seen.add(readFileSync(target)[0]);
    }
    // The writer did get through whole writes (otherwise the test proves nothing).
    expect([...seen].some((b) => b !== 255)).toBe(true);
    // Killed writers may leave a temp file behind, but never in place of the target.
    expect(readdirSync(dir)).toContain('case.driftline');
  });
});
