// Closing with unsaved work. In a browser, the "Leave site?" question is armed exactly while closing would
// lose work (a change not yet saved to a file) and disarmed once it is saved. Under Electron the main process
// holds the close and asks the page's close guard (tested against a fake Electron in test/main); here the
// page's side of it runs behind a stand-in preload bridge, since no Electron binary runs in CI.
import { expect, test, type Page } from '@playwright/test';
import { SAMPLE_FILES } from './sampleTruth';
import { openApp } from './appPage';

/** What closing the tab would do now: dispatches a cancelable beforeunload and reports whether the app held it. */
const closeWouldAsk = (page: Page) =>
  page.evaluate(() => {
    const e = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  });

async function addNote(page: Page, text: string) {
  const card = page.getByTestId('divergence').first();
  if (await card.getByTestId('author-input').count()) {
    await card.getByTestId('author-input').fill('dana@example.com');
    await card.getByTestId('author-input').press('Enter');
  }
  await card.getByTestId('note-input').fill(text);
  await card.getByTestId('note-input').press('Enter');
  await expect(card.getByTestId('note-text')).toContainText(text);
}

test('the "Leave site?" warning is armed while a change is unsaved and disarmed after Save', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  expect(await closeWouldAsk(page)).toBe(false); // nothing open, nothing to lose

  await page.getByTestId('file-input').setInputFiles(SAMPLE_FILES);
  await expect(page.getByTestId('event-count')).not.toHaveAttribute('data-count', '0', { timeout: 60_000 });
  await expect(page.getByTestId('import-progress')).toHaveCount(0, { timeout: 60_000 });
  const status = page.getByTestId('save-status');
  // Imported evidence alone is not unsaved work: the files are still where they were.
  await expect(status).toHaveAttribute('data-state', 'clean');
  expect(await closeWouldAsk(page)).toBe(false);

  await addNote(page, 'Checked with the on-call engineer.');
  expect(await closeWouldAsk(page)).toBe(true);
  // A recovery copy in the browser is not a file: still armed once autosave has kept it.
  await expect(status).toHaveAttribute('data-state', 'saved', { timeout: 30_000 });
  await expect(status).toHaveAttribute('data-target', 'recovery');
  expect(await closeWouldAsk(page)).toBe(true);

  const download = page.waitForEvent('download');
  await page.getByTestId('save').click();
  await download;
  await expect(status).toHaveText(/^Saved · \d{2}:\d{2}:\d{2}$/);
  expect(await closeWouldAsk(page)).toBe(false);

  // The next change arms it again, and the browser really asks before the tab goes.
  await addNote(page, 'Second thought after saving.');
  expect(await closeWouldAsk(page)).toBe(true);
  const asked: string[] = [];
  page.on('dialog', (d) => {
    asked.push(d.type());
    void d.accept();
  });
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(asked).toEqual(['beforeunload']);
});

/** A stand-in for Electron's preload bridge: keeps the page's close guard, records writes (300 ms each). */
function fakeElectronBridge() {
  const writes: { method: string; path: string; start: number; end: number }[] = [];
  let failWrites = false;
  const slowWrite = async (method: string, path: string) => {
    const start = Date.now();
    await new Promise((r) => setTimeout(r, 300));
    if (failWrites) throw new Error('EACCES: permission denied');
    writes.push({ method, path, start, end: Date.now() });
  };
  const w = window as unknown as Record<string, unknown>;
  w.__writes = writes;
  w.__failWrites = (on: boolean) => void (failWrites = on);
  w.driftline = {
    files: { pickEvidence: async () => [], readChunk: async () => new Uint8Array() },
    documents: {
      saveAs: async () => (await slowWrite('saveAs', '/cases/payments.driftline'), '/cases/payments.driftline'),
      writeTo: (path: string) => slowWrite('writeTo', path),
      open: async () => null,
    },
    // The preload's recent list (main process): empty here.
    recent: { list: async () => [], open: async () => { throw new Error('no recent entries'); }, remove: async () => undefined, locate: async () => null },
    app: {
      kind: 'electron',
      version: async () => 'test',
      onMenuCommand: () => () => undefined,
      onOpenRecent: () => () => undefined,
      onBeforeClose: (guard: unknown) => {
        w.__closeGuard = guard;
        return () => undefined;
      },
    },
  };
}

interface StepResult {
  answer: { kind: string; reason?: string };
  /** Date.now() when the answer came, and the writes made by then. */
  at: number;
  writes: { method: string; start: number; end: number }[];
}

/** Runs what the main process asks for on close ('prepare', or 'save' after "Save…"), in the page. */
const closeStep = (page: Page, step: 'prepare' | 'save') =>
  page.evaluate(async (s): Promise<StepResult> => {
    const w = window as unknown as Record<string, unknown>;
    const guard = w.__closeGuard as Record<string, () => Promise<StepResult['answer']>>;
    const answer = await guard[s]();
    return { answer, at: Date.now(), writes: structuredClone(w.__writes as StepResult['writes']) };
  }, step);

test('electron: closing writes the pending change before answering, and says why when it cannot', async ({ page }) => {
  test.setTimeout(180_000);
  await page.addInitScript(fakeElectronBridge);
  await openApp(page);
  await page.getByTestId('open-sample').click();
  await expect(page.getByTestId('event-count')).not.toHaveAttribute('data-count', '0', { timeout: 60_000 });
  await expect(page.getByTestId('import-progress')).toHaveCount(0, { timeout: 60_000 });
  expect((await closeStep(page, 'prepare')).answer).toEqual({ kind: 'saved' }); // just opened: nothing to lose

  // A note before any Save: no file, so the main process would ask; "Save…" runs Save as… and then it may close.
  await addNote(page, 'Noted before the first save.');
  const noFile = await closeStep(page, 'prepare');
  expect(noFile.answer).toMatchObject({ kind: 'unsaved', reason: expect.stringContaining('not saved to a file yet') });
  const saved = await closeStep(page, 'save');
  expect(saved.answer).toEqual({ kind: 'saved' });
  expect(saved.writes.map((w) => w.method)).toEqual(['saveAs']);

  // With a file: a change made just before closing is written before the answer, not 1.5 s later or never.
  const changedAt = await page.evaluate(() => Date.now());
  await addNote(page, 'Noted a moment before closing.');
  const flushed = await closeStep(page, 'prepare');
  expect(flushed.answer).toEqual({ kind: 'saved' });
  const last = flushed.writes.at(-1)!;
  expect(last.method).toBe('writeTo');
  expect(last.start).toBeGreaterThanOrEqual(changedAt);
  expect(last.end).toBeLessThanOrEqual(flushed.at);

  // A write that fails: the answer says so in words, and closing would ask (Save as… elsewhere).
  await page.evaluate(() => (window as unknown as { __failWrites: (on: boolean) => void }).__failWrites(true));
  await addNote(page, 'Noted while the disk refuses writes.');
  const failed = await closeStep(page, 'prepare');
  expect(failed.answer).toMatchObject({ kind: 'unsaved', reason: expect.stringMatching(/could not write \/cases\/payments\.driftline: EACCES: permission denied/) });
  await page.evaluate(() => (window as unknown as { __failWrites: (on: boolean) => void }).__failWrites(false));
  expect((await closeStep(page, 'save')).answer).toEqual({ kind: 'saved' });
});
