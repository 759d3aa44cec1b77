// Export…: opens the export dialog (format and redaction profile).
import type { Action } from './types';

export const exportReport: Action = {
  id: 'export',
  label: 'Export report…',
  shortcut: { key: 'x', mod: true, shift: true },
  run({ store }) {
    if (store.get().dataVersion > 0) store.set((s) => ({ exportOpen: !s.exportOpen }));
  },
};
