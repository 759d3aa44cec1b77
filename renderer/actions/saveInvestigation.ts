// Save / Save as…: the whole investigation (tables, analysis, view) as one .driftline file.
import type { AppServices } from '../state/context';
import type { Action } from './types';

const FILTERS = [{ name: 'Driftline investigation', extensions: ['driftline'] }];

async function save(services: AppServices, askWhere: boolean): Promise<void> {
  const { store, engine, host } = services;
  const s = store.get();
  if (s.dataVersion === 0) return store.set({ notice: 'Nothing to save yet: open evidence first.' });
  const savedAt = new Date().toISOString();
  try {
    const bytes = await engine.save({ appVersion: await host.app.version(), savedAt, createdAt: s.createdAt ?? savedAt, views: [{ hash: location.hash }] });
    let path = s.savedPath;
    if (askWhere || !path || host.app.kind === 'browser') path = await host.documents.saveAs('investigation.driftline', bytes, FILTERS);
    else await host.documents.writeTo(path, bytes);
    if (path) store.set({ savedPath: path, createdAt: s.createdAt ?? savedAt, notice: null });
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
