// Keeps the URL hash in step with the selection and search, and restores them once evidence is loaded.
import { useEffect } from 'react';
import { useServices } from '../state/context';
import { decodeView, encodeView } from '../state/viewHash';

export function useViewHash(): void {
  const { store } = useServices();
  useEffect(() => {
    let restored = false;
    let last = '';
    return store.subscribe(() => {
      const s = store.get();
      if (!restored && s.phase === 'ready') {
        restored = true;
        const v = decodeView(location.hash);
        if (v.eventId !== null || v.text || v.layout || v.laneBy) {
          store.set((cur) => ({ selectedEventId: v.eventId ?? cur.selectedEventId, selectedDivergenceId: v.divergenceId, filter: { ...cur.filter, text: v.text }, layout: v.layout ?? cur.layout, laneBy: v.laneBy ?? cur.laneBy }));
          return;
        }
      }
      if (!restored) return;
      const hash = encodeView(s);
      if (hash === last) return;
      last = hash;
      history.replaceState(null, '', hash || location.pathname + location.search);
    });
  }, [store]);
}
