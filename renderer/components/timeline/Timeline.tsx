// Timeline: actor swimlanes over time, the filter bar, and the virtualized event table.
import { useAppState } from '../../hooks/useAppState';
import { useQuery } from '../../hooks/useQuery';
import { countEvents } from '../../queries/events';
import { isFiltered } from '../../queries/filterSql';
import { NO_FILTER } from '../../state/appState';
import { Panel } from '../Panel';
import { EventTable } from './EventTable';
import { FilterBar } from './FilterBar';
import { Swimlanes } from './Swimlanes';

export function Timeline() {
  const filter = useAppState((s) => s.filter);
  const version = useAppState((s) => s.dataVersion);
  const total = useQuery((e) => countEvents(e, filter), [filter, version]).data ?? 0;
  const all = useQuery((e) => countEvents(e, NO_FILTER), [version]).data ?? 0;
  return (
    <Panel
      title="Timeline"
      testId="timeline"
      className="timeline"
      tools={
        <span className="muted" style={{ fontWeight: 400 }}>
          <span data-testid="event-count" data-count={total}>{total.toLocaleString('en-US')}</span>
          {isFiltered(filter) ? ` of ${all.toLocaleString('en-US')}` : ''} events
        </span>
      }
    >
      <Swimlanes />
      <FilterBar />
      <EventTable total={total} />
    </Panel>
  );
}
