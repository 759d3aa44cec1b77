// Recent investigations on the start screen. In a browser: a reminder that says the file must be picked
// again, and can be removed. Then the same page against a stubbed preload bridge (plain chromium, no
// Electron: the bridge is a script object standing in for the host contract) to see the desktop list:
// one click reopens evidence with no file chooser, a moved file is described with Locate… and Remove.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { SAMPLE_FILES, sampleTruth } from './sampleTruth';
import { openApp, waitForImport } from './appPage';

test('a browser says recent files must be picked again, and Remove takes one off the list for good', async ({ page }) => {
  const truth = await sampleTruth();
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles(SAMPLE_FILES);
  await waitForImport(page, truth.events);

  await page.reload();
  await expect(page.locator('html[data-engine-ms]')).toHaveCount(1, { timeout: 60_000 });
  const recents = page.getByRole('region', { name: 'Recent investigations' });
  await expect(recents.getByTestId('recents-note')).toHaveText(/A browser cannot reopen files by itself: Open… asks you to pick the same file again\./);
  await expect(recents.getByRole('button', { name: /^Open app-logs\.jsonl and 2 more again \(evidence\): pick the file$/ })).toHaveText('Open…');
  await recents.getByRole('button', { name: 'Remove app-logs.jsonl and 2 more from the list' }).click();
  await expect(page.getByTestId('recents')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('html[data-engine-ms]')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByTestId('recents')).toHaveCount(0);
});

test('with a desktop host bridge: one click reopens evidence without a picker; a moved file says so and can be removed', async ({ page }, testInfo) => {
  const truth = await sampleTruth();
  const files = SAMPLE_FILES.map((f) => ({ name: path.basename(f), text: readFileSync(f, 'utf8') }));
  await page.addInitScript((sample) => {
    const bytes = sample.map((f) => new TextEncoder().encode(f.text));
    const calls: string[][] = [];
    let entries = [
      { id: 'e1', kind: 'evidence', name: 'app-logs.jsonl and 2 more', paths: sample.map((f) => `/incident/${f.name}`), at: '2025-05-01T09:00:00.000Z' },
      { id: 'i1', kind: 'investigation', name: 'old-case.driftline', paths: ['/cases/old-case.driftline'], missing: ['/cases/old-case.driftline'], at: '2025-04-01T09:00:00.000Z' },
    ];
    const refuse = async () => {
      throw new Error('not used in this test');
    };
    (window as unknown as { __recentCalls: string[][] }).__recentCalls = calls;
    (window as unknown as { driftline: unknown }).driftline = {
      files: {
        pickEvidence: refuse,
        readChunk: async (handle: string, offset: number, length: number) => bytes[Number(handle.slice(1))].slice(offset, offset + length),
      },
      documents: { saveAs: refuse, writeTo: refuse, open: refuse },
      recent: {
        list: async () => (calls.push(['list']), entries),
        open: async (id: string) => {
          calls.push(['open', id]);
          return { kind: 'evidence', files: sample.map((f, i) => ({ handle: `h${i}`, name: f.name, path: `/incident/${f.name}`, size: bytes[i].length })) };
        },
        remove: async (id: string) => {
          calls.push(['remove', id]);
          entries = entries.filter((e) => e.id !== id);
        },
        locate: refuse,
      },
      app: { kind: 'electron', version: async () => 'test', onMenuCommand: () => () => {}, onBeforeClose: () => () => {}, onOpenRecent: () => () => {} },
    };
  }, files);
  let choosers = 0;
  page.on('filechooser', () => choosers++);
  await openApp(page);

  const recents = page.getByRole('region', { name: 'Recent investigations' });
  await expect(recents.getByTestId('recent-item')).toHaveCount(2);
  await expect(recents.getByTestId('recents-note')).toHaveCount(0);
  const moved = recents.getByTestId('recent-item').filter({ hasText: 'old-case.driftline' });
  await expect(moved.getByTestId('recent-problem').getByRole('status')).toHaveText(
    'old-case.driftline was moved or deleted: it is no longer at /cases/old-case.driftline. Locate… it where it is now, or remove it from the list.',
  );
  await expect(moved.getByRole('button', { name: 'Locate old-case.driftline' })).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('[data-testid="recents"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.getByTestId('drop-zone').screenshot({ path: testInfo.outputPath('recents-desktop.png') });

  await moved.getByRole('button', { name: 'Remove old-case.driftline from the list' }).click();
  await expect(recents.getByTestId('recent-item')).toHaveCount(1);

  await recents.getByRole('button', { name: 'Open app-logs.jsonl and 2 more (evidence)' }).click();
  await waitForImport(page, truth.events);
  expect(choosers).toBe(0);
  const calls = await page.evaluate(() => (window as unknown as { __recentCalls: string[][] }).__recentCalls.filter((c) => c[0] !== 'list'));
  expect(calls).toEqual([
    ['remove', 'i1'],
    ['open', 'e1'],
  ]);
});
