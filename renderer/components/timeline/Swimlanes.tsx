// One strip per actor (or service, or resource) on a shared, linear time axis; each cell's strength is how many
// events fall in it, red marks errors, a pink tick marks writes. Aggregated in SQL, so it draws the same at a
// million events.
import { memo } from 'react';
import { useAppState } from '../../hooks/useAppState';
import { useQuery } from '../../hooks/useQuery';
import { LANE_BY, laneDensity, type LaneBucket, type LaneBy } from '../../queries/lanes';
import { useServices } from '../../state/context';
import { clock } from '../format';
import { BrushOverlay } from './BrushOverlay';

const COLOR: Record<string, string> = { agent: 'var(--agent)', human: 'var(--human)', system: 'var(--system)' };
const ORDER: Record<string, number> = { agent: 0, human: 1, system: 2 };

// memo: the lanes follow the data, not the filter, so typing a search must not re-render a thousand rectangles.
export const Swimlanes = memo(function Swimlanes() {
  const version = useAppState((s) => s.dataVersion);
  const by = useAppState((s) => s.laneBy);
  const { data } = useQuery((e) => laneDensity(e, version, by), [version, by]);
  if (!data || !data.rows.length) return null;
  const lanes = groupLanes(data.rows);
  const max = Math.max(...data.rows.map((r) => r.n));
  return (
    <div className="swimlanes" data-testid="swimlanes" data-lane-by={by} tabIndex={0} role="img" aria-label={`Activity of ${lanes.length} ${by === 'actor' ? 'actors' : by === 'service' ? 'services' : 'resources'} from ${clock(data.t0)} to ${clock(data.t1)} UTC`}>
      {lanes.map(([lane, cells]) => (
        <Lane key={lane} lane={lane} cells={cells} buckets={data.buckets} max={max} />
      ))}
      <BrushOverlay t0={data.t0} t1={data.t1} />
      <div className="axis">
        <span>{clock(data.t0)}</span>
        <span>{clock(data.t1)} UTC</span>
      </div>
    </div>
  );
});

/** Which swimlanes the timeline draws: per actor, service or resource. */
export function LaneByPicker() {
  const { store } = useServices();
  const by = useAppState((s) => s.laneBy);
  return (
    <label className="muted" style={{ fontWeight: 400 }}>
      lanes by{' '}
      <select data-testid="lane-by" value={by} onChange={(e) => store.set({ laneBy: e.target.value as LaneBy })} aria-label="Swimlanes by">
        {LANE_BY.map((b) => (
          <option key={b} value={b}>
            {b}
          </option>
        ))}
      </select>
    </label>
  );
}

function Lane({ lane, cells, buckets, max }: { lane: string; cells: LaneBucket[]; buckets: number; max: number }) {
  const name = lane.startsWith('svc:') ? lane.slice(4) : lane;
  return (
    <>
      <div className="lane-name" title={name}>{name}</div>
      <svg viewBox={`0 0 ${buckets} 12`} preserveAspectRatio="none" aria-hidden="true">
        {cells.map((c) => (
          <rect key={c.bucket} x={c.bucket} y={1} width={1} height={10} fill={c.errors ? 'var(--error)' : (COLOR[c.actorType] ?? 'var(--system)')} opacity={0.3 + 0.7 * Math.sqrt(c.n / max)}>
            <title>{`${name}: ${c.n} events${c.errors ? `, ${c.errors} errors` : ''}${c.writes ? `, ${c.writes} writes` : ''}`}</title>
          </rect>
        ))}
        {cells
          .filter((c) => c.writes)
          .map((c) => (
            <rect key={`w${c.bucket}`} x={c.bucket + 0.35} y={0} width={0.3} height={12} fill="var(--divergence)" />
          ))}
      </svg>
    </>
  );
}

function groupLanes(rows: LaneBucket[]): [string, LaneBucket[]][] {
  const m = new Map<string, LaneBucket[]>();
  for (const r of rows) (m.get(r.lane) ?? m.set(r.lane, []).get(r.lane)!).push(r);
  return [...m.entries()].sort(([, a], [, b]) => (ORDER[a[0].actorType] ?? 3) - (ORDER[b[0].actorType] ?? 3) || a[0].bucket - b[0].bucket);
}
