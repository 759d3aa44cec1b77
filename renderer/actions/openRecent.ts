// Reopen an item of the recent list (start screen, File ▸ Open Recent). In Electron the main process
// opens the file again from its own list: an investigation loads, evidence is imported again.
import type { WireError } from '../../shared/ipc/host';
import { importEvidence } from '../state/importFlow';
import type { AppServices } from '../state/context';
import { loadInvestigation } from './openInvestigation';

/** Why an entry did not open. `missing`: it was moved or deleted (remove it, or Locate… it). */
export interface ReopenFailure {
  missing: boolean;
  /** In words; null when the window's notice already says it (a file that is not a readable investigation). */
  message: string | null;
}

/** Null when it opened (or its import started, which reports on its own), else what went wrong. */
export async function openRecent(services: AppServices, id: string): Promise<ReopenFailure | null> {
  let reopened;
  try {
    reopened = await services.host.recent.open(id);
  } catch (e) {
    const err = e as Error & { kind?: WireError['kind'] };
    return { missing: err.kind === 'not-found', message: err.message || 'This item could not be opened.' };
  }
  if (reopened.kind === 'investigation') {
    const loaded = await loadInvestigation(services, reopened.name, reopened.data, reopened.path);
    return loaded ? null : { missing: false, message: null };
  }
  await importEvidence(services, reopened.files.map((f) => services.host.toWireFile(f)));
  return null;
}

/** File ▸ Open Recent: the menu has no row to explain a failure in, so it becomes the window's notice. */
export async function openRecentFromMenu(services: AppServices, id: string): Promise<void> {
  const failure = await openRecent(services, id);
  if (failure?.message) services.store.set({ notice: failure.message });
}
