import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRecentStore, isInvestigationFile, recentName } from '../../../main/services/recent';

const dir = mkdtempSync(path.join(tmpdir(), 'driftline-recent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => path.join(dir, name);

describe('recent list store', () => {
  it('keeps newest first without duplicates, capped, and survives a restart', async () => {
    const store = file('recent.json');
    const recent = createRecentStore(store, 3);
    for (const f of ['a', 'b', 'c', 'a', 'd']) await recent.add('investigation', [file(`${f}.driftline`)], 1);
    const expected = ['d', 'a', 'c'].map((f) => [file(`${f}.driftline`)]);
    expect(recent.list().map((e) => e.paths)).toEqual(expected);
    expect(createRecentStore(store, 3).list()).toEqual(recent.list());
    expect(JSON.parse(readFileSync(store, 'utf8')).version).toBe(2);
  });

  it('gives the same kind and paths the same id when added again (the menu and the page name it alike)', async () => {
    const recent = createRecentStore(file('ids.json'));
    const first = await recent.add('evidence', [file('logs'), file('audit.jsonl')], 10, new Date('2025-01-01T00:00:00Z'));
    await recent.add('investigation', [file('x.driftline')]);
    const again = await recent.add('evidence', [file('audit.jsonl'), file('logs')], 12, new Date('2025-01-02T00:00:00Z'));
    expect(again.id).toBe(first.id);
    expect(recent.list().map((e) => e.id)).toEqual([first.id, expect.any(String)]);
    expect(recent.list()[0]).toMatchObject({ kind: 'evidence', name: 'audit.jsonl and 1 more', size: 12, at: '2025-01-02T00:00:00.000Z' });
  });

  it('relocates an entry under its id, removes and clears, telling listeners each time', async () => {
    const recent = createRecentStore(file('changes.json'));
    let changes = 0;
    const off = recent.onChange(() => changes++);
    const a = await recent.add('investigation', [file('old/case.driftline')]);
    const b = await recent.add('investigation', [file('other.driftline')]);
    const moved = await recent.relocate(a.id, [file('new/case.driftline')], 5);
    expect(moved).toMatchObject({ id: a.id, paths: [file('new/case.driftline')], size: 5 });
    expect(recent.list().map((e) => e.id)).toEqual([a.id, b.id]);
    expect(await recent.relocate('no-such-id', [file('z.driftline')])).toBeUndefined();
    await recent.remove(b.id);
    expect(recent.list().map((e) => e.id)).toEqual([a.id]);
    await recent.clear();
    expect(recent.list()).toEqual([]);
    expect(createRecentStore(file('changes.json')).list()).toEqual([]);
    off();
    await recent.add('investigation', [file('after.driftline')]);
    expect(changes).toBe(5);
  });

  it('writes one change after another, so the file ends with the last list even when adds overlap', async () => {
    const store = file('overlap.json');
    const recent = createRecentStore(store);
    await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((f) => recent.add('investigation', [file(`${f}.driftline`)])));
    expect(createRecentStore(store).list()).toEqual(recent.list());
    expect(recent.list()[0].paths).toEqual([file('f.driftline')]);
  });

  it('says when every change so far is on disk, for changes made where nobody awaits them', async () => {
    const store = file('written.json');
    const recent = createRecentStore(store);
    void recent.add('investigation', [file('x.driftline')]);
    void recent.add('evidence', [file('y.jsonl')]);
    await recent.written();
    expect(createRecentStore(store).list().map((e) => e.name)).toEqual(['y.jsonl', 'x.driftline']);
  });

  it('starts empty from a missing or corrupt store and drops entries its own writer could not have made', () => {
    expect(createRecentStore(file('absent.json')).list()).toEqual([]);
    writeFileSync(file('corrupt.json'), '{"recent": [');
    expect(createRecentStore(file('corrupt.json')).list()).toEqual([]);
    const good = { id: 'g', kind: 'investigation', name: 'ok.driftline', paths: [file('ok.driftline')], at: '2025-01-01T00:00:00.000Z' };
    writeFileSync(
      file('junk.json'),
      JSON.stringify({
        version: 2,
        recent: [
          good,
          { ...good, id: 'rel', paths: ['relative.driftline'] },
          { ...good, id: 'export', paths: [file('report.md')] },
          { ...good, id: 'two', paths: [file('a.driftline'), file('b.driftline')] },
          { ...good, id: 'kind', kind: 'shell' },
          { ...good, id: '' },
          42,
          null,
        ],
      }),
    );
    expect(createRecentStore(file('junk.json')).list().map((e) => e.id)).toEqual(['g']);
  });

  it('reads the first version (investigation paths only) as investigation entries', () => {
    writeFileSync(file('v1.driftline'), 'x');
    writeFileSync(file('v1.json'), JSON.stringify({ version: 1, recent: [file('v1.driftline'), 'relative.driftline', file('notes.md'), 7] }));
    const [entry, ...rest] = createRecentStore(file('v1.json')).list();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ kind: 'investigation', name: 'v1.driftline', paths: [file('v1.driftline')] });
    expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
  });

  it('names entries and tells investigations from exports', () => {
    expect(recentName([file('one.jsonl')])).toBe('one.jsonl');
    expect(recentName([file('logs'), file('a'), file('b')])).toBe('logs and 2 more');
    expect(isInvestigationFile('/x/Case.DRIFTLINE')).toBe(true);
    expect(isInvestigationFile('/x/case.driftline.md')).toBe(false);
  });
});
