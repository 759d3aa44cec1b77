// Theme: follows the OS until the person picks one; the toggle cycles system → dark → light.
import type { Theme } from '../state/appState';
import type { Action } from './types';

const NEXT: Record<Theme, Theme> = { system: 'dark', dark: 'light', light: 'system' };

export const toggleTheme: Action = {
  id: 'toggle-theme',
  label: 'Switch theme',
  shortcut: { key: 'l', mod: true, shift: true },
  run({ store }) {
    const theme = NEXT[store.get().theme];
    store.set({ theme });
    try {
      localStorage.setItem('driftline.theme', theme);
    } catch {
      // storage can be disabled (file://, private mode): the theme then lasts for this session
    }
  },
};
