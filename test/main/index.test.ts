// main/index.ts wired against a fake Electron: checks the order (scheme before ready) and that every
// service is actually connected — the part of the shell that unit tests of services cannot see.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLOSE_ANSWER_CHANNEL, INVOKE_METHODS, MENU_CHANNEL, OPEN_RECENT_CHANNEL, channel } from '../../shared/ipc/host';

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const state = {
    calls,
    appHandlers: new Map<string, (...a: unknown[]) => unknown>(),
    ipc: new Map<string, unknown>(),
    ipcOn: new Set<string>(),
    protocolHandler: undefined as undefined | ((r: Request) => Promise<Response>),
    beforeRequest: undefined as undefined | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    windows: [] as { options: Record<string, unknown>; url?: string; sent: unknown[][]; events: string[] }[],
    menu: undefined as undefined | MenuItemConstructorOptions[],
    userData: '',
    ready: undefined as undefined | (() => void),
  };
  return state;
});

vi.mock('electron', () => {
  class BrowserWindow {
    record: (typeof fake.windows)[number];
    webContents: { send: (...a: unknown[]) => void; on: (name: string) => void };
    constructor(options: Record<string, unknown>) {
      this.record = { options, sent: [], events: [] };
      fake.windows.push(this.record);
      fake.calls.push('window');
      this.webContents = { send: (...a: unknown[]) => this.record.sent.push(a), on: (name: string) => this.record.events.push(`contents:${name}`) };
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
    once() {}
    on(name: string) {
      this.record.events.push(name);
    }
    maximize() {}
    isDestroyed() {
      return false;
    }
  }
  return {
    BrowserWindow,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    app: {
      on: (name: string, fn: (...a: unknown[]) => unknown) => fake.appHandlers.set(name, fn),
      whenReady: () => new Promise<void>((r) => (fake.ready = r)),
      requestSingleInstanceLock: () => true,
      getPath: () => fake.userData,
      getVersion: () => '0.1.0',
      isPackaged: false,
      addRecentDocument: () => {},
      clearRecentDocuments: () => fake.calls.push('clear-recent-documents'),
      quit: () => fake.calls.push('quit'),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: Record<string, boolean> }[]) =>
        fake.calls.push(`privileged:${schemes.map((s) => `${s.scheme}:${s.privileges.standard && s.privileges.secure}`)}`),
      handle: (scheme: string, h: (r: Request) => Promise<Response>) => {
        fake.calls.push(`handle:${scheme}`);
        fake.protocolHandler = h;
      },
    },
    session: {
      defaultSession: {
        webRequest: { onBeforeRequest: (l: typeof fake.beforeRequest) => (fake.beforeRequest = l) },
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: () => {},
      },
    },
    ipcMain: { handle: (name: string, h: unknown) => fake.ipc.set(name, h), on: (name: string) => fake.ipcOn.add(name) },
    dialog: {},
    Menu: {
      buildFromTemplate: (t: MenuItemConstructorOptions[]) => t,
      setApplicationMenu: (m: MenuItemConstructorOptions[]) => (fake.menu = m),
    },
  };
});

beforeAll(async () => {
  fake.userData = mkdtempSync(path.join(tmpdir(), 'driftline-main-'));
  // A recent list left by an earlier run, with one investigation that is still there.
  writeFileSync(path.join(fake.userData, 'case.driftline'), 'sealed');
  const entry = { id: 'r1', kind: 'investigation', name: 'case.driftline', paths: [path.join(fake.userData, 'case.driftline')], at: '2025-01-01T00:00:00.000Z' };
  writeFileSync(path.join(fake.userData, 'recent-investigations.json'), JSON.stringify({ version: 2, recent: [entry] }));
  await import('../../main/index');
  fake.calls.push('ready');
  fake.ready!();
  await new Promise((r) => setTimeout(r, 0));
});
afterAll(() => rmSync(fake.userData, { recursive: true, force: true }));

describe('main/index.ts wiring', () => {
  it('registers the privileged app scheme before ready, then serves it and opens one window', () => {
    expect(fake.calls[0]).toBe('privileged:app:true');
    expect(fake.calls.indexOf('ready')).toBeLessThan(fake.calls.indexOf('handle:app'));
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0].url).toBe('app://driftline/index.html');
    const prefs = fake.windows[0].options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
  });

  it('serves the renderer folder through the app scheme with the CSP', async () => {
    const res = await fake.protocolHandler!(new Request('app://driftline/index.html'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Driftline</title>');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('guards the session and every new web contents', () => {
    let cancel: boolean | undefined;
    fake.beforeRequest!({ url: 'https://example.com/' }, (r) => (cancel = r.cancel));
    expect(cancel).toBe(true);
    expect(fake.appHandlers.has('web-contents-created')).toBe(true);
  });

  it('handles every host method and routes menu commands to the window', () => {
    expect([...fake.ipc.keys()].sort()).toEqual(INVOKE_METHODS.map(channel).sort());
    const items = fake.menu!.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    (items.find((i) => i.label === 'Save')!.click as () => void)();
    expect(fake.windows[0].sent).toEqual([[MENU_CHANNEL, 'save']]);
  });

  it('holds the window close (and Quit) until the page has written its changes', () => {
    expect(fake.windows[0].events).toEqual(expect.arrayContaining(['close', 'closed', 'query-session-end', 'contents:render-process-gone']));
    expect(fake.ipcOn.has(CLOSE_ANSWER_CHANNEL)).toBe(true);
    expect(fake.appHandlers.has('before-quit')).toBe(true);
  });

  it('offers the recent list under File ▸ Open Recent: choosing an item tells the window, Clear Recent empties the menu', async () => {
    const fileMenu = () => fake.menu![0].submenu as MenuItemConstructorOptions[];
    const recentItems = () => fileMenu().find((i) => i.label === 'Open Recent')!.submenu as MenuItemConstructorOptions[];
    expect(recentItems()[0].label).toBe(`case.driftline — ${fake.userData}`);
    fake.windows[0].sent.length = 0;
    (recentItems()[0].click as () => void)();
    for (let i = 0; i < 50 && !fake.windows[0].sent.length; i++) await new Promise((r) => setTimeout(r, 5));
    expect(fake.windows[0].sent).toEqual([[OPEN_RECENT_CHANNEL, 'r1']]);

    (recentItems().find((i) => i.label === 'Clear Recent')!.click as () => void)();
    expect(fake.calls).toContain('clear-recent-documents');
    expect(recentItems()[0]).toMatchObject({ label: 'No Recent Investigations', enabled: false });
    const stored = () => JSON.parse(readFileSync(path.join(fake.userData, 'recent-investigations.json'), 'utf8')).recent;
    for (let i = 0; i < 100 && stored().length; i++) await new Promise((r) => setTimeout(r, 5));
    expect(stored()).toEqual([]);
  });
});
