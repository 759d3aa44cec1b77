// The walking skeleton end to end in chromium: the sample through the real file picker, the timeline, the
// graph, the stale-context divergence, its evidence in the inspector, and no request off this machine.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SAMPLE_FILES, atPointer, sampleTruth } from './sampleTruth';
import { foreignRequests, openApp, recordRequests, waitForImport } from './appPage';

test('sample through the file picker: timeline, graph, divergence, inspector, nothing sent out', async ({ page }, info) => {
  const truth = await sampleTruth();
  const requests = recordRequests(page);
  await openApp(page);
  const started = Date.now();
  await page.getByTestId('file-input').setInputFiles(SAMPLE_FILES);
  await waitForImport(page, truth.events);
  const importMs = Date.now() - started;

  // Timeline: the count is the Node importer's count; the table renders only the rows in view.
  const rows = page.getByTestId('timeline-row');
  await expect(rows.first()).toBeVisible();
  const rendered = await rows.count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(truth.events);
  await expect(page.getByTestId('sources-panel').getByTestId('source-row')).toHaveCount(SAMPLE_FILES.length);

  // Graph: Cytoscape has nodes, and the count the component reports matches the instance.
  await expect.poll(() => page.evaluate(() => window.__driftlineCy?.nodes().length ?? 0)).toBeGreaterThan(0);
  const divergenceNodes = await page.evaluate(() => window.__driftlineCy?.nodes('.divergence').length ?? 0);
  expect(divergenceNodes).toBe(truth.analysis.divergences.length);

  // The stale-context divergence: believed 6, actually 12, changed by alice.
  const stale = truth.analysis.divergences.find((d) => d.kind === 'stale_context' && d.resource === 'k8s:prod/deployment/payments');
  expect(stale, 'the Node analysis finds the stale context').toBeDefined();
  const card = page.locator('[data-testid="divergence"][data-kind="stale_context"]').first();
  await expect(card.getByTestId('believed')).toContainText(stale!.believed.value!);
  await expect(card.getByTestId('actual')).toContainText(stale!.actual.value!);
  await expect(card.getByTestId('changed-by')).toHaveText(stale!.actual.changed_by!);
  expect([stale!.believed.value, stale!.actual.value, stale!.actual.changed_by]).toEqual(['6', '12', 'alice@example.com']);

  // Click it: the action is selected in the inspector, the table and the graph, with its raw record.
  await card.click();
  const actionId = stale!.action.event_id;
  await expect(page.getByTestId('inspector').locator('[data-event-id]')).toHaveAttribute('data-event-id', String(actionId));
  await expect(page.locator(`[data-testid="timeline-row"][data-event-id="${actionId}"]`)).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => page.evaluate((id) => (window.__driftlineCy?.nodes(':selected').map((n) => n.data('members') as number[]) ?? []).some((m) => m.includes(id)), actionId)).toBe(true);

  const ev = stale!.action.evidence.find((e) => e.event_id === actionId)!;
  await expect(page.getByTestId('raw-source')).toHaveText(`${ev.source}:${ev.line}`);
  const raw = (await page.getByTestId('raw-record').locator('pre').textContent()) ?? '';
  expect(raw).toBe(truth.raw.get(actionId));
  const fileText = readFileSync(SAMPLE_FILES.find((f) => path.basename(f) === ev.source)!, 'utf8');
  if (ev.pointer) expect(JSON.parse(raw)).toEqual(atPointer(JSON.parse(fileText), ev.pointer));
  else expect(raw).toBe(fileText.split('\n')[ev.line - 1]);

  await page.screenshot({ path: 'test-results/screenshots/main-view.png' });
  await info.attach('main-view', { path: 'test-results/screenshots/main-view.png', contentType: 'image/png' });
  const engineMs = await page.locator('html').getAttribute('data-engine-ms');
  console.log(`chromium: engine open ${engineMs} ms, sample import + analysis ${importMs} ms, ${truth.events} events, ${rendered} rows rendered`);

  expect(foreignRequests(requests)).toEqual([]);
});
