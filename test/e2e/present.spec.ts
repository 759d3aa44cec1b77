// Presentation mode over the sample: P opens it, the arrows walk the slides that shared/export builds
// from the analysis (computed here in Node, not hard-coded), N shows speaker notes, Escape leaves.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { analyze } from '../../shared/analysis/analyze';
import { loadExportInput } from '../../shared/export';
import { buildPresentation, type Slide } from '../../shared/export/presentation';
import { importSampleInNode, SAMPLE_FILES, sampleTruth } from './sampleTruth';
import { openApp, waitForImport } from './appPage';
import { stripWindow } from '../../renderer/components/presentation/stage';
import { toIso } from '../../shared/model/time';

async function expectedSlides(): Promise<Slide[]> {
  const db = await importSampleInNode();
  const input = await loadExportInput(db, await analyze(db), { generatedAt: new Date().toISOString(), timeline: 'cited' });
  await db.close();
  return buildPresentation(input, 'none').slides;
}

test('present the sample: slides from the analysis, arrows move, notes toggle, Escape leaves', async ({ page }) => {
  test.setTimeout(180_000);
  const [truth, slides] = await Promise.all([sampleTruth(), expectedSlides()]);
  expect(slides.length, 'a title, at least one chain step and a closing slide').toBeGreaterThanOrEqual(3);
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles(SAMPLE_FILES);
  await waitForImport(page, truth.events);

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('p');
  const deck = page.getByTestId('presentation');
  await expect(deck).toBeVisible();
  const title = deck.getByTestId('slide').getByTestId('slide-title');
  for (let i = 0; i < slides.length; i++) {
    if (i > 0) await page.keyboard.press('ArrowRight');
    await expect(title).toHaveText(slides[i].title);
    await expect(deck.getByTestId('slide')).toHaveAttribute('data-kind', slides[i].kind);
  }
  // The closing slide carries the classification and the figures.
  expect(slides.at(-1)!.kind).toBe('closing');
  for (const line of slides.at(-1)!.body) await expect(deck.getByTestId('slide')).toContainText(line);
  // Past the end stays on the end; ← goes back.
  await page.keyboard.press('ArrowRight');
  await expect(title).toHaveText(slides.at(-1)!.title);
  await page.keyboard.press('ArrowLeft');
  await expect(title).toHaveText(slides.at(-2)!.title);

  await expect(deck.getByTestId('speaker-notes')).toHaveCount(0);
  const axe = await new AxeBuilder({ page }).include('[data-testid="presentation"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.keyboard.press('n');
  await expect(deck.getByTestId('speaker-notes')).toBeVisible();
  for (const note of slides.at(-2)!.notes) await expect(deck.getByTestId('speaker-notes')).toContainText(note);
  await page.keyboard.press('n');
  await expect(deck.getByTestId('speaker-notes')).toHaveCount(0);

  await page.keyboard.press('Escape');
  await expect(deck).toHaveCount(0);
  // The selection followed the slides: the last step shown is selected in the inspector.
  const lastStep = slides.filter((s) => s.focus?.eventIds.length).at(-1);
  if (lastStep) {
    const ids = lastStep.focus!.eventIds;
    await expect(page.getByTestId('inspector').locator('[data-event-id]').first()).toHaveAttribute('data-event-id', String(ids[ids.length - 1]));
  }
  // The toolbar button opens it too.
  await page.getByTestId('present').click();
  await expect(deck).toBeVisible();
  await expect(title).toHaveText(slides[0].title);
  await deck.getByTestId('present-close').click();
  await expect(deck).toHaveCount(0);
});

test('each step zooms the graph to its nodes and the timeline to the time around it, in sync', async ({ page }) => {
  test.setTimeout(180_000);
  const [truth, slides] = await Promise.all([sampleTruth(), expectedSlides()]);
  const steps = slides.map((s, i) => ({ s, i })).filter(({ s }) => s.kind === 'step' && s.focus && s.focus.eventIds.length);
  expect(steps.length).toBeGreaterThanOrEqual(1);
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles(SAMPLE_FILES);
  await waitForImport(page, truth.events);
  await page.getByTestId('present').click();
  const deck = page.getByTestId('presentation');
  const graph = deck.getByTestId('stage-graph');
  const strip = deck.getByTestId('timeline-strip');
  // Title slide: the whole incident on the strip, no node singled out.
  await expect(graph).toHaveAttribute('data-focus-nodes', '');

  let at = 0;
  for (const { s, i } of steps) {
    while (at < i) {
      await page.keyboard.press('ArrowRight');
      at++;
    }
    await expect(deck.getByTestId('slide-title')).toHaveText(s.title);
    // The timeline window is the step padded by half its span (at least 30 s) on each side.
    const win = stripWindow(s.focus, null)!;
    await expect(strip).toHaveAttribute('data-from', toIso(win.from));
    await expect(strip).toHaveAttribute('data-to', toIso(win.to));
    const marked = await strip.getByTestId('strip-focus').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-event-id'))).sort((a, b) => a - b));
    expect(marked).toEqual([...new Set(s.focus!.eventIds)].sort((a, b) => a - b));
    // The graph: the step's nodes are focused, inside the viewport after the zoom animation, zoomed in further than the overview.
    await expect(graph).not.toHaveAttribute('data-focus-nodes', '');
    if (i === steps[0].i) await page.screenshot({ path: test.info().outputPath('step.png') });
    // Polled rather than read after a fixed pause: on a loaded machine the zoom animation takes longer.
    const view = () => page.evaluate((ids: number[]) => {
      const cy = window.__driftlinePresentCy!;
      const ext = cy.extent();
      const focused = cy.nodes('.present-focus');
      const nodes = focused.nodes();
      const inside = nodes.map((n) => n.position()).every((p) => p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2);
      const covers = ids.every((id) => nodes.some((n) => ((n.data('members') as number[] | undefined) ?? []).includes(id) || n.data('eventId') === id));
      // Zoomed to the step: its nodes span most of the view, unless the zoom is already at its maximum.
      const bb = nodes.renderedBoundingBox({});
      const fills = bb.w >= cy.width() * 0.5 || bb.h >= cy.height() * 0.5 || cy.zoom() >= cy.maxZoom() - 1e-6;
      return { some: nodes.length >= 1, inside, covers, fills };
    }, s.focus!.eventIds);
    await expect.poll(view, { timeout: 15_000 }).toEqual({ some: true, inside: true, covers: true, fills: true });
  }
  // The closing slide goes back to the whole incident.
  await page.keyboard.press('End');
  await expect(graph).toHaveAttribute('data-focus-nodes', '');
});
