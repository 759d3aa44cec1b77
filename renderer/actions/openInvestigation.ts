// Open investigation…: a saved .driftline file replaces what is loaded; its seal is checked before anything shows.
import type { Action } from './types';

export const openInvestigation: Action = {
  id: 'open-investigation',
  label: 'Open investigation…',
  shortcut: { key: 'o', mod: true, shift: true },
  async run({ store, engine, host }) {
    const file = await host.documents.open([{ name: 'Driftline investigation', extensions: ['driftline'] }]);
    if (!file) return;
    store.set({ phase: 'importing', progress: [], notice: null });
    try {
      const opened = await engine.openInvestigation(file.data);
      store.set((s) => ({
        phase: 'ready',
        analysis: opened.analysis,
        dataVersion: s.dataVersion + 1,
        savedPath: host.app.kind === 'electron' ? file.path : null,
        selectedEventId: null,
        selectedDivergenceId: null,
        expandedClusters: new Set(),
      }));
    } catch (e) {
      store.set((s) => ({ phase: s.dataVersion ? 'ready' : 'empty', notice: `Could not open ${file.name}: ${(e as Error).message}` }));
    }
  },
};
