import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRecentList } from '../../../main/services/recent';

const dir = mkdtempSync(path.join(tmpdir(), 'driftline-recent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('recent investigations', () => {
  it('keeps newest first without duplicates, capped, and survives a restart', async () => {
    const store = path.join(dir, 'recent.json');
    const recent = createRecentList(store, 3);
    for (const f of ['a', 'b', 'c', 'a', 'd']) await recent.add(path.join(dir, `${f}.driftline`));
    const expected = ['d', 'a', 'c'].map((f) => path.join(dir, `${f}.driftline`));
    expect(recent.list()).toEqual(expected);
    expect(createRecentList(store, 3).list()).toEqual(expected);
    expect(JSON.parse(readFileSync(store, 'utf8')).version).toBe(1);
  });

  it('starts empty from a missing or corrupt store, ignoring junk entries', () => {
    expect(createRecentList(path.join(dir, 'absent.json')).list()).toEqual([]);
    const corrupt = path.join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{"recent": [');
    expect(createRecentList(corrupt).list()).toEqual([]);
    const junk = path.join(dir, 'junk.json');
    writeFileSync(junk, JSON.stringify({ recent: ['/x/ok.driftline', 42, null] }));
    expect(createRecentList(junk).list()).toEqual(['/x/ok.driftline']);
  });
});
