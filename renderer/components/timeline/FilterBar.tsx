// Free-text search and field filters over the event table; typing is debounced so every key is not a query.
import { useEffect, useRef, useState } from 'react';
import { useAppState } from '../../hooks/useAppState';
import { useQuery } from '../../hooks/useQuery';
import { useServices } from '../../state/context';
import { countEvents, distinctValues } from '../../queries/events';
import { NO_FILTER, type EventFilter } from '../../state/appState';
import { clock } from '../format';

const SEARCH_PAUSE_MS = 60;

export function FilterBar() {
  const { store, engine } = useServices();
  const filter = useAppState((s) => s.filter);
  const version = useAppState((s) => s.dataVersion);
  const [text, setText] = useState(filter.text);
  const actors = useQuery((e) => distinctValues(e, 'actor', version), [version]).data ?? [];
  const services = useQuery((e) => distinctValues(e, 'service', version), [version]).data ?? [];
  const resources = useQuery((e) => distinctValues(e, 'resource', version), [version]).data ?? [];
  const kinds = useQuery((e) => distinctValues(e, 'kind', version), [version]).data ?? [];
  const severities = useQuery((e) => distinctValues(e, 'severity', version), [version]).data ?? [];

  // The search can change elsewhere too (Clear, a restored URL): follow it.
  useEffect(() => setText(filter.text), [filter.text]);

  // The search started for the last text committed; a newer one drops it if the engine has not begun it yet.
  const started = useRef<AbortController | null>(null);
  useEffect(() => {
    if (text === store.get().filter.text) return;
    // Short: the pause is pure wait on every search. Typing faster than the engine answers does not pile up
    // scans, since one search scan runs at a time and a replaced one is dropped (queries/events.ts, searchHead).
    const t = setTimeout(() => {
      const s = store.get();
      const filter = { ...s.filter, text };
      // Sent now rather than from the views' effects a frame later; they find it under the same key.
      started.current?.abort();
      started.current = new AbortController();
      if (text.trim()) countEvents(engine, filter, s.dataVersion, started.current.signal).catch(() => undefined);
      store.set({ filter });
    }, SEARCH_PAUSE_MS);
    return () => clearTimeout(t);
  }, [text, store, engine]);

  const set = (patch: Partial<EventFilter>) => store.set((s) => ({ filter: { ...s.filter, ...patch } }));
  return (
    <div className="filters" role="search">
      <input type="search" data-testid="search" placeholder="Search messages, actors, resources  (/)" aria-label="Search events" value={text} onChange={(e) => setText(e.target.value)} />
      <Select label="Actor" value={filter.actor} options={actors} onChange={(actor) => set({ actor })} />
      <Select label="Service" value={filter.service} options={services} onChange={(service) => set({ service })} />
      <Select label="Resource" value={filter.resource} options={resources} onChange={(resource) => set({ resource })} />
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
