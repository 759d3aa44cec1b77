// Search: puts the cursor in the event search box.
import type { Action } from './types';

export const focusSearch: Action = {
  id: 'focus-search',
  label: 'Search events',
  shortcut: { key: '/' },
  run() {
    document.querySelector<HTMLInputElement>('[data-testid="search"]')?.focus();
  },
};
