// Pictures of the main views for a person to look at (test-results/screenshots/), in light and dark, at a
// laptop's 1280×800 and at a 4K screen's 3840×2160 (device scale 2: 1920×1080 CSS pixels). Each view is
// checked to be on screen and drawn in the theme asked for before it is photographed.
import { expect, test, type Page } from '@playwright/test';
import { SAMPLE_FILES, sampleTruth } from './sampleTruth';
import { openApp, waitForImport } from './appPage';

const VIEWS = ['divergence-panel', 'timeline', 'causal-graph', 'inspector', 'sources-panel'] as const;

async function loadAndSelect(page: Page) {
  const truth = await sampleTruth();
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles(SAMPLE_FILES);
  await waitForImport(page, truth.events);
  // The stale-context divergence selected, so the inspector shows its action and raw record.
  await page.locator('[data-testid="divergence"][data-kind="stale_context"]').first().click();
  await expect(page.getByTestId('raw-record')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__driftlineCy?.nodes(':selected').length ?? 0)).toBeGreaterThan(0);
}

const panelBg = (page: Page, id: string) => page.getByTestId(id).evaluate((el) => getComputedStyle(el).backgroundColor);

for (const scheme of ['light', 'dark'] as const) {
  test(`main views at 1280×800, ${scheme}`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    await loadAndSelect(page);
    const backgrounds = new Set<string>();
    for (const id of VIEWS) {
      const view = page.getByTestId(id);
      const box = (await view.boundingBox())!;
      // On screen, whole, and big enough to read.
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(1280 + 1);
      expect(box.width).toBeGreaterThan(200);
      expect(box.height).toBeGreaterThan(120);
      backgrounds.add(await panelBg(page, id));
      await view.screenshot({ path: `test-results/screenshots/${id}-${scheme}.png` });
    }
    // Dark panels are dark and light ones light (sum of RGB), whatever the exact colours.
    for (const bg of backgrounds) {
      const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number);
      if (scheme === 'dark') expect(r + g + b).toBeLessThan(3 * 96);
      else expect(r + g + b).toBeGreaterThan(3 * 160);
    }
    await page.screenshot({ path: `test-results/screenshots/main-view-${scheme}.png` });
  });
}

test('main view on a 4K screen: the panels share the width and the text is not tiny', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await loadAndSelect(page);
  const widths = await Promise.all(VIEWS.map(async (id) => (await page.getByTestId(id).boundingBox())!.width));
  // The timeline and the graph take the middle, wider than at 1280; side panels keep a readable width.
  expect(Math.min(...widths)).toBeGreaterThan(280);
  const fontPx = await page.getByTestId('divergence-panel').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontPx).toBeGreaterThanOrEqual(12);
  await page.screenshot({ path: 'test-results/screenshots/main-view-4k.png' });
  await context.close();
});
