// Save / Save as…: the whole investigation (tables, analysis, view) as one .driftline file. Runs through
// the autosave scheduler, so a manual save never overlaps an autosave of the same file.
import { investigationBytes, runManualSave } from '../state/autosaveService';
import type { AppServices } from '../state/context';
import type { Action } from './types';

const FILTERS = [{ name: 'Driftline investigation', extensions: ['driftline'] }];

async function save(services: AppServices, askWhere: boolean): Promise<void> {
  const { store, host } = services;
  const s = store.get();
  if (s.dataVersion === 0) return store.set({ notice: 'Nothing to save yet: open evidence first.' });
  try {
    await runManualSave(async () => {
      const savedAt = new Date().toISOString();
      const bytes = await investigationBytes(services, savedAt);
      let path = store.get().savedPath;
      if (askWhere || !path || host.app.kind === 'browser') path = await host.documents.saveAs('investigation.driftline', bytes, FILTERS);
      else await host.documents.writeTo(path, bytes);
      if (!path) return false;
      store.set((now) => ({ savedPath: path, createdAt: now.createdAt ?? savedAt, notice: null }));
      return true;
    });
  } catch (e) {
    store.set({ notice: `Could not save the investigation: ${(e as Error).message}. Try another folder, or free some disk space.` });
  }
}

export const saveInvestigation: Action = {
  id: 'save',
  label: 'Save investigation',
  shortcut: { key: 's', mod: true, shift: false },
  run: (services) => save(services, false),
};

export const saveInvestigationAs: Action = {
  id: 'save-as',
  label: 'Save investigation as…',
  shortcut: { key: 's', mod: true, shift: true },
  run: (services) => save(services, true),
};
