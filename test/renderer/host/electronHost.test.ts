// The Electron host over a fake preload bridge, and reopening from the recent list through it: the page
// asks the main process by id and loads or imports what comes back; a moved file comes back in words.
import { describe, expect, it } from 'vitest';
import type { DriftlineHost, PickedFile, RecentEntry, RecentHost, ReopenedRecent } from '../../../shared/ipc/host';
import { openRecent, openRecentFromMenu } from '../../../renderer/actions/openRecent';
import { createElectronHost } from '../../../renderer/host/electronHost';
import type { EngineClient } from '../../../renderer/engine/client';
import type { WireFile } from '../../../renderer/engine/protocol';
import { createAppStore } from '../../../renderer/state/appState';
import type { AppServices } from '../../../renderer/state/context';

const entry: RecentEntry = { id: 'r1', kind: 'investigation', name: 'case.driftline', paths: ['/cases/case.driftline'], at: '2025-01-01T00:00:00.000Z' };

function bridge(answers: Record<string, ReopenedRecent | Error>): DriftlineHost & { asked: string[] } {
  const asked: string[] = [];
  const recent: RecentHost = {
    list: async () => [entry],
    open: async (id) => {
      asked.push(id);
      const a = answers[id];
      if (!a) throw Object.assign(new Error('That item is no longer in the recent list.'), { kind: 'invalid' });
      if (a instanceof Error) throw a;
      return a;
    },
    remove: async () => undefined,
    locate: async () => null,
  };
  const unused = async () => {
    throw new Error('not used here');
  };
  return {
    asked,
    files: { pickEvidence: unused, readChunk: unused },
    documents: { saveAs: unused, writeTo: unused, open: unused },
    recent,
    app: { kind: 'electron', version: async () => '1', onMenuCommand: () => () => {}, onBeforeClose: () => () => {}, onOpenRecent: () => () => {} },
  };
}

function services(host: DriftlineHost) {
  const calls: { opened: Uint8Array[]; imported: WireFile[][] } = { opened: [], imported: [] };
  const engine = {
    openInvestigation: async (bytes: Uint8Array) => (calls.opened.push(bytes), { analysis: null }),
    import: async (files: WireFile[]) => (calls.imported.push(files), files.map((f) => ({ path: f.path, sourceId: 1, events: 2, errors: 0, cancelled: false }))),
    analyze: async () => null,
  } as unknown as EngineClient;
  const store = createAppStore();
  store.set({ phase: 'empty' });
  const s: AppServices = { store, engine, host: createElectronHost(host) };
  return { s, calls };
}

describe('Electron host: the recent list', () => {
  it('is the main process list (the bridge), with no second list kept in the page', async () => {
    const b = bridge({});
    const host = createElectronHost(b);
    expect(host.recent).toBe(b.recent);
    expect(host.documents).toBe(b.documents);
    expect(await host.recent.list()).toEqual([entry]);
  });

  it('reopens an investigation by id: the bytes load and later saves go to its path', async () => {
    const data = new TextEncoder().encode('sealed');
    const b = bridge({ r1: { kind: 'investigation', path: '/cases/case.driftline', name: 'case.driftline', data } });
    const { s, calls } = services(b);
    expect(await openRecent(s, 'r1')).toBeNull();
    expect(b.asked).toEqual(['r1']);
    expect(calls.opened).toEqual([data]);
    expect(s.store.get()).toMatchObject({ phase: 'ready', savedPath: '/cases/case.driftline' });
  });

  it('reopens evidence by importing the files main handed out, read through their handles', async () => {
    const files: PickedFile[] = [{ handle: 'h1', name: 'app.jsonl', path: '/logs/app.jsonl', size: 9 }];
    const { s, calls } = services(bridge({ e1: { kind: 'evidence', files } }));
    expect(await openRecent(s, 'e1')).toBeNull();
    expect(calls.imported).toEqual([[{ kind: 'host', handle: 'h1', name: 'app.jsonl', path: '/logs/app.jsonl', size: 9 }]]);
    expect(s.store.get().phase).toBe('ready');
  });

  it('tells a moved file (missing) from other failures, in the main process words', async () => {
    const moved = Object.assign(new Error('case.driftline was moved or deleted: it is no longer at /cases/case.driftline.'), { kind: 'not-found' });
    const { s } = services(bridge({ r1: moved }));
    expect(await openRecent(s, 'r1')).toEqual({ missing: true, message: moved.message });
    expect(await openRecent(s, 'stale')).toEqual({ missing: false, message: 'That item is no longer in the recent list.' });
    expect(s.store.get().phase).toBe('empty');
  });

  it('File ▸ Open Recent shows a failure as the window notice', async () => {
    const moved = Object.assign(new Error('case.driftline was moved or deleted.'), { kind: 'not-found' });
    const { s } = services(bridge({ r1: moved }));
    await openRecentFromMenu(s, 'r1');
    expect(s.store.get().notice).toBe('case.driftline was moved or deleted.');
  });
});
