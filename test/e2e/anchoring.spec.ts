// An untimed chat transcript imported with the audit log its kubectl call left is placed at that record and
// the Sources panel says so; a trace file shows how many records its events came from.
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp } from './appPage';

const DIR = path.resolve(import.meta.dirname, '../fixtures/scenarios/anchoring');
const sourceRow = (page: Page, file: string): Locator => page.getByTestId('sources-panel').getByTestId('source-row').filter({ hasText: file });

test('an untimed chat array is anchored to the audit record of its kubectl call, and says so', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles(['chat.json', 'audit.jsonl', 'trace.otlp.json'].map((f) => path.join(DIR, f)));
  await expect(page.getByTestId('sources-panel').getByTestId('source-row')).toHaveCount(3, { timeout: 60_000 });
  await expect(page.getByTestId('import-progress')).toHaveCount(0, { timeout: 60_000 });

  const chat = sourceRow(page, 'chat.json');
  await expect(chat.getByTestId('source-anchoring')).toContainText('anchored to the audit record of `kubectl scale deployment payments -n prod --replicas=2` at 10:04:02 (audit.jsonl:4)');
  await expect(chat.getByTestId('source-range')).toContainText('10:03:59');
  // 2 span records → 3 events: the tool span gives a call and a result.
  await expect(sourceRow(page, 'trace.otlp.json').getByTestId('source-records')).toHaveText('2 records');
});
