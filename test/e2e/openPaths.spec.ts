// The other ways in: the Open sample button, and files dropped on the window.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SAMPLE_FILES, sampleTruth } from './sampleTruth';
import { foreignRequests, openApp, recordRequests, waitForImport } from './appPage';

test('Open sample loads the bundled sample from the app itself', async ({ page }) => {
  const truth = await sampleTruth();
  const requests = recordRequests(page);
  await openApp(page);
  await page.getByTestId('open-sample').click();
  await waitForImport(page, truth.events);
  await expect(page.locator('[data-testid="divergence"][data-kind="stale_context"]')).toContainText('alice@example.com');
  expect(foreignRequests(requests)).toEqual([]);
});

test('dropping files anywhere on the window imports them', async ({ page }) => {
  const truth = await sampleTruth();
  await openApp(page);
  const files = SAMPLE_FILES.map((f) => ({ name: path.basename(f), text: readFileSync(f, 'utf8') }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name));
    const target = document.querySelector('[data-testid="drop-zone"]') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
  await waitForImport(page, truth.events);
  await expect(page.getByTestId('sources-panel').getByTestId('source-row')).toHaveCount(files.length);
});
