import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSource, listEvidenceFiles } from '../../../main/engine/fileSource';

describe('fileSource', () => {
  it('reads any byte range of a file, and short at the end', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dl-fs-'));
    const p = path.join(dir, 'a.log');
    writeFileSync(p, 'hello world');
    const src = await fileSource(p);
    expect(src.size).toBe(11);
    expect(src.name).toBe('a.log');
    expect(new TextDecoder().decode(await src.read(6, 5))).toBe('world');
    expect(new TextDecoder().decode(await src.read(0, 5))).toBe('hello');
    expect((await src.read(8, 100)).length).toBe(3);
    await src.close();
  });

  it('lists folders recursively, sorted, without dotfiles', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dl-ls-'));
    mkdirSync(path.join(dir, 'sub'));
    mkdirSync(path.join(dir, '.git'));
    for (const f of ['b.jsonl', 'a.jsonl', '.swp', 'sub/c.json', '.git/HEAD']) writeFileSync(path.join(dir, f), 'x');
    const files = await listEvidenceFiles([dir]);
    expect(files.map((f) => path.relative(dir, f))).toEqual(['a.jsonl', 'b.jsonl', path.join('sub', 'c.json')]);
  });
});
