import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFilesService, MAX_CHUNK } from '../../../main/services/files';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'driftline-files-'));
  writeFileSync(path.join(dir, 'app-logs.jsonl'), 'line one\nline two\n');
  mkdirSync(path.join(dir, 'nested', 'deeper'), { recursive: true });
  writeFileSync(path.join(dir, 'nested', 'k8s-audit.jsonl'), '{}\n');
  writeFileSync(path.join(dir, 'nested', 'deeper', 'trace.json'), '{"resourceSpans":[]}');
  writeFileSync(path.join(dir, '.DS_Store'), 'junk');
  mkdirSync(path.join(dir, '.git'));
  writeFileSync(path.join(dir, '.git', 'HEAD'), 'ref');
  if (process.platform !== 'win32') symlinkSync(dir, path.join(dir, 'nested', 'loop'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('files service', () => {
  it('expands a chosen folder recursively, skipping hidden entries and symlinks', async () => {
    const files = createFilesService(async () => [dir]);
    const picked = await files.pickEvidence();
    expect(picked.map((f) => path.relative(dir, f.path))).toEqual([
      'app-logs.jsonl',
      path.join('nested', 'deeper', 'trace.json'),
      path.join('nested', 'k8s-audit.jsonl'),
    ]);
    expect(picked[0]).toMatchObject({ name: 'app-logs.jsonl', size: 18 });
    expect(new Set(picked.map((f) => f.handle)).size).toBe(3);
  });

  it('returns nothing when the dialog was cancelled', async () => {
    const told: unknown[] = [];
    expect(await createFilesService(async () => [], { onEvidence: (...a) => told.push(a) }).pickEvidence()).toEqual([]);
    expect(told).toEqual([]);
  });

  it('tells the recent list what was picked (folders as chosen), and opens those paths again without a dialog', async () => {
    const told: [string[], number][] = [];
    const files = createFilesService(async () => [path.join(dir, 'nested'), path.join(dir, 'app-logs.jsonl')], {
      onEvidence: (chosen, picked) => told.push([chosen, picked.length]),
    });
    const picked = await files.pickEvidence();
    expect(told).toEqual([[[path.join(dir, 'nested'), path.join(dir, 'app-logs.jsonl')], 3]]);
    const again = await files.openPaths(told[0][0]);
    expect(again.map((f) => f.path)).toEqual(picked.map((f) => f.path));
    expect(again.map((f) => f.handle)).not.toEqual(picked.map((f) => f.handle));
    expect(new TextDecoder().decode(await files.readChunk(again[2].handle, 0, 8))).toBe('line one');
  });

  it('reads chunks at any offset, short at the end of the file', async () => {
    const files = createFilesService(async () => [path.join(dir, 'app-logs.jsonl')]);
    const [file] = await files.pickEvidence();
    const text = (b: Uint8Array) => new TextDecoder().decode(b);
    expect(text(await files.readChunk(file.handle, 0, 8))).toBe('line one');
    expect(text(await files.readChunk(file.handle, 9, 100))).toBe('line two\n');
    expect((await files.readChunk(file.handle, 500, 10)).length).toBe(0);
  });

  it('refuses handles it never gave out, so the page cannot read arbitrary paths', async () => {
    const files = createFilesService(async () => []);
    await expect(files.readChunk('/etc/passwd', 0, 10)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('refuses negative, fractional and oversized reads', async () => {
    const files = createFilesService(async () => [path.join(dir, 'app-logs.jsonl')]);
    const [file] = await files.pickEvidence();
    for (const [offset, length] of [[-1, 10], [0, 1.5], [0, MAX_CHUNK + 1], [Number.NaN, 1]]) {
      await expect(files.readChunk(file.handle, offset, length)).rejects.toMatchObject({ kind: 'invalid' });
    }
  });

  it('never opens evidence for writing', async () => {
    const target = path.join(dir, 'app-logs.jsonl');
    const files = createFilesService(async () => [target]);
    const [file] = await files.pickEvidence();
    const { statSync } = await import('node:fs');
    const before = statSync(target).mtimeMs;
    await files.readChunk(file.handle, 0, 4);
    expect(statSync(target).mtimeMs).toBe(before);
  });
});
