// Save, reopen and export from the window: the .driftline file round-trips, the report is redacted.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SAMPLE_FILES, sampleTruth } from './sampleTruth';
import { foreignRequests, openApp, recordRequests, waitForImport } from './appPage';

test('save the investigation, reopen it in a fresh window, and export a redacted Markdown report', async ({ page }, info) => {
  test.setTimeout(180_000);
  const truth = await sampleTruth();
  const requests = recordRequests(page);
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles(SAMPLE_FILES);
  await waitForImport(page, truth.events);

  const saving = page.waitForEvent('download');
  await page.getByTestId('save').click();
  const saved = await saving;
  expect(saved.suggestedFilename()).toBe('investigation.driftline');
  const file = info.outputPath('investigation.driftline');
  await saved.saveAs(file);
  expect(readFileSync(file).length).toBeGreaterThan(1000);

  const exporting = page.waitForEvent('download');
  await page.getByTestId('export').click();
  await page.getByTestId('export-format').selectOption('md');
  await page.getByTestId('export-profile').selectOption('standard');
  await page.getByTestId('export-run').click();
  const report = await exporting;
  const md = readFileSync(await report.path(), 'utf8');
  expect(md).toContain('k8s:prod/deployment/payments');
  expect(md.toLowerCase()).toContain('stale');
  // The standard profile replaces people by roles.
  expect(md).not.toContain('alice@example.com');

  await page.reload();
  await expect(page.locator('html[data-engine-ms]')).toHaveCount(1, { timeout: 60_000 });
  const choosing = page.waitForEvent('filechooser');
  await page.getByTestId('open-investigation').click();
  await (await choosing).setFiles(file);
  await waitForImport(page, truth.events);
  await expect(page.locator('[data-testid="divergence"][data-kind="stale_context"]')).toContainText('alice@example.com');
  expect(foreignRequests(requests)).toEqual([]);
});
