// Keyboard shortcuts and native menu commands, both routed to the same actions.
import { useEffect } from 'react';
import { ACTIONS } from '../actions';
import { openRecentFromMenu } from '../actions/openRecent';
import { matches } from '../actions/types';
import { useServices } from '../state/context';

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

export function useShortcuts(): void {
  const services = useServices();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      for (const a of ACTIONS) {
        if (!a.shortcut || !matches(a.shortcut, e)) continue;
        // Single keys (n, /, ?) are letters while typing; only chords and Escape work inside fields.
        if (!a.shortcut.mod && a.shortcut.key !== 'Escape' && typing(e.target)) continue;
        e.preventDefault();
        void a.run(services);
        return;
      }
    };
    window.addEventListener('keydown', onKey);
    const offMenu = services.host.app.onMenuCommand((command) => {
      const action = ACTIONS.find((a) => a.id === command);
      if (action) void action.run(services);
    });
    const offRecent = services.host.app.onOpenRecent((id) => void openRecentFromMenu(services, id));
    return () => {
      window.removeEventListener('keydown', onKey);
      offMenu();
      offRecent();
    };
  }, [services]);
}
