// The browser's recent list (localStorage): reminders with pick-again, removable, never a one-click reopen.
import { describe, expect, it } from 'vitest';
import { createRecents, evidenceItem, MAX_RECENTS, PICK_AGAIN } from '../../../renderer/host/recents';

function memoryStorage(initial?: string) {
  const data = new Map<string, string>(initial === undefined ? [] : [['driftline.recent', initial]]);
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('browser recent list', () => {
  it('lists what was added as host entries, newest first, without duplicates, capped', async () => {
    const recents = createRecents(memoryStorage());
    recents.add({ kind: 'investigation', name: 'a.driftline', path: 'a.driftline', size: 3 }, new Date('2025-01-01T00:00:00Z'));
    const logs = evidenceItem([
      { name: 'b.jsonl', path: 'b.jsonl', size: 5 },
      { name: 'a.jsonl', path: 'a.jsonl', size: 7 },
    ])!;
    recents.add(logs, new Date('2025-01-02T00:00:00Z'));
    recents.add({ kind: 'investigation', name: 'a.driftline', path: 'a.driftline', size: 4 }, new Date('2025-01-03T00:00:00Z'));
    expect(await recents.list()).toEqual([
      { id: 'investigation:a.driftline', kind: 'investigation', name: 'a.driftline', paths: ['a.driftline'], size: 4, at: '2025-01-03T00:00:00.000Z' },
      { id: 'evidence:a.jsonl\nb.jsonl', kind: 'evidence', name: 'b.jsonl and 1 more', paths: ['a.jsonl', 'b.jsonl'], size: 12, at: '2025-01-02T00:00:00.000Z' },
    ]);
    for (let i = 0; i < MAX_RECENTS + 3; i++) recents.add({ kind: 'evidence', name: `${i}`, path: `${i}`, size: 1 });
    expect(await recents.list()).toHaveLength(MAX_RECENTS);
  });

  it('removes an entry by id, and leaves the others', async () => {
    const storage = memoryStorage();
    const recents = createRecents(storage);
    recents.add({ kind: 'investigation', name: 'keep.driftline', path: 'keep.driftline', size: 1 });
    recents.add({ kind: 'investigation', name: 'drop.driftline', path: 'drop.driftline', size: 1 });
    await recents.remove('investigation:drop.driftline');
    await recents.remove('investigation:never-there');
    expect((await recents.list()).map((e) => e.name)).toEqual(['keep.driftline']);
    expect(JSON.parse(storage.data.get('driftline.recent')!)).toHaveLength(1);
  });

  it('cannot reopen or locate by itself, and says to pick the file again', async () => {
    const recents = createRecents(memoryStorage());
    recents.add({ kind: 'investigation', name: 'a.driftline', path: 'a.driftline', size: 1 });
    await expect(recents.open('investigation:a.driftline')).rejects.toMatchObject({ kind: 'invalid', message: PICK_AGAIN });
    await expect(recents.locate('investigation:a.driftline')).rejects.toMatchObject({ kind: 'invalid', message: PICK_AGAIN });
  });

  it('reads lists the first version wrote, skips junk, and survives broken or missing storage', async () => {
    const old = JSON.stringify([{ kind: 'evidence', name: 'x.jsonl', path: 'x.jsonl', size: 2, at: '2025-01-01T00:00:00.000Z' }, { kind: 'rm' }, 7]);
    expect((await createRecents(memoryStorage(old)).list()).map((e) => e.id)).toEqual(['evidence:x.jsonl']);
    expect(await createRecents(memoryStorage('{not json')).list()).toEqual([]);
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    const recents = createRecents(full);
    expect(() => recents.add({ kind: 'investigation', name: 'a', path: 'a', size: 1 })).not.toThrow();
    expect(await createRecents(null).list()).toEqual([]);
  });
});
