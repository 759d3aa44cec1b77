// Launches the real app with Playwright's Electron driver and checks the shell's security promises.
// Runs only where an Electron binary exists (the package fetches it on first use, which fails
// offline); elsewhere it is skipped with the reason printed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const { findElectron } = (await import(pathToFileURL(path.join(repoRoot, 'scripts/start.mjs')).href)) as {
  findElectron(root?: string): { path?: string; reason?: string };
};

function skipReason(): string | undefined {
  const electron = findElectron(repoRoot);
  if (!electron.path) return `Electron launch test skipped: ${electron.reason}. Set ELECTRON_OVERRIDE_DIST_PATH to run it.`;
  const missing = ['dist/main/index.cjs', 'dist/main/preload.cjs', 'dist/renderer/index.html'].find(
    (f) => !existsSync(path.join(repoRoot, f)),
  );
  if (missing) return `Electron launch test skipped: ${missing} is missing; run npm run build first.`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'Electron launch test skipped: no display (DISPLAY is unset); run the tests under xvfb-run.';
  }
  return undefined;
}

const reason = skipReason();
if (reason) console.warn(reason);

describe.skipIf(reason !== undefined)('Electron app', () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    const env = { ...process.env } as Record<string, string>;
    delete env.ELECTRON_RUN_AS_NODE;
    app = await _electron.launch({
      executablePath: findElectron(repoRoot).path,
      // Chromium refuses to start its sandbox as root (containers, CI).
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), repoRoot],
      cwd: repoRoot,
      env,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens one window titled Driftline, loaded from app://', async () => {
    expect(await page.title()).toBe('Driftline');
    expect(page.url()).toMatch(/^app:\/\/driftline\//);
    expect(app.windows()).toHaveLength(1);
  });

  it('exposes exactly the frozen host object and no Node globals', async () => {
    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown> & { driftline: Record<string, Record<string, unknown>> };
      return {
        frozen: Object.isFrozen(w.driftline),
        keys: Object.keys(w.driftline).sort(),
        kind: w.driftline.app.kind,
        functions: typeof w.driftline.files.pickEvidence === 'function' && typeof w.driftline.documents.saveAs === 'function',
        node: ['require', 'process', 'module', 'Buffer', 'global', 'ipcRenderer', 'electron'].filter((g) => g in w),
      };
    });
    expect(globals).toEqual({ frozen: true, keys: ['app', 'documents', 'files', 'recent'], kind: 'electron', functions: true, node: [] });
    expect(await page.evaluate(() => (window as unknown as { driftline: { app: { version(): Promise<string> } } }).driftline.app.version())).toMatch(
      /^\d+\.\d+\.\d+/,
    );
  });

  it('refuses requests to remote hosts at the session, not just by CSP', async () => {
    const fromPage = await page.evaluate(() => fetch('https://example.com/').then(() => 'loaded', () => 'refused'));
    expect(fromPage).toBe('refused');
    // A window loading a remote URL is not subject to the page's CSP: only the session guard stops it.
    const fromMain = await app.evaluate(async ({ BrowserWindow }) => {
      const probe = new BrowserWindow({ show: false });
      try {
        await probe.loadURL('http://example.com/');
        return 'loaded';
      } catch (e) {
        return String(e);
      } finally {
        probe.destroy();
      }
    });
    expect(fromMain).toContain('ERR_BLOCKED_BY_CLIENT');
  });

  it('denies new windows and navigation away from the app', async () => {
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    const before = page.url();
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
  });
});
