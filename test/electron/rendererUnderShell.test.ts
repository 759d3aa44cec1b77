// The built renderer served exactly as the Electron shell serves it (main/services/staticFiles: its
// MIME types and CSP header), opened in Chromium: the sample must import and show its divergence
// with no CSP violation. Catches a shell policy that would break the app where Electron can't run.
// Served over http on 127.0.0.1 instead of app://, which only Electron can register; 'self' means
// the same origin either way.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../main/services/staticFiles';
import { findBrowser } from '../../scripts/find-browser.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const root = path.join(repoRoot, 'dist/renderer');
const executablePath = findBrowser();
const reason = !existsSync(path.join(root, 'index.html'))
  ? 'dist/renderer is not built; run npm run build first'
  : !executablePath
    ? 'no Chromium found (apt-get install -y chromium, or set DRIFTLINE_CHROMIUM)'
    : undefined;
if (reason) console.warn(`Renderer-under-shell test skipped: ${reason}.`);

describe.skipIf(reason !== undefined)('renderer served by the shell', () => {
  let server: http.Server;
  let origin = '';
  let browser: Browser;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      void serveStatic(root, new Request(`app://driftline${req.url}`, { method: req.method })).then(async (r) => {
        res.writeHead(r.status, Object.fromEntries(r.headers));
        res.end(Buffer.from(await r.arrayBuffer()));
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => server?.close(ok));
  });

  it('opens the sample and shows the stale-context divergence, with no CSP violation', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)),
    );
    const violations: string[] = [];
    page.on('console', (m) => m.text().startsWith('CSP violation') && violations.push(m.text()));
    const response = await page.goto(`${origin}/index.html`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(await page.title()).toBe('Driftline');
    await page.getByRole('button', { name: 'Open sample' }).first().click();
    const divergence = page.getByTestId('divergence').first();
    await divergence.waitFor({ timeout: 120_000 });
    expect(await divergence.textContent()).toContain('k8s:prod/deployment/payments');
    expect(violations).toEqual([]);
  }, 180_000);
});
