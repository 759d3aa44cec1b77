import { describe, expect, it, vi } from 'vitest';

// window.ts constructs a BrowserWindow at runtime; only its pure options are checked here.
vi.mock('electron', () => ({ BrowserWindow: class {}, screen: {} }));
const { secureWebPreferences } = await import('../../../main/services/window');

describe('window', () => {
  it('uses the secure web preferences: isolated, sandboxed, no Node, web security on', () => {
    const prefs = secureWebPreferences('/app/dist/main/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});
