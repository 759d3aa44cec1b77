// Free-text search and field filters over the event table; typing is debounced so every key is not a query.
import { useEffect, useState } from 'react';
import { useAppState } from '../../hooks/useAppState';
import { useQuery } from '../../hooks/useQuery';
import { useServices } from '../../state/context';
import { distinctValues } from '../../queries/events';
import { NO_FILTER, type EventFilter } from '../../state/appState';
import { clock } from '../format';

export function FilterBar() {
  const { store } = useServices();
  const filter = useAppState((s) => s.filter);
  const version = useAppState((s) => s.dataVersion);
  const [text, setText] = useState(filter.text);
  const actors = useQuery((e) => distinctValues(e, 'actor', version), [version]).data ?? [];
  const kinds = useQuery((e) => distinctValues(e, 'kind', version), [version]).data ?? [];
  const severities = useQuery((e) => distinctValues(e, 'severity', version), [version]).data ?? [];

  // The search can change elsewhere too (Clear, a restored URL): follow it.
  useEffect(() => setText(filter.text), [filter.text]);

  useEffect(() => {
    if (text === store.get().filter.text) return;
    const t = setTimeout(() => store.set((s) => ({ filter: { ...s.filter, text } })), 120);
    return () => clearTimeout(t);
  }, [text, store]);

  const set = (patch: Partial<EventFilter>) => store.set((s) => ({ filter: { ...s.filter, ...patch } }));
  return (
    <div className="filters" role="search">
      <input type="search" data-testid="search" placeholder="Search messages, actors, resources  (/)" aria-label="Search events" value={text} onChange={(e) => setText(e.target.value)} />
      <Select label="Actor" value={filter.actor} options={actors} onChange={(actor) => set({ actor })} />
      <Select label="Kind" value={filter.kind} options={kinds} onChange={(kind) => set({ kind })} />
      <Select label="Severity" value={filter.severity} options={severities} onChange={(severity) => set({ severity })} />
      {filter.from !== null && filter.to !== null && (
        <button type="button" className="btn small" data-testid="time-range" title="Remove the time range" onClick={() => set({ from: null, to: null })}>
          {clock(filter.from)}–{clock(filter.to)} ✕
        </button>
      )}
      <button
        type="button"
        className="btn small"
        onClick={() => {
          setText('');
          store.set({ filter: NO_FILTER });
        }}
      >
        Clear
      </button>
    </div>
  );
}

function Select({ label, value, options, onChange }: { label: string; value: string; options: string[]; onChange: (v: string) => void }) {
  return (
    <select aria-label={`Filter by ${label.toLowerCase()}`} data-testid={`filter-${label.toLowerCase()}`} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{label}: all</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}
