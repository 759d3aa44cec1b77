// The desktop layout: splitters that move by keyboard and keep their size across a reload, and the recent
// investigations on the empty state, reopened from there.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SAMPLE_FILES, sampleTruth } from './sampleTruth';
import { openApp, waitForImport } from './appPage';

async function importSample(page: Page, events: number) {
  await page.getByTestId('file-input').setInputFiles(SAMPLE_FILES);
  await waitForImport(page, events);
}

const height = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())!.height;

test('the timeline/graph splitter moves by keyboard, and its size is kept after a reload', async ({ page }) => {
  test.setTimeout(240_000); // three engine starts and imports
  const truth = await sampleTruth();
  await openApp(page);
  await importSample(page, truth.events);

  const splitter = page.getByRole('separator', { name: 'Resize timeline and causal graph' });
  await expect(splitter).toHaveAttribute('aria-valuenow', '50');
  const before = await height(page, '#pane-timeline');
  await splitter.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await expect(splitter).toHaveAttribute('aria-valuenow', '60');
  const after = await height(page, '#pane-timeline');
  expect(after).toBeGreaterThan(before + 30);
  await page.keyboard.press('Home');
  await expect(splitter).toHaveAttribute('aria-valuenow', '20');
  await page.keyboard.press('PageUp');
  await expect(splitter).toHaveAttribute('aria-valuenow', '30');
  // The column splitters work the same way; the inspector's grows with ArrowLeft (it sits on the right).
  const right = page.getByTestId('splitter-right');
  const inspectorWidth = (await page.getByTestId('inspector').boundingBox())!.width;
  await right.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(right).toHaveAttribute('aria-valuenow', '28');
  expect((await page.getByTestId('inspector').boundingBox())!.width).toBeGreaterThan(inspectorWidth + 20);
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('l=');

  await page.reload();
  await expect(page.locator('html[data-engine-ms]')).toHaveCount(1, { timeout: 60_000 });
  await importSample(page, truth.events);
  await expect(page.getByRole('separator', { name: 'Resize timeline and causal graph' })).toHaveAttribute('aria-valuenow', '30');
  await expect(page.getByTestId('splitter-right')).toHaveAttribute('aria-valuenow', '28');

  // Without the hash (a new window), the sizes this person last used come back from local storage.
  const fresh = await page.context().newPage();
  await openApp(fresh);
  await importSample(fresh, truth.events);
  await expect(fresh.getByTestId('splitter-timeline')).toHaveAttribute('aria-valuenow', '30');
});

test('imported evidence is listed under recent investigations after a reload, and Open… picks it again', async ({ page }) => {
  const truth = await sampleTruth();
  await openApp(page);
  await expect(page.getByTestId('recents')).toHaveCount(0);
  await importSample(page, truth.events);

  await page.reload();
  await expect(page.locator('html[data-engine-ms]')).toHaveCount(1, { timeout: 60_000 });
  const recents = page.getByRole('region', { name: 'Recent investigations' });
  await expect(recents.getByTestId('recent-item')).toHaveCount(1);
  await expect(recents.getByTestId('recent-item')).toContainText('app-logs.jsonl and 2 more');
  await expect(recents.getByTestId('recent-item')).toContainText('evidence');
  const axe = await new AxeBuilder({ page }).include('[data-testid="recents"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  const reopen = recents.getByRole('button', { name: /^Open app-logs\.jsonl and 2 more again/ });
  await reopen.focus();
  await expect(reopen).toBeFocused();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(SAMPLE_FILES);
  await waitForImport(page, truth.events);
});
