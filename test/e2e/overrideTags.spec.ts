// The investigator overrides the classification (with a rationale), tags a note, adds a manual event that the
// graph then shows, and exports: the Markdown says who overrode what and why, lists the tags; the graph PNG
// is a real image.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SAMPLE_FILES, sampleTruth } from './sampleTruth';
import { openApp, waitForImport } from './appPage';

const AUTHOR = 'erin@example.com';
const RATIONALE = 'the agent was never given the campaign calendar, so the context was missing, not stale';

test('override the classification, tag a note, add a manual event, export Markdown and a PNG of the graph', async ({ page }) => {
  test.setTimeout(240_000);
  const truth = await sampleTruth();
  const analysisClass = [...truth.analysis.classification].sort((a, b) => b.confidence - a.confidence)[0].class;
  expect(analysisClass).not.toBe('missing_context');
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles(SAMPLE_FILES);
  await waitForImport(page, truth.events);
  const card = page.getByTestId('divergence').first();
  await card.getByTestId('author-input').fill(AUTHOR);
  await card.getByTestId('author-input').press('Enter');

  // Override: a rationale is required, then the panel leads with the override and keeps the analysis' view.
  const cls = page.getByTestId('classification');
  await expect(cls).toHaveAttribute('data-class', analysisClass);
  await page.getByTestId('classification-override').click();
  await page.getByTestId('classification-select').selectOption('missing_context');
  await page.getByTestId('classification-save').click();
  await expect(page.getByTestId('classification-form').getByRole('alert')).toContainText('rationale');
  await page.getByTestId('classification-rationale').fill(RATIONALE);
  await page.getByTestId('classification-save').click();
  await expect(cls).toHaveAttribute('data-overridden', 'true');
  await expect(cls).toContainText(`missing context — overridden by ${AUTHOR}: ${RATIONALE}`);
  await expect(page.getByTestId('classification-original')).toContainText(`The analysis said: ${analysisClass.replace(/_/g, ' ')} (confidence`);

  // Tags on the divergence's note: added, normalised, one removed again; each change is a version.
  const box = card.getByTestId('note-box');
  await box.getByTestId('tag-input').fill('Human Change');
  await box.getByTestId('tag-input').press('Enter');
  await expect(box.getByTestId('tag')).toHaveText(['human-change ×']);
  await box.getByTestId('tag-input').fill('campaign, wrong tag');
  await box.getByTestId('tag-input').press('Enter');
  await expect(box.getByTestId('tag')).toHaveCount(3);
  await box.getByRole('button', { name: 'Remove tag wrong-tag' }).click();
  await expect(box.getByTestId('tag')).toHaveText(['human-change ×', 'campaign ×']);
  await box.getByTestId('note-input').fill('Alice doubled the deployment for the campaign.');
  await box.getByTestId('note-input').press('Enter');
  await box.getByTestId('history').locator('summary').click();
  await expect(box.getByTestId('history-entry')).toHaveCount(4);
  await expect(box.getByTestId('note-text')).toContainText('Alice doubled');

  // A manual event joins the graph: the analysis runs again and the graph re-reads its events.
  const graph = page.getByTestId('cy');
  const nodesBefore = Number(await graph.getAttribute('data-node-count'));
  const inspector = page.getByTestId('inspector');
  await card.getByTestId('divergence-select').click();
  await inspector.getByTestId('manual-time').fill('10:21');
  await inspector.getByTestId('manual-message').fill('incident commander paused all agents');
  await inspector.getByTestId('manual-add').click();
  await waitForImport(page, truth.events + 1);
  await expect(graph).toHaveAttribute('data-node-count', String(nodesBefore + 1));
  // In Cytoscape with a label (the whole text in its title: the label is cut to the graph's label width).
  expect(await page.evaluate(() => window.__driftlineCy?.nodes().filter((n) => String(n.data('title') ?? n.data('label')).includes('paused all agents')).length)).toBe(1);

  // Markdown: the override in words next to the analysis' classification; the tags with the note.
  const exporting = page.waitForEvent('download');
  await page.getByTestId('export').click();
  await page.getByTestId('export-format').selectOption('md');
  await page.getByTestId('export-profile').selectOption('none');
  await page.getByTestId('export-run').click();
  const md = readFileSync(await (await exporting).path(), 'utf8');
  expect(md).toContain(`**missing\\_context**, overridden by ${AUTHOR}: ${RATIONALE}`);
  expect(md).toContain(`The analysis said: ${analysisClass.replace(/_/g, ' ')} (confidence`);
  expect(md).toContain('Alice doubled the deployment for the campaign. [human-change, campaign]');
  expect(md).toContain('incident commander paused all agents');

  // PNG: a real PNG whose size follows the SVG at 2x.
  const pngDownload = page.waitForEvent('download');
  await page.getByTestId('export-format').selectOption('png');
  await page.getByTestId('export-run').click();
  const png = await pngDownload;
  expect(png.suggestedFilename()).toBe('driftline-graph.png');
  const bytes = readFileSync(await png.path());
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect(width).toBeGreaterThan(400);
  expect(height).toBeGreaterThan(100);
  await expect(page.getByTestId('export-status')).toContainText('Saved');
});
