// "file:line" that selects the event it points at: every claim is one click from its evidence.
import type { Evidence } from '../../shared/analysis/types';
import { useServices } from '../state/context';

export function EvidenceLink({ ev }: { ev: Evidence }) {
  const { store } = useServices();
  const name = ev.source.split('/').pop();
  return (
    <button
      type="button"
      className="evidence-link"
      data-testid="evidence-link"
      title={`Show ${ev.source} line ${ev.line}${ev.pointer ? ` (${ev.pointer})` : ''}`}
      onClick={(e) => {
        e.stopPropagation();
        store.set({ selectedEventId: ev.event_id });
      }}
    >
      {name}:{ev.line}
    </button>
  );
}
