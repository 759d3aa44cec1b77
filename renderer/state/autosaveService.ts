// Autosave for the window: watches for changes (annotations, manual events, anything that re-runs the
// analysis), and writes the investigation through one scheduler, so a manual Save and an autosave never
// overlap. With a file (Electron, after Save or Open) it rewrites that file atomically via the host;
// without one it keeps a recovery copy in IndexedDB and offers it on the next start.
import { createSaveScheduler, type SaveScheduler, type SaveState } from './autosave';
import type { AppServices } from './context';
import { deleteCopy, putCopy } from './recovery';
import { Store } from './store';

export const IDLE_MS = 600;
/** The promise: a change is being written within 2 s. */
export const MAX_WAIT_MS = 1500;
const RETRY_MS = 10_000;

export type SaveTarget = { kind: 'file'; path: string } | { kind: 'recovery' };

export interface SaveStatus {
  state: SaveState;
  target: SaveTarget;
  /** The last save was the person's own (Save, Save as…), not an autosave: in a browser, a download. */
  manual: boolean;
}

export const saveStatusStore = new Store<SaveStatus>({ state: { kind: 'clean' }, target: { kind: 'recovery' }, manual: false });
let manual = false;

let active: { scheduler: SaveScheduler; services: AppServices } | null = null;
/** This window's recovery copy; a restored copy's session is adopted so its later saves replace it. */
let session = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `s${Date.now()}${Math.random()}`;

export const currentSession = () => session;
export const adoptSession = (id: string) => {
  session = id;
};

function targetOf({ store, host }: AppServices): SaveTarget {
  const path = store.get().savedPath;
  return host.app.kind === 'electron' && path ? { kind: 'file', path } : { kind: 'recovery' };
}

/** Bytes of the whole investigation, as Save writes them. */
export async function investigationBytes({ store, engine, host }: AppServices, savedAt: string): Promise<Uint8Array> {
  const s = store.get();
  return engine.save({ appVersion: await host.app.version(), savedAt, createdAt: s.createdAt ?? savedAt, views: [{ hash: location.hash }] });
}

async function autosaveOnce(services: AppServices): Promise<boolean> {
  const s = services.store.get();
  // Mid-import or mid-analysis the tables are half-written: wait for the window to settle.
  if (s.phase !== 'ready' || s.dataVersion === 0) return false;
  const target = targetOf(services);
  const savedAt = new Date().toISOString();
  const bytes = await investigationBytes(services, savedAt);
  if (target.kind === 'file') {
    await services.host.documents.writeTo(target.path, bytes);
  } else {
    const [row] = await services.engine.query<{ events: number | bigint; notes: number | bigint }>(
      'autosave.summary',
      "SELECT (SELECT count(*) FROM events) AS events, (SELECT count(DISTINCT id) FROM annotation_versions) AS notes",
    );
    await putCopy({ session, savedAt, bytes, summary: `${Number(row?.events ?? 0)} events, ${Number(row?.notes ?? 0)} annotations` });
  }
  return true;
}

/** Starts watching the store; returns a function that stops. One per window. */
export function startAutosave(services: AppServices): () => void {
  const scheduler = createSaveScheduler({
    save: () => {
      manual = false;
      return autosaveOnce(services);
    },
    idleMs: IDLE_MS,
    maxWaitMs: MAX_WAIT_MS,
    retryMs: RETRY_MS,
    timers: { now: () => Date.now(), set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
    onState: (state) => saveStatusStore.set({ state, target: targetOf(services), manual }),
  });
  active = { scheduler, services };
  let seen = services.store.get();
  // The first data in an empty window (import or open) is the starting point, not a change.
  let baseline = seen.dataVersion === 0;
  const unsubscribe = services.store.subscribe(() => {
    const now = services.store.get();
    const prev = seen;
    seen = now;
    if (now.savedPath !== prev.savedPath) saveStatusStore.set({ target: targetOf(services) });
    scheduler.setEnabled(now.dataVersion > 0);
    if (now.dataVersion === prev.dataVersion && now.phase === prev.phase) return;
    if (baseline) {
      if (now.phase === 'ready' && now.dataVersion > 0) {
        baseline = false;
        scheduler.markClean();
      }
      return;
    }
    // Re-imports, manual events and clock offsets all re-run the analysis, which bumps dataVersion.
    if (now.dataVersion > prev.dataVersion) scheduler.changed();
  });
  // Hiding the window (switching away, minimising, closing a tab) writes what waits now rather than in 1.5 s.
  const onHide = () => document.visibilityState === 'hidden' && scheduler.flush();
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', scheduler.flush);
  return () => {
    document.removeEventListener('visibilitychange', onHide);
    window.removeEventListener('pagehide', scheduler.flush);
    unsubscribe();
    scheduler.dispose();
    if (active?.scheduler === scheduler) active = null;
  };
}

/** Something the investigation file holds changed (an annotation, a clock offset, …). */
export function markChanged(): void {
  active?.scheduler.changed();
}

/** The window now shows exactly what is in a file (just opened or restored). */
export function markClean(): void {
  active?.scheduler.markClean();
}

/**
 * A manual Save runs here, after any autosave in flight, never beside one. `fn` returns whether it wrote
 * (false: cancelled). A manual save also retires this session's recovery copy: the work is in a file now.
 */
export async function runManualSave(fn: () => Promise<boolean>): Promise<boolean> {
  if (!active) return fn();
  const before = manual;
  manual = true;
  const saved = await active.scheduler.exclusive(fn).catch((e: unknown) => {
    manual = before;
    throw e;
  });
  if (!saved) manual = before;
  if (saved) await deleteCopy(session).catch(() => undefined);
  return saved;
}

/**
 * Before the window closes: writes what waits now, and resolves once that save is done or has failed (the
 * status says which). Mid-import nothing can be written, so it resolves at once and unsavedReason says so.
 */
export function flushPending(): Promise<void> {
  if (!active) return Promise.resolve();
  const { scheduler, services } = active;
  return new Promise((resolve) => {
    let sawSaving = scheduler.state().kind === 'saving';
    const check = () => {
      const kind = scheduler.state().kind;
      sawSaving ||= kind === 'saving';
      // An error from before the flush is not the answer: the flush retries at once, so wait for that try.
      if (kind === 'clean' || kind === 'saved' || (kind === 'error' && sawSaving) || services.store.get().phase !== 'ready') {
        off();
        resolve();
      }
    };
    const off = saveStatusStore.subscribe(check);
    scheduler.flush();
    check();
  });
}

/** Why closing now would lose work, in words for the "Save changes?" question; null when nothing would be lost. */
export function unsavedReason(): string | null {
  if (!active) return null;
  const { state, target, manual } = saveStatusStore.get();
  const busy = active.services.store.get().phase !== 'ready';
  if (state.kind === 'clean') return null;
  if (target.kind === 'file') {
    if (state.kind === 'saved') return null;
    if (state.kind === 'error') return `Driftline could not write ${target.path}: ${state.message}. Unless you save elsewhere, the changes since the last save are lost.`;
    return busy
      ? `An import or analysis is still running, so the latest changes are not in ${target.path} yet. If you close now, they are lost.`
      : `The latest changes are not written to ${target.path} yet.`;
  }
  if (state.kind === 'saved' && manual) return null; // a browser's Save: the download holds it
  if (state.kind === 'saved') return 'This investigation is not saved to a file yet. Driftline keeps a recovery copy and offers it the next time it starts, but only a file can be shared or archived.';
  if (state.kind === 'error') return `This investigation is not saved to a file yet, and the recovery copy could not be written (${state.message}). If you don't save, these changes are lost.`;
  return 'This investigation is not saved to a file yet, and its latest changes are not in the recovery copy. If you don\'t save, they are lost.';
}

/** Resolves once nothing is waiting to be written (tests, closing). */
export function autosaveIdle(): Promise<void> {
  return active?.scheduler.idle() ?? Promise.resolve();
}
