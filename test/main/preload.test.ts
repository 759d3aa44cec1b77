// The preload and the main-process IPC handlers wired back to back through a fake Electron, so the
// whole host contract (typed calls, error kinds, menu commands) is exercised without the binary.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DriftlineHost } from '../../shared/ipc/host';
import {
  CHANNEL_PREFIX,
  CLOSE_REQUEST_CHANNEL,
  INVOKE_METHODS,
  MENU_CHANNEL,
  OPEN_RECENT_CHANNEL,
  channel,
  type CloseAnswer,
  type CloseGuard,
} from '../../shared/ipc/host';
import { guardClose } from '../../main/services/closeGuard';
import { createDocumentsService } from '../../main/services/documents';
import { createFilesService } from '../../main/services/files';
import { registerIpc } from '../../main/services/ipc';
import { createRecentStore } from '../../main/services/recent';
import { createRecentService } from '../../main/services/recentService';

const fake = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const exposed: Record<string, unknown> = {};
  const state = { senderUrl: 'app://driftline/index.html' };
  /** What the page sends to the main process (ipcRenderer.send), delivered to the main side's listeners. */
  const mainIpc = { listeners: new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>(), sender: {} as unknown };
  return { handlers, exposed, state, mainIpc };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const renderer = new Emitter();
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (fake.exposed[key] = api) },
    ipcRenderer: Object.assign(renderer, {
      invoke: (name: string, ...args: unknown[]) => {
        const handler = fake.handlers.get(name);
        if (!handler) return Promise.reject(new Error(`No handler registered for '${name}'`));
        // Like Electron: arguments and results are structured-cloned across the process boundary.
        return handler({ senderFrame: { url: fake.state.senderUrl } }, ...structuredClone(args)).then(structuredClone);
      },
      send: (name: string, ...args: unknown[]) => {
        for (const l of fake.mainIpc.listeners.get(name) ?? []) l({ sender: fake.mainIpc.sender }, ...structuredClone(args));
      },
    }),
  };
});

let dir: string;
let host: DriftlineHost;
let renderer: EventEmitter;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'driftline-preload-'));
  writeFileSync(path.join(dir, 'app-logs.jsonl'), '{"msg":"hello"}\n');
  const store = createRecentStore(path.join(dir, 'recent.json'));
  const files = createFilesService(async () => [path.join(dir, 'app-logs.jsonl')], { onEvidence: (chosen) => void store.add('evidence', chosen) });
  const documents = createDocumentsService({ save: async () => undefined, open: async () => undefined });
  const dialogs = { locateInvestigation: async () => undefined, locateEvidence: async () => [], askMissing: async () => 'cancel' as const };
  registerIpc(
    { handle: (name: string, h: never) => fake.handlers.set(name, h) } as never,
    {
      files,
      documents,
      recent: createRecentService({ store, files, documents, dialogs }),
      app: { version: async () => '9.9.9' },
    },
    (event) => event.senderFrame?.url.startsWith('app://driftline/') ?? false,
  );
  await import('../../main/preload');
  host = fake.exposed.driftline as DriftlineHost;
  renderer = (await import('electron')).ipcRenderer as unknown as EventEmitter;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('preload + ipc', () => {
  it('registers one prefixed handler per host method', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(INVOKE_METHODS.map(channel).sort());
    for (const name of fake.handlers.keys()) expect(name.startsWith(CHANNEL_PREFIX)).toBe(true);
  });

  it('exposes exactly one frozen object, with no ipcRenderer on it', () => {
    expect(Object.keys(fake.exposed)).toEqual(['driftline']);
    expect(Object.isFrozen(host)).toBe(true);
    expect(Object.isFrozen(host.files) && Object.isFrozen(host.documents) && Object.isFrozen(host.recent) && Object.isFrozen(host.app)).toBe(true);
    expect(Object.keys(host).sort()).toEqual(['app', 'documents', 'files', 'recent']);
    expect(host.app.kind).toBe('electron');
    expect(JSON.stringify(Object.keys(host.app))).not.toContain('ipc');
  });

  it('picks evidence and reads its bytes through the main process', async () => {
    const [file] = await host.files.pickEvidence();
    expect(file).toMatchObject({ name: 'app-logs.jsonl', size: 16 });
    const chunk = await host.files.readChunk(file.handle, 2, 3);
    expect(new TextDecoder().decode(chunk)).toBe('msg');
    expect(await host.app.version()).toBe('9.9.9');
  });

  it('turns main-process failures back into errors with their kind', async () => {
    const err = await host.files.readChunk('made-up', 0, 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ name: 'HostError', kind: 'not-found' });
    await expect(host.documents.writeTo('/tmp/anything', new Uint8Array(1))).rejects.toMatchObject({ kind: 'denied' });
    expect(await host.documents.saveAs('x.json', new Uint8Array(1), [])).toBeNull();
  });

  it('lists picked evidence as recent and reopens it by id, reading the same bytes; a path is not an id', async () => {
    await host.files.pickEvidence();
    const [entry] = await host.recent.list();
    expect(entry).toMatchObject({ kind: 'evidence', name: 'app-logs.jsonl', paths: [path.join(dir, 'app-logs.jsonl')] });
    const reopened = await host.recent.open(entry.id);
    if (reopened.kind !== 'evidence') throw new Error('expected evidence');
    expect(new TextDecoder().decode(await host.files.readChunk(reopened.files[0].handle, 2, 3))).toBe('msg');
    await expect(host.recent.open(path.join(dir, 'app-logs.jsonl'))).rejects.toMatchObject({ name: 'HostError', kind: 'invalid' });
    await host.recent.remove(entry.id);
    expect(await host.recent.list()).toEqual([]);
  });

  it('delivers File ▸ Open Recent choices as ids only, until unsubscribed', () => {
    const got: string[] = [];
    const off = host.app.onOpenRecent((id) => got.push(id));
    renderer.emit(OPEN_RECENT_CHANNEL, {}, 'b9d3c1f0-1111-4222-8333-944445555666');
    renderer.emit(OPEN_RECENT_CHANNEL, {}, { id: 'x' });
    renderer.emit(OPEN_RECENT_CHANNEL, {}, '');
    renderer.emit(OPEN_RECENT_CHANNEL, {}, 'x'.repeat(5000));
    off();
    renderer.emit(OPEN_RECENT_CHANNEL, {}, 'after');
    expect(got).toEqual(['b9d3c1f0-1111-4222-8333-944445555666']);
    expect(renderer.listenerCount(OPEN_RECENT_CHANNEL)).toBe(0);
  });

  it('refuses calls from a frame that is not the app', async () => {
    fake.state.senderUrl = 'https://evil.example/';
    try {
      await expect(host.app.version()).rejects.toMatchObject({ kind: 'denied' });
    } finally {
      fake.state.senderUrl = 'app://driftline/index.html';
    }
  });

  it('delivers known menu commands only, until unsubscribed', () => {
    const got: string[] = [];
    const off = host.app.onMenuCommand((c) => got.push(c));
    renderer.emit(MENU_CHANNEL, {}, 'save');
    renderer.emit(MENU_CHANNEL, {}, 'rm -rf');
    renderer.emit(MENU_CHANNEL, {}, { command: 'save' });
    off();
    renderer.emit(MENU_CHANNEL, {}, 'export');
    expect(got).toEqual(['save']);
    expect(renderer.listenerCount(MENU_CHANNEL)).toBe(0);
  });

  it('answers the main process close guard through the page guard, back to back', async () => {
    // A window whose webContents.send reaches the preload, and a main-side ipc that hears ipcRenderer.send.
    const contents = Object.assign(new EventEmitter(), {
      send: (name: string, ...args: unknown[]) => renderer.emit(name, {}, ...structuredClone(args)),
      isCrashed: () => false,
    });
    fake.mainIpc.sender = contents;
    const win = Object.assign(new EventEmitter(), {
      destroyed: false,
      webContents: contents,
      isDestroyed: () => win.destroyed,
      close() {
        let prevented = false;
        win.emit('close', { preventDefault: () => (prevented = true) });
        if (!prevented) win.destroyed = true;
      },
    });
    const ipc = {
      on: (name: string, l: (event: never, ...args: unknown[]) => void) =>
        fake.mainIpc.listeners.set(name, [...(fake.mainIpc.listeners.get(name) ?? []), l as (event: unknown, ...args: unknown[]) => void]),
      removeListener: () => undefined,
    };
    const asked: string[] = [];
    guardClose(win, { ipc, dialogs: { askToSave: async (r) => (asked.push(r), 'save'), askWhenSlow: async () => 'wait' } });

    const steps: string[] = [];
    let answer: CloseAnswer = { kind: 'unsaved', reason: 'No file yet.' };
    const guard: CloseGuard = {
      hasUnsavedWork: () => answer.kind === 'unsaved',
      prepare: async () => (steps.push('prepare'), answer),
      save: async () => {
        steps.push('save');
        answer = { kind: 'saved' };
        return answer;
      },
    };
    const off = host.app.onBeforeClose(guard);
    win.close();
    for (let i = 0; i < 100 && !win.destroyed; i++) await new Promise((r) => setTimeout(r, 5));
    expect(win.destroyed).toBe(true);
    expect(steps).toEqual(['prepare', 'save']);
    expect(asked).toEqual(['No file yet.']);
    off();
  });

  it('answers for the page: saved before it registered a guard, unsaved when its guard fails', async () => {
    const answers: unknown[] = [];
    fake.mainIpc.listeners.set(`${CHANNEL_PREFIX}close-answer`, [(_e, id, a) => answers.push([id, a])]);
    renderer.emit(CLOSE_REQUEST_CHANNEL, {}, 7, 'prepare');
    const off = host.app.onBeforeClose({
      hasUnsavedWork: () => true,
      prepare: async () => {
        throw new Error('IndexedDB is full');
      },
      save: async () => ({ kind: 'maybe' }) as unknown as CloseAnswer,
    });
    renderer.emit(CLOSE_REQUEST_CHANNEL, {}, 8, 'prepare');
    renderer.emit(CLOSE_REQUEST_CHANNEL, {}, 9, 'save');
    renderer.emit(CLOSE_REQUEST_CHANNEL, {}, 'not-an-id', 'prepare');
    off();
    renderer.emit(CLOSE_REQUEST_CHANNEL, {}, 10, 'prepare');
    await new Promise((r) => setTimeout(r, 10));
    expect(answers.sort((a, b) => (a as number[])[0] - (b as number[])[0])).toEqual([
      [7, { kind: 'saved' }],
      [8, { kind: 'unsaved', reason: 'Checking for unsaved changes failed: IndexedDB is full' }],
      [9, { kind: 'unsaved', reason: 'The window gave an answer Driftline does not understand.' }],
      [10, { kind: 'saved' }],
    ]);
  });
});
