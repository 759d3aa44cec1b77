// SQL console: for power users, over the documented tables.
import type { Action } from './types';

export const toggleSql: Action = {
  id: 'toggle-sql',
  label: 'SQL console',
  shortcut: { key: 'e', mod: true, shift: true },
  run({ store }) {
    store.set((s) => ({ sqlOpen: !s.sqlOpen }));
  },
};
