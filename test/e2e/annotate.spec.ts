// Annotating the sample in the window, then Save → reopen: the divergence note (with its history), a
// confirmed causal link and a manual event all come back with their author.
import { expect, test } from '@playwright/test';
import { SAMPLE_FILES, sampleTruth } from './sampleTruth';
import { openApp, waitForImport } from './appPage';

const AUTHOR = 'carol@example.com';
const NOTE_1 = 'Alice scaled up for the campaign; the agent never re-read the deployment.';
const NOTE_2 = 'Alice scaled up at 10:03 for the campaign; the agent acted on its 10:00 read. <img src=x onerror=alert(1)>';
const MANUAL = 'on-call decided to stop the agent';

test('annotate the sample, save, reopen: notes, link verdicts and manual events survive with author and history', async ({ page }, info) => {
  test.setTimeout(240_000);
  const truth = await sampleTruth();
  const stale = truth.analysis.divergences.find((d) => d.kind === 'stale_context' && d.resource === 'k8s:prod/deployment/payments')!;
  expect(stale, 'the Node analysis finds the stale context').toBeDefined();
  const nodes = new Map(truth.analysis.chain.nodes.map((n) => [n.id, n]));
  const edge = truth.analysis.chain.edges.find((e) => nodes.get(e.from)?.event_id === stale.action.event_id || nodes.get(e.to)?.event_id === stale.action.event_id);
  expect(edge, 'the chain has a link through the stale action').toBeDefined();
  const link = `${edge!.from}->${edge!.to}`;
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });

  await openApp(page);
  await page.getByTestId('file-input').setInputFiles(SAMPLE_FILES);
  await waitForImport(page, truth.events);

  // Asked once: the first annotation box asks for a name, then every box shows it.
  const box = page.locator(`[data-testid="note-box"][data-target="divergence:${stale.id}"]`);
  const card = page.getByTestId('divergence').filter({ has: box });
  await card.getByTestId('author-input').fill(AUTHOR);
  await card.getByTestId('author-input').press('Enter');
  await expect(card.getByTestId('author-name')).toHaveText(AUTHOR);

  // Written on blur (no button), then a second version on Enter.
  await box.getByTestId('note-input').fill(NOTE_1);
  await box.getByTestId('note-input').blur();
  await expect(box.getByTestId('note-text')).toContainText(NOTE_1);
  await box.getByTestId('note-input').fill(NOTE_2);
  await box.getByTestId('note-input').press('Enter');
  await expect(box.getByTestId('note-text')).toContainText(NOTE_2);

  // Confirm the link through the action, from the Inspector.
  await card.getByTestId('divergence-select').click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.locator('[data-event-id]').first()).toHaveAttribute('data-event-id', String(stale.action.event_id));
  const row = inspector.locator(`[data-testid="link"][data-link-id="${link}"]`);
  await row.getByTestId('link-reason-input').fill('audit shows the scale by the agent after the stale read');
  await row.getByTestId('link-confirm').click();
  await expect(row).toHaveAttribute('data-status', 'confirmed');

  // A manual event at 10:21 joins the timeline, marked manual.
  await inspector.getByTestId('manual-time').fill('10:21');
  await inspector.getByTestId('manual-message').fill(MANUAL);
  await inspector.getByTestId('manual-add').click();
  await waitForImport(page, truth.events + 1);
  await expect(inspector.getByTestId('event-fields')).toContainText(MANUAL);
  await expect(inspector.getByTestId('event-fields')).toContainText('manual');
  await expect(inspector.getByTestId('event-fields')).toContainText('2026-11-27T10:21:00');

  const saving = page.waitForEvent('download');
  await page.getByTestId('save').click();
  const file = info.outputPath('annotated.driftline');
  await (await saving).saveAs(file);

  await page.reload();
  await expect(page.locator('html[data-engine-ms]')).toHaveCount(1, { timeout: 60_000 });
  const choosing = page.waitForEvent('filechooser');
  await page.getByTestId('open-investigation').click();
  await (await choosing).setFiles(file);
  await waitForImport(page, truth.events + 1);

  // The note: latest text, author, and both versions in its history; shown as text, never as markup.
  await expect(box.getByTestId('note-text')).toContainText(NOTE_2);
  await expect(box.getByTestId('note-text')).toContainText(AUTHOR);
  await expect(box.getByTestId('note-input')).toHaveValue(NOTE_2);
  await box.getByTestId('history').locator('summary').click();
  await expect(box.getByTestId('history-entry')).toHaveCount(2);
  await expect(box.getByTestId('history-entry').nth(1)).toContainText(NOTE_1);
  await expect(box.getByTestId('history-author').first()).toHaveText(AUTHOR);
  expect(await box.locator('img').count()).toBe(0);
  // The author was asked once: the reopened window still knows it.
  await expect(card.getByTestId('author-name')).toHaveText(AUTHOR);

  await card.getByTestId('divergence-select').click();
  await expect(row).toHaveAttribute('data-status', 'confirmed');
  await expect(row.getByTestId('link-reason')).toContainText('audit shows the scale');
  await expect(row).toContainText(AUTHOR);

  // A graph edge selects the event it leads to, so its links can be judged from the graph too.
  const tapped = await page.evaluate(() => {
    const edge = window.__driftlineCy?.edges().filter((e) => typeof e.target().data('eventId') === 'number')[0];
    edge?.emit('tap');
    return (edge?.target().data('eventId') as number | undefined) ?? null;
  });
  expect(tapped, 'the graph has an edge to an event').not.toBeNull();
  await expect(inspector.locator('[data-event-id]').first()).toHaveAttribute('data-event-id', String(tapped));

  // The manual event is back in the table, marked manual.
  await page.getByTestId('search').fill(MANUAL);
  const manualRow = page.getByTestId('timeline-row').filter({ hasText: MANUAL });
  await expect(manualRow).toHaveCount(1);
  await expect(manualRow).toContainText('manual');
  await manualRow.click();
  await expect(inspector.getByTestId('event-fields')).toContainText(AUTHOR);

  // Presenting the reopened case: only the confirmed step, its verdict in the speaker notes.
  await page.getByTestId('present').click();
  const deck = page.getByTestId('presentation');
  await expect(deck.getByTestId('slide')).toHaveAttribute('data-kind', 'title');
  await page.keyboard.press('ArrowRight');
  await expect(deck.getByTestId('slide')).toHaveAttribute('data-kind', 'step');
  await page.keyboard.press('n');
  await expect(deck.getByTestId('speaker-notes')).toContainText('Link confirmed: audit shows the scale');
  await page.keyboard.press('ArrowRight');
  await expect(deck.getByTestId('slide')).toHaveAttribute('data-kind', 'closing');
  await page.keyboard.press('Escape');
  await expect(deck).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
