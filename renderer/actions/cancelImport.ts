// Cancel: stops the running import at its next read; what was loaded stays.
import type { Action } from './types';

export const cancelImport: Action = {
  id: 'cancel-import',
  label: 'Cancel import',
  shortcut: { key: 'Escape' },
  async run({ engine, store }) {
    if (store.get().phase === 'importing') await engine.cancel();
  },
};
