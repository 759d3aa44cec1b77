// Clock handling in the window: a file's clock offset edited in the Sources panel moves its events on the
// timeline and in the analysis; clock skew between files is shown with a button that fixes it; an untimed
// transcript says it was placed at 0 and can be given a start time.
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SAMPLE_FILES, sampleTruth } from './sampleTruth';
import { openApp, waitForImport } from './appPage';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const sourceRow = (page: Page, file: string): Locator => page.getByTestId('sources-panel').getByTestId('source-row').filter({ hasText: file });

async function setOffset(page: Page, file: string, text: string, button = 'Apply offset'): Promise<void> {
  await sourceRow(page, file).getByTestId('source-offset').click();
  const editor = page.getByTestId('clock-editor');
  await editor.getByLabel(`Clock offset of ${file}`).fill(text);
  await editor.getByRole('button', { name: button }).click();
}

test('editing the sample audit log offset moves its events on the timeline and in the divergence, and back', async ({ page }) => {
  const truth = await sampleTruth();
  const stale = truth.analysis.divergences.find((d) => d.kind === 'stale_context')!;
  const change = stale.actual.evidence[0];
  expect(change.source).toBe('k8s-audit.jsonl');
  const at = (iso: string) => iso.slice(11, 23);

  await openApp(page);
  await page.getByTestId('file-input').setInputFiles(SAMPLE_FILES);
  await waitForImport(page, truth.events);
  const audit = sourceRow(page, 'k8s-audit.jsonl');
  await expect(audit.getByTestId('source-anchoring')).toHaveText('times from the file');
  await expect(audit.getByTestId('source-offset')).toHaveText('0 s');

  // alice's change, found through the search so the virtual table renders it.
  await page.getByTestId('search').fill('alice');
  const row = page.locator(`[data-testid="timeline-row"][data-event-id="${change.event_id}"]`);
  await expect(row.locator('[role="cell"]').first()).toHaveText(at(stale.actual.since!));
  const card = page.locator('[data-testid="divergence"][data-kind="stale_context"]').first();
  await expect(card.getByTestId('actual')).toContainText(`since ${stale.actual.since!.slice(11, 19)}`);

  await setOffset(page, 'k8s-audit.jsonl', '+2.5 s');
  await expect(audit.getByTestId('source-offset')).toHaveText('+2.5 s');
  await expect(row.locator('[role="cell"]').first()).toHaveText('10:03:02.500');
  // The analysis re-ran on the corrected times.
  await expect(card.getByTestId('actual')).toContainText('since 10:03:02');
  await page.screenshot({ path: 'test-results/screenshots/clock-offset.png' });

  // A value it cannot read is explained, and changes nothing.
  await setOffset(page, 'k8s-audit.jsonl', '2 fortnights');
  await expect(page.getByTestId('clock-editor').getByRole('alert')).toContainText('"fortnights" is not a unit');
  await page.getByTestId('clock-editor').getByRole('button', { name: 'Cancel' }).click();
  await expect(audit.getByTestId('source-offset')).toHaveText('+2.5 s');

  await setOffset(page, 'k8s-audit.jsonl', '0');
  await expect(audit.getByTestId('source-offset')).toHaveText('0 s');
  await expect(row.locator('[role="cell"]').first()).toHaveText(at(stale.actual.since!));
});

test('clock skew between two trace files is shown and fixed by its button; an untimed transcript gets a start time', async ({ page }) => {
  await openApp(page);
  const files = ['scenarios/clock-skew/frontend.otlp.json', 'scenarios/clock-skew/backend.otlp.json', 'transcripts/run.traj'].map((f) => path.join(FIXTURES, f));
  await page.getByTestId('file-input').setInputFiles(files);
  await expect(page.getByTestId('sources-panel').getByTestId('source-row')).toHaveCount(3, { timeout: 60_000 });
  await expect(page.getByTestId('import-progress')).toHaveCount(0, { timeout: 60_000 });

  const skew = page.getByTestId('clock-skew');
  await expect(skew).toContainText('backend.otlp.json');
  await expect(skew).toContainText('+2.45 s');
  await skew.getByTestId('apply-skew').click();
  await expect(sourceRow(page, 'backend.otlp.json').getByTestId('source-offset')).toHaveText('+2.45 s');
  await expect(skew).toHaveCount(0);
  // The backend's first span really ran at 10:00:00.100; it was recorded 2.5 s early and is now 50 ms short of that.
  await expect(sourceRow(page, 'backend.otlp.json').getByTestId('source-range')).toContainText('10:00:00.050');

  const traj = sourceRow(page, 'run.traj');
  await expect(traj.getByTestId('source-anchoring')).toContainText('set a start time');
  await traj.getByTestId('source-offset').click();
  const editor = page.getByTestId('clock-editor');
  await editor.getByLabel('Start time of run.traj').fill('2026-11-27T09:58:00Z');
  await editor.getByRole('button', { name: 'Set start time' }).click();
  await expect(traj.getByTestId('source-range')).toContainText('09:58:00.000');
  await expect(traj.getByTestId('source-anchoring')).toHaveText('no times in the file: placed at the start time you set');
});
