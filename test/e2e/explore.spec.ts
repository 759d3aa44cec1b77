// Working an investigation: search, SQL console, expanding a cluster in the graph, the help overlay.
import { expect, test, type Page } from '@playwright/test';
import { SEARCH_PHRASE, SAMPLE_FILES, importSampleInNode, sampleTruth } from './sampleTruth';
import { openApp, waitForImport } from './appPage';

async function loadSample(page: Page) {
  const truth = await sampleTruth();
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles(SAMPLE_FILES);
  await waitForImport(page, truth.events);
  return truth;
}

test('search narrows the table to matching events and Clear restores it', async ({ page }) => {
  const truth = await loadSample(page);
  expect(truth.phraseEvents).toBeGreaterThan(0);
  await page.getByTestId('search').fill(SEARCH_PHRASE);
  await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', String(truth.phraseEvents));
  const messages = await page.getByTestId('timeline-row').locator('span:last-child').allTextContents();
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) expect(m.toLowerCase()).toContain(SEARCH_PHRASE.toLowerCase());

  await page.getByTestId('filter-kind').selectOption('tool_call');
  await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', '0');
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', String(truth.events));
});

test('field filters by service and by resource narrow the table to the events the Node import counts', async ({ page }) => {
  const truth = await loadSample(page);
  const db = await importSampleInNode();
  const count = async (where: string) => Number((await db.query<{ n: bigint }>('truth.filter', `SELECT count(*) AS n FROM events WHERE ${where}`))[0].n);
  const resource = 'k8s:prod/deployment/payments';
  const byResource = await count(`resource = '${resource}'`);
  const byService = await count(`service = 'checkout'`);
  await db.close();
  expect(byResource).toBeGreaterThan(0);

  await page.getByTestId('filter-resource').selectOption(resource);
  await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', String(byResource));
  // The resource column (the fifth) holds the resource in full in its title.
  const shown = await page.getByTestId('timeline-row').locator('span:nth-child(5)').evaluateAll((cells) => cells.map((c) => c.getAttribute('title')));
  expect(shown.length).toBeGreaterThan(0);
  for (const r of shown) expect(r).toBe(resource);
  await page.getByTestId('filter-resource').selectOption('');
  await page.getByTestId('filter-service').selectOption('checkout');
  await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', String(byService));
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', String(truth.events));
  await expect(page.getByTestId('filter-service')).toHaveValue('');
});

test('SQL console runs a query over the events table', async ({ page }) => {
  const truth = await loadSample(page);
  await page.getByTestId('toggle-sql').click();
  const consoleBox = page.getByTestId('sql-console');
  await expect(consoleBox).toBeVisible();
  await consoleBox.getByTestId('sql-input').fill("SELECT count(*) AS n FROM events WHERE kind = 'tool_call'");
  await consoleBox.getByTestId('sql-run').click();
  await expect(consoleBox.getByTestId('sql-results').locator('tbody td')).toHaveText(String(truth.kinds.tool_call));

  await consoleBox.getByTestId('sql-input').fill('SELECT nope FROM nowhere');
  await consoleBox.getByTestId('sql-run').click();
  await expect(consoleBox.getByRole('alert')).toContainText(/nowhere/i);
});

test('clicking a cluster of repeated events expands it into its members', async ({ page }) => {
  await loadSample(page);
  await expect.poll(() => page.evaluate(() => window.__driftlineCy?.nodes('.cluster').length ?? 0)).toBeGreaterThan(0);
  // Every node the graph shows, in Cytoscape or among the routine dots beside it.
  const nodeCount = () => page.getByTestId('cy').getAttribute('data-node-count').then(Number);
  const before = await nodeCount();
  const target = await page.evaluate(() => {
    const cy = window.__driftlineCy!;
    const node = cy.nodes('.cluster').max((n) => n.data('count') as number).ele;
    cy.center(node);
    const p = node.renderedPosition();
    return { x: p.x, y: p.y, count: node.data('count') as number, label: node.data('label') as string };
  });
  expect(target.label).toContain(`×${target.count}`);
  const box = (await page.getByTestId('cy').boundingBox())!;
  await page.mouse.click(box.x + target.x, box.y + target.y);
  await expect.poll(nodeCount).toBe(before - 1 + target.count);
  // The cluster's first member is now selected everywhere, the inspector included.
  await expect(page.getByTestId('inspector').locator('[data-event-id]')).not.toHaveAttribute('data-event-id', '');
});

test('a routine event drawn as a dot beside Cytoscape answers hover and click like a node', async ({ page }) => {
  await loadSample(page);
  await expect.poll(() => page.evaluate(() => window.__driftlineDots?.count ?? 0)).toBeGreaterThan(0);
  const dotCount = Number(await page.getByTestId('cy').getAttribute('data-dot-count'));
  expect(dotCount).toBe(await page.evaluate(() => window.__driftlineDots!.count));
  // A dot well clear of Cytoscape's nodes and of other dots, brought to the middle of the view at zoom 1.
  const target = await page.evaluate(() => {
    const cy = window.__driftlineCy!;
    const dots = window.__driftlineDots!.all;
    const far = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y) > 30;
    const taken = cy.nodes().map((n) => n.position());
    // A plain one: lone errors join Cytoscape themselves when zoomed in (see the next test).
    const clear = dots.find((d) => !d.classes.includes('sev-error') && taken.every((p) => far(p, d.position)) && dots.every((o) => o === d || far(o.position, d.position)))!;
    cy.viewport({ zoom: 1, pan: { x: cy.width() / 2 - clear.position.x, y: cy.height() / 2 - clear.position.y } });
    return { eventId: clear.data.eventId!, label: clear.data.label, x: cy.width() / 2, y: cy.height() / 2 };
  });
  const box = (await page.getByTestId('cy').boundingBox())!;
  // The dot is drawn there: its colour, not the background's, is under the pointer.
  await page.waitForFunction(({ x, y }) => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="cy"] > canvas')!;
    const dpr = window.devicePixelRatio || 1;
    return canvas.getContext('2d')!.getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data[3] > 0;
  }, target);
  await page.mouse.move(box.x + target.x + 2, box.y + target.y);
  await expect(page.getByTestId('cy')).toHaveAttribute('title', target.label);
  await page.mouse.click(box.x + target.x + 2, box.y + target.y);
  await expect(page.getByTestId('inspector').locator('[data-event-id]')).toHaveAttribute('data-event-id', String(target.eventId));
  // Selected, the dot stands in Cytoscape (labelled, outlined like any selected node) and leaves the canvas.
  await expect.poll(() => page.evaluate(() => window.__driftlineCy!.nodes(':selected.promoted').map((n) => n.data('eventId') as number))).toEqual([target.eventId]);
  // Selecting another event hands the dot back to the canvas.
  await page.locator(`[data-testid="timeline-row"]:not([data-event-id="${target.eventId}"])`).first().click();
  await expect.poll(() => page.evaluate((id) => window.__driftlineCy!.nodes('.promoted').some((n) => n.data('eventId') === id), target.eventId)).toBe(false);
});

test('lone errors are dots until zoomed in far enough to read them, then labelled nodes in Cytoscape', async ({ page }) => {
  await openApp(page);
  const t0 = Date.UTC(2026, 10, 27, 10, 0, 0);
  // Distinct messages (letters, not numbers, which grouping treats as the same message), so nothing clusters.
  const word = (i: number) => String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26));
  const lines = Array.from({ length: 40 }, (_, i) =>
    JSON.stringify({ ts: new Date(t0 + i * 60_000).toISOString(), level: 'error', service: `svc-${i % 3}`, msg: `write to ledger ${word(i)} failed after retries: timeout` }),
  );
  await page.getByTestId('file-input').setInputFiles({ name: 'lone-errors.jsonl', mimeType: 'application/json', buffer: Buffer.from(lines.join('\n') + '\n') });
  await expect(page.getByTestId('cy')).toHaveAttribute('data-dot-count', '40', { timeout: 60_000 });
  const detailNodes = () => page.evaluate(() => window.__driftlineCy!.nodes('.detail').map((n) => n.data('eventId') as number));

  // Zoomed out, labels would be too small to draw: every error is a dot.
  // (Braces: Cytoscape's setters return the instance, which page.evaluate would try to serialise.)
  await page.evaluate(() => {
    window.__driftlineCy!.zoom(0.2);
  });
  await expect.poll(detailNodes).toEqual([]);

  // Zoomed in on one error: it and its neighbours join Cytoscape with their labels, and only errors do.
  const target = await page.evaluate(() => {
    const cy = window.__driftlineCy!;
    const error = window.__driftlineDots!.all.find((d) => d.classes.includes('sev-error'))!;
    cy.viewport({ zoom: 1.5, pan: { x: cy.width() / 2 - 1.5 * error.position.x, y: cy.height() / 2 - 1.5 * error.position.y } });
    return error.data.eventId!;
  });
  await expect.poll(detailNodes).toContain(target);
  const shown = await page.evaluate(() => window.__driftlineCy!.nodes('.detail').map((n) => ({ severity: n.data('severity') as string, label: n.data('label') as string, title: n.data('title') as string | undefined })));
  expect(shown.every((n) => n.severity === 'error')).toBe(true);
  // Cut to the label width, the whole message kept for the tooltip.
  expect(shown[0].label.endsWith('…')).toBe(true);
  expect(shown[0].title).toMatch(/^write to ledger \w+ failed after retries: timeout$/);

  // Selected, one stays when zoomed out again; the rest go back to the canvas.
  await page.evaluate((id) => {
    window.__driftlineCy!.nodes('.detail').filter((n) => n.data('eventId') === id).emit('tap');
  }, target);
  await expect(page.getByTestId('inspector').locator('[data-event-id]')).toHaveAttribute('data-event-id', String(target));
  await page.evaluate(() => {
    window.__driftlineCy!.zoom(0.2);
  });
  await expect.poll(detailNodes).toEqual([target]);
});

test('the swimlanes can stand for services or resources instead of actors', async ({ page }) => {
  await loadSample(page);
  const lanes = page.getByTestId('swimlanes');
  const names = () => lanes.locator('.lane-name').allTextContents();
  await expect.poll(names).toContain('ops-agent');
  const byActor = await names();
  await page.getByTestId('lane-by').selectOption('resource');
  await expect(lanes).toHaveAttribute('data-lane-by', 'resource');
  await expect.poll(names).toContain('k8s:prod/deployment/payments');
  expect(await names()).not.toContain('ops-agent');
  expect(page.url()).toContain('g=resource');
  // By service, an event that names none (an API call by a person) stays in its actor's lane.
  await page.getByTestId('lane-by').selectOption('service');
  await expect(lanes).toHaveAttribute('aria-label', /^Activity of \d+ services from/);
  await expect.poll(names).toContain('payments');
  await page.getByTestId('lane-by').selectOption('actor');
  await expect.poll(names).toEqual(byActor);
});

test('? opens the shortcut overlay; Escape and Close close it', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('?');
  const help = page.getByTestId('help-overlay');
  await expect(help).toBeVisible();
  await expect(help).toContainText('Open evidence…');
  await expect(help).toContainText('Ctrl+O');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await page.keyboard.press('?');
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toHaveCount(0);
});

test('the selection lives in the URL hash and comes back after a reload with the same evidence', async ({ page }) => {
  const truth = await loadSample(page);
  await page.locator('[data-testid="divergence"][data-kind="stale_context"] [data-testid="divergence-select"]').click();
  const stale = truth.analysis.divergences.find((d) => d.kind === 'stale_context')!;
  await expect.poll(() => new URL(page.url()).hash).toContain(`e=${stale.action.event_id}`);
  await page.reload();
  await expect(page.locator('html[data-engine-ms]')).toHaveCount(1, { timeout: 60_000 });
  await page.getByTestId('file-input').setInputFiles(SAMPLE_FILES);
  await waitForImport(page, truth.events);
  await expect(page.getByTestId('inspector').locator('[data-event-id]')).toHaveAttribute('data-event-id', String(stale.action.event_id));
  await expect(page.locator('[data-testid="divergence"][aria-current="true"]')).toHaveAttribute('data-kind', 'stale_context');
});

test('brushing the swimlanes narrows the table to that time range, and the chip removes it', async ({ page }) => {
  const truth = await loadSample(page);
  const brush = page.getByTestId('brush');
  const box = (await brush.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.4, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, y, { steps: 5 });
  await page.mouse.up();
  const chip = page.getByTestId('time-range');
  await expect(chip).toBeVisible();
  await expect.poll(async () => Number(await page.getByTestId('event-count').getAttribute('data-count'))).toBeLessThan(truth.events);
  // Every row shown lies inside the range printed on the chip (HH:MM:SS.mmm, same day).
  const [from, to] = ((await chip.textContent()) ?? '').replace(' ✕', '').split('–');
  const times = await page.getByTestId('timeline-row').locator('span:first-child').allTextContents();
  expect(times.length).toBeGreaterThan(0);
  for (const t of times) {
    expect(t >= from.slice(0, 8)).toBe(true);
    expect(t.slice(0, 8) <= to.slice(0, 8)).toBe(true);
  }
  await chip.click();
  await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', String(truth.events));
});
