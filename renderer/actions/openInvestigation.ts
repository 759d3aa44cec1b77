// Open investigation…: a saved .driftline file replaces what is loaded; its seal is checked before anything shows.
import { markClean } from '../state/autosaveService';
import type { AppServices } from '../state/context';
import type { Action } from './types';

/**
 * Loads investigation bytes into the engine and shows them. `path` is where autosave and Save write
 * afterwards (null: no file to write to, e.g. a browser or a recovery copy). Returns whether it loaded.
 */
export async function loadInvestigation({ store, engine }: AppServices, name: string, data: Uint8Array, path: string | null): Promise<boolean> {
  store.set({ phase: 'importing', progress: [], notice: null });
  try {
    const opened = await engine.openInvestigation(data);
    store.set((s) => ({
      phase: 'ready',
      analysis: opened.analysis,
      dataVersion: s.dataVersion + 1,
      savedPath: path,
      selectedEventId: null,
      selectedDivergenceId: null,
      expandedClusters: new Set(),
    }));
    markClean();
    return true;
  } catch (e) {
    store.set((s) => ({ phase: s.dataVersion ? 'ready' : 'empty', notice: `Could not open ${name}: ${(e as Error).message}` }));
    return false;
  }
}

export const openInvestigation: Action = {
  id: 'open-investigation',
  label: 'Open investigation…',
  shortcut: { key: 'o', mod: true, shift: true },
  async run(services) {
    const file = await services.host.documents.open([{ name: 'Driftline investigation', extensions: ['driftline'] }]);
    if (!file) return;
    await loadInvestigation(services, file.name, file.data, services.host.app.kind === 'electron' ? file.path : null);
  },
};
