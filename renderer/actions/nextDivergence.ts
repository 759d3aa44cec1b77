// Next divergence: steps through the findings and selects the action each one is about.
import type { Action } from './types';

export const nextDivergence: Action = {
  id: 'next-divergence',
  label: 'Next divergence',
  shortcut: { key: 'n' },
  run({ store }) {
    const { analysis, selectedDivergenceId } = store.get();
    const list = analysis?.divergences ?? [];
    if (!list.length) return;
    const i = list.findIndex((d) => d.id === selectedDivergenceId);
    const next = list[(i + 1) % list.length];
    store.set({ selectedDivergenceId: next.id, selectedEventId: next.action.event_id });
  },
};
