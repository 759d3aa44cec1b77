// Timeline: swimlanes over time (per actor, service or resource), the filter bar, and the virtualized event table.
import { useEffect, useState } from 'react';
import { useAppState } from '../../hooks/useAppState';
import { useQuery } from '../../hooks/useQuery';
import { countEvents } from '../../queries/events';
import { eventIndex } from '../../queries/eventIndex';
import { isFiltered } from '../../queries/filterSql';
import { NO_FILTER, type EventFilter } from '../../state/appState';
import { useServices } from '../../state/context';
import { Panel } from '../Panel';
import { EventTable } from './EventTable';
import { FilterBar } from './FilterBar';
import { LaneByPicker, Swimlanes } from './Swimlanes';

const INDEX_AFTER_MS = 800;

export function Timeline() {
  const { engine } = useServices();
  const filter = useAppState((s) => s.filter);
  const version = useAppState((s) => s.dataVersion);
  const { count, previous } = useFilterCount(filter, version);
  const all = useQuery((e) => countEvents(e, NO_FILTER, version), [version]).data ?? 0;
  // Build the search index soon after new data, once the views' first queries have had the engine (a search
  // typed before then starts it at once), so the first search does not wait for it.
  const [indexedVersion, setIndexedVersion] = useState(0);
  useEffect(() => {
    if (!version) return;
    let live = true;
    const t = setTimeout(() => void eventIndex(engine, version).then((ok) => live && ok && setIndexedVersion(version)), INDEX_AFTER_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [engine, version]);
  return (
    <Panel
      title="Timeline"
      testId="timeline"
      className="timeline"
      tools={
        <>
          <span className="muted" style={{ fontWeight: 400 }} aria-live="polite" data-search-index={indexedVersion === version ? 'ready' : 'pending'}>
            <span data-testid="event-count" data-count={count ?? previous} aria-busy={count === undefined}>
              {count === undefined ? 'counting…' : count.toLocaleString('en-US')}
            </span>
            {isFiltered(filter) ? ` of ${all.toLocaleString('en-US')}` : ''} events
          </span>
          <span style={{ flex: 1 }} />
          <LaneByPicker />
        </>
      }
    >
      <Swimlanes />
      <FilterBar />
      <EventTable count={count} previous={previous} />
    </Panel>
  );
}

/**
 * The filter's exact count, undefined while it is being counted (the table's first rows come first), and the
 * last count known, which `data-count` keeps until the new one is exact.
 */
function useFilterCount(filter: EventFilter, version: number): { count: number | undefined; previous: number } {
  const [answer, setAnswer] = useState<{ filter: EventFilter; version: number; n: number } | null>(null);
  const { engine } = useServices();
  useEffect(() => {
    const abort = new AbortController();
    countEvents(engine, filter, version, abort.signal).then(
      (n) => !abort.signal.aborted && setAnswer({ filter, version, n }),
      () => !abort.signal.aborted && setAnswer({ filter, version, n: 0 }),
    );
    return () => abort.abort();
  }, [engine, filter, version]);
  const current = answer && answer.filter === filter && answer.version === version;
  return { count: current ? answer.n : undefined, previous: answer?.n ?? 0 };
}
