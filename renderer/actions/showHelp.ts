// Help: the overlay listing every shortcut.
import type { Action } from './types';

export const showHelp: Action = {
  id: 'show-help',
  label: 'Keyboard shortcuts',
  shortcut: { key: '?' },
  run({ store }) {
    store.set((s) => ({ helpOpen: !s.helpOpen }));
  },
};
