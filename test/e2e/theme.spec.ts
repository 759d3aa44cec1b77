// The theme follows the OS and can be switched; the switch changes what is painted, not just an attribute.
import { expect, test } from '@playwright/test';
import { openApp } from './appPage';

const bodyBg = (page: import('@playwright/test').Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('follows prefers-color-scheme and the toggle cycles dark → light → system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page);
  const systemLight = await bodyBg(page);
  const toggle = page.getByTestId('theme-toggle');

  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await bodyBg(page);
  expect(dark).not.toBe(systemLight);

  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await bodyBg(page)).toBe(systemLight);

  await toggle.click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await bodyBg(page)).toBe(dark);

  // The choice survives a reload.
  await toggle.click();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
