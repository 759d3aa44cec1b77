// Page helpers shared by the specs: wait for the engine, wait for an import, record every request.
import { expect, type Page, type Request } from '@playwright/test';

/** Every request the page makes, so a test can prove nothing left the machine. */
export function recordRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => seen.push(r));
  return seen;
}

export function foreignRequests(requests: Request[]): string[] {
  return requests
    .map((r) => r.url())
    .filter((u) => {
      if (u.startsWith('data:') || u.startsWith('blob:')) return false;
      return new URL(u).hostname !== '127.0.0.1';
    });
}

export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  // The engine marks the document once duckdb-wasm is open.
  await expect(page.locator('html[data-engine-ms]')).toHaveCount(1, { timeout: 60_000 });
}

export async function waitForImport(page: Page, expectedEvents: number): Promise<void> {
  await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', String(expectedEvents), { timeout: 60_000 });
  await expect(page.getByTestId('import-progress')).toHaveCount(0, { timeout: 60_000 });
}
