// Present: the confirmed chain one slide at a time, full window (P; Escape leaves).
import { Store } from '../state/store';
import type { Action } from './types';

/** Whether the presentation is showing; its own store so the shared AppState stays as it is. */
export const presentStore = new Store<{ open: boolean }>({ open: false });

export const present: Action = {
  id: 'present',
  label: 'Present',
  shortcut: { key: 'p' },
  run({ store }) {
    if (store.get().dataVersion > 0) presentStore.set((s) => ({ open: !s.open }));
  },
};
