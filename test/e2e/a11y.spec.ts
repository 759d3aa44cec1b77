// Accessibility: axe-core on the empty state and on the main view with the sample loaded, in both themes.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openApp, waitForImport } from './appPage';
import { sampleTruth } from './sampleTruth';

const summary = (violations: { id: string; help: string; nodes: { target: unknown }[] }[]) =>
  violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);

test('no axe violations on the empty state and the loaded investigation, light and dark', async ({ page }) => {
  test.setTimeout(240_000);
  const truth = await sampleTruth();
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page);
  expect(summary((await new AxeBuilder({ page }).analyze()).violations)).toEqual([]);

  await page.getByTestId('open-sample').click();
  await waitForImport(page, truth.events);
  await page.locator('[data-testid="divergence"]').first().click();
  expect(summary((await new AxeBuilder({ page }).analyze()).violations)).toEqual([]);

  await page.emulateMedia({ colorScheme: 'dark' });
  expect(summary((await new AxeBuilder({ page }).analyze()).violations)).toEqual([]);
});

test('every control is reachable by keyboard: Tab reaches the main actions and a divergence opens with Enter', async ({ page }) => {
  const truth = await sampleTruth();
  await openApp(page);
  await page.getByTestId('open-sample').click();
  await waitForImport(page, truth.events);
  // Start from the top of the page, as a person who just arrived would.
  await page.locator('.toolbar h1').click();
  const wanted = ['open-evidence', 'theme-toggle', 'help', 'divergence-select', 'search'];
  const reached = new Set<string>();
  for (let i = 0; i < 80 && !wanted.every((w) => reached.has(w)); i++) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? ''));
  }
  expect([...reached]).toEqual(expect.arrayContaining(wanted));
  await page.locator('[data-testid="divergence-select"]').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="divergence"][aria-current="true"]')).toHaveCount(1);
  await expect(page.getByTestId('inspector').locator('[data-event-id]')).not.toHaveAttribute('data-event-id', '');
});
