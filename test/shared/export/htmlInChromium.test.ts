// The HTML report opened in a real Chromium with every network request blocked: the graph and the
// timeline render, nothing is fetched, and markup from evidence shows as text without running.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import { migrate } from '../../../shared/db/schema';
import { exportAs, loadExportInput } from '../../../shared/export';
import { ANALYSIS, loadIncident, XSS } from '../../fixtures/export/incident';
import { annotateIncident } from '../../fixtures/export/annotate';

const browserPath = [process.env.DRIFTLINE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => p && existsSync(p));

describe.skipIf(!browserPath)('HTML report in Chromium, offline', () => {
  if (!browserPath) console.warn('skipped: no Chromium found (install chromium or set DRIFTLINE_CHROMIUM)');

  it('renders the graph and timeline, fetches nothing, and runs no evidence markup', async () => {
    const db = await openNodeDb();
    await migrate(db);
    await loadIncident(db);
    await annotateIncident(db);
    const input = await loadExportInput(db, ANALYSIS, { generatedAt: '2026-11-28T10:00:00.000Z', timeline: 'cited' });
    await db.close();
    const dir = mkdtempSync(path.join(tmpdir(), 'driftline-html-'));
    const file = path.join(dir, 'report.html');
    writeFileSync(file, exportAs('html', input, 'none'));

    const browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    try {
      const context = await browser.newContext({ offline: true });
      const requests: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url === pathToFileURL(file).href) return route.continue();
        requests.push(url);
        return route.abort();
      });
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
      await page.goto(pathToFileURL(file).href);

      const graph = page.locator('figure svg');
      const box = await graph.boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      expect(await graph.locator('circle').count()).toBeGreaterThanOrEqual(8);
      const timeline = page.locator('h2:text("Timeline") + table tbody tr');
      expect(await timeline.count()).toBe(input.events.length);
      const row = timeline.filter({ hasText: '503 connection pool exhausted' });
      expect(await row.innerText()).toContain(XSS);
      expect(await page.evaluate(() => [document.images.length, document.scripts.length])).toEqual([0, 0]);
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
