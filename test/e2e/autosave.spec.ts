// Autosave from the window. In a browser (no silent writes) a change lands in an IndexedDB recovery copy
// within 2 s, and a fresh window offers to restore it. With a file (Electron after Save; the host bridge is
// faked here because no Electron binary runs in CI) a change rewrites that file within 2 s, one write at a time.
import { expect, test, type Page } from '@playwright/test';
import { SAMPLE_FILES, sampleTruth } from './sampleTruth';
import { openApp, waitForImport } from './appPage';

const AUTHOR = 'dana@example.com';

/** Records, in the page, when the save status changes state, so timing is measured there and not across Playwright's round trips. */
async function watchSaveStates(page: Page) {
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="save-status"]')!;
    const log: { state: string; at: number }[] = [];
    (window as unknown as { __saveLog: typeof log }).__saveLog = log;
    new MutationObserver(() => log.push({ state: el.getAttribute('data-state') ?? '', at: performance.now() })).observe(el, { attributes: true, attributeFilter: ['data-state'] });
  });
}

/** Milliseconds from the first unsaved change to the start of the save that writes it. */
async function changeToSaveStart(page: Page): Promise<number> {
  const log = await page.evaluate(() => (window as unknown as { __saveLog: { state: string; at: number }[] }).__saveLog);
  const dirty = log.find((e) => e.state === 'dirty');
  const saving = log.find((e) => e.state === 'saving' && dirty && e.at >= dirty.at);
  expect(dirty && saving, JSON.stringify(log)).toBeTruthy();
  return saving!.at - dirty!.at;
}

async function noteOnFirstDivergence(page: Page, text: string) {
  const card = page.getByTestId('divergence').first();
  if (await card.getByTestId('author-input').count()) {
    await card.getByTestId('author-input').fill(AUTHOR);
    await card.getByTestId('author-input').press('Enter');
  }
  const input = card.getByTestId('note-input');
  await input.fill(text);
  await input.press('Enter');
  await expect(card.getByTestId('note-text')).toContainText(text);
  return card;
}

test('browser: a note is kept as a recovery copy within 2 s and restored in a fresh window', async ({ page }) => {
  test.setTimeout(180_000);
  const truth = await sampleTruth();
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles(SAMPLE_FILES);
  await waitForImport(page, truth.events);
  const status = page.getByTestId('save-status');
  // Importing evidence is not unsaved work: the files are still where they were.
  await expect(status).toHaveAttribute('data-state', 'clean');

  const note = 'Autosaved before the tab was closed.';
  await watchSaveStates(page);
  await noteOnFirstDivergence(page, note);
  await expect(status).toHaveAttribute('data-state', 'saved', { timeout: 30_000 });
  // The copy starts being written within 2 s of the note (how long writing takes depends on the machine).
  expect(await changeToSaveStart(page)).toBeLessThan(2_000);
  await expect(status).toHaveText(/^Recovery copy · \d{2}:\d{2}:\d{2}$/);
  await expect(status).toHaveAttribute('data-target', 'recovery');

  await page.reload();
  await expect(page.locator('html[data-engine-ms]')).toHaveCount(1, { timeout: 60_000 });
  const offer = page.getByTestId('restore-offer');
  await expect(offer).toContainText(`${truth.events} events`);
  await offer.getByTestId('restore-recovery').click();
  await waitForImport(page, truth.events);
  await expect(page.getByTestId('divergence').first().getByTestId('note-text')).toContainText(note);
  await expect(page.getByTestId('restore-offer')).toHaveCount(0);

  // Discard removes it: the next fresh window offers nothing.
  await page.reload();
  await expect(page.locator('html[data-engine-ms]')).toHaveCount(1, { timeout: 60_000 });
  await page.getByTestId('discard-recovery').click();
  // The offer goes once the copies are deleted; a reload before that would cut the deletion short.
  await expect(page.getByTestId('restore-offer')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('html[data-engine-ms]')).toHaveCount(1, { timeout: 60_000 });
  await page.waitForTimeout(500);
  await expect(page.getByTestId('restore-offer')).toHaveCount(0);
});

/** A stand-in for Electron's preload bridge: records every write; each write takes 700 ms. */
function fakeElectronBridge() {
  const log: { method: string; path: string; size: number; start: number; end: number }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let failWrites = false;
  const slowWrite = async (method: string, path: string, data: Uint8Array) => {
    const start = Date.now();
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 700));
    inFlight--;
    if (failWrites) throw new Error('EACCES: permission denied');
    log.push({ method, path, size: data.length, start, end: Date.now() });
  };
  const w = window as unknown as Record<string, unknown>;
  w.__writes = log;
  w.__maxInFlight = () => maxInFlight;
  w.__failWrites = (on: boolean) => { failWrites = on; };
  w.driftline = {
    files: { pickEvidence: async () => [], readChunk: async () => new Uint8Array() },
    documents: {
      saveAs: async (_name: string, data: Uint8Array) => { await slowWrite('saveAs', '/cases/payments.driftline', data); return '/cases/payments.driftline'; },
      writeTo: (path: string, data: Uint8Array) => slowWrite('writeTo', path, data),
      open: async () => null,
    },
    // The preload's recent list (main process): empty here.
    recent: { list: async () => [], open: async () => { throw new Error('no recent entries'); }, remove: async () => undefined, locate: async () => null },
    app: { kind: 'electron', version: async () => 'test', onMenuCommand: () => () => undefined, onOpenRecent: () => () => undefined, onBeforeClose: () => () => undefined },
  };
}

test('with a file: each change rewrites it within 2 s, never two writes at once, failures in words', async ({ page }) => {
  test.setTimeout(180_000);
  const truth = await sampleTruth();
  await page.addInitScript(fakeElectronBridge);
  await openApp(page);
  await page.getByTestId('open-sample').click();
  await waitForImport(page, truth.events);
  const status = page.getByTestId('save-status');
  const writes = () => page.evaluate(() => (window as unknown as { __writes: { method: string; path: string; start: number }[] }).__writes);

  await page.getByTestId('save').click();
  await expect(status).toHaveText(/^Saved · \d{2}:\d{2}:\d{2}$/);
  await expect(status).toHaveAttribute('data-target', 'file');
  expect((await writes()).map((w) => w.method)).toEqual(['saveAs']);

  // A burst of changes: written within 2 s of the first, and the ones during a write by the next write.
  await watchSaveStates(page);
  const card = await noteOnFirstDivergence(page, 'first');
  for (const text of ['second', 'third', 'fourth']) {
    await card.getByTestId('note-input').fill(text);
    await card.getByTestId('note-input').press('Enter');
    await expect(card.getByTestId('note-text')).toContainText(text);
  }
  await expect(status).toHaveAttribute('data-state', 'saved', { timeout: 30_000 });
  const auto = (await writes()).filter((w) => w.method === 'writeTo');
  expect(auto.length).toBeGreaterThanOrEqual(1);
  expect(auto.every((w) => w.path === '/cases/payments.driftline')).toBe(true);
  expect(await changeToSaveStart(page)).toBeLessThan(2_000);
  expect(await page.evaluate(() => (window as unknown as { __maxInFlight: () => number }).__maxInFlight())).toBe(1);
  // (That a burst is written once is the scheduler's unit test; Playwright's steps are slower than its idle wait.)

  // A failing write says what happened and what to do, and the next change tries again.
  await page.evaluate(() => (window as unknown as { __failWrites: (on: boolean) => void }).__failWrites(true));
  await card.getByTestId('note-input').fill('fifth');
  await card.getByTestId('note-input').press('Enter');
  await expect(status).toHaveAttribute('data-state', 'error', { timeout: 30_000 });
  await expect(status).toContainText('permission denied');
  await expect(status).toContainText('Save as…');
  await page.evaluate(() => (window as unknown as { __failWrites: (on: boolean) => void }).__failWrites(false));
  await card.getByTestId('note-input').fill('sixth');
  await card.getByTestId('note-input').press('Enter');
  await expect(status).toHaveText(/^Saved · /, { timeout: 30_000 });

  // A corrected clock offset is a change too: it re-runs the analysis, and the file is rewritten.
  const before = (await writes()).length;
  await page.getByTestId('sources-panel').getByTestId('source-row').filter({ hasText: 'k8s-audit.jsonl' }).getByTestId('source-offset').click();
  await page.getByTestId('clock-editor').getByLabel('Clock offset of k8s-audit.jsonl').fill('+2.5s');
  await page.getByTestId('clock-editor').getByRole('button', { name: 'Apply offset' }).click();
  await expect.poll(async () => (await writes()).length, { timeout: 30_000 }).toBeGreaterThan(before);
  await expect(status).toHaveText(/^Saved · /, { timeout: 30_000 });
});
