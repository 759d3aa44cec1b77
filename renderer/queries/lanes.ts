// Density per actor lane and time bucket, for the timeline's swimlanes: SQL aggregates so a million
// events become a few hundred rectangles.
import type { EngineClient } from '../engine/client';
import { WRITE_ACTIONS } from '../../shared/model/event';
import { perEvents } from './eventIndex';

export interface LaneBucket {
  lane: string;
  actorType: string;
  bucket: number;
  n: number;
  errors: number;
  writes: number;
}

export interface LaneDensity {
  t0: bigint;
  t1: bigint;
  buckets: number;
  rows: LaneBucket[];
}

const WRITE_SQL = [...WRITE_ACTIONS].map((a) => `'${a}'`).join(', ');

/** What the swimlanes are: one per actor (else service), per service (else actor), or per resource. */
export type LaneBy = 'actor' | 'service' | 'resource';
export const LANE_BY: readonly LaneBy[] = ['actor', 'service', 'resource'];
/** More lanes than this are not readable: the quietest are drawn together in one last lane. */
export const MAX_LANES = 40;

/** The swimlanes' buckets, computed once per state of the events table (see perEvents). */
export const laneDensity = (engine: EngineClient, version: number, by: LaneBy = 'actor', buckets = 240): Promise<LaneDensity> =>
  perEvents(engine, version, `lanes/${by}/${buckets}`, () => queryDensity(engine, buckets, by));

/** The two columns a lane is named from (the second when the first is empty), per kind of lane. */
const LANE_COLUMNS: Record<LaneBy, [string, string]> = { actor: ['actor', 'service'], service: ['service', 'actor'], resource: ['resource', 'service'] };

async function queryDensity(engine: EngineClient, buckets: number, by: LaneBy): Promise<LaneDensity> {
  const range = await engine.query<{ t0: bigint | null; t1: bigint | null }>('lanes.range', 'SELECT min(ts) AS t0, max(ts) AS t1 FROM events');
  const t0 = range[0]?.t0 ?? 0n;
  const t1 = range[0]?.t1 ?? 0n;
  const span = t1 > t0 ? t1 - t0 : 1n;
  // Integer bucket arithmetic on the raw nanoseconds (no date functions, no HUGEINT), grouped by two plain
  // columns; naming lanes happens in JS over the few hundred rows that come back.
  const width = (span + BigInt(buckets) - 1n) / BigInt(buckets) || 1n;
  const [first, second] = LANE_COLUMNS[by];
  const rows = await engine.query<{ first: string; second: string; actorType: string; bucket: number; n: bigint; errors: bigint; writes: bigint }>(
    'lanes.density',
    `SELECT ${first} AS first, ${second} AS second, any_value(actor_type) AS "actorType",
            least(${buckets - 1}, (ts - ${t0}) // ${width})::INTEGER AS bucket,
            count(*) AS n,
            count(*) FILTER (WHERE severity IN ('error', 'fatal')) AS errors,
            count(*) FILTER (WHERE kind IN ('tool_call', 'audit') AND action IN (${WRITE_SQL})) AS writes
       FROM events GROUP BY ${first}, ${second}, bucket`,
  );
  return { t0, t1, buckets, rows: mergeLanes(rows, by) };
}

type DensityRow = { first: string; second: string; actorType: string; bucket: number; n: bigint | number; errors: bigint | number; writes: bigint | number };

/** A lane's name: by actor, an actor else `svc:` service; by service, a service else the actor; by resource, the resource. */
function laneName(r: DensityRow, by: LaneBy): string {
  if (by === 'resource') return r.first || '(no resource)';
  if (r.first) return by === 'service' ? `svc:${r.first}` : r.first;
  if (r.second) return by === 'service' ? r.second : `svc:${r.second}`;
  return '(unknown)';
}

/**
 * One row per lane and bucket, in lane then bucket order (pure). Lanes beyond `maxLanes`, the quietest, are
 * drawn together in a last lane named for how many they are. By service or resource a lane mixes actors: it
 * takes the agent's colour if an agent acted in it, else a person's, else a system's.
 */
export function mergeLanes(rows: DensityRow[], by: LaneBy = 'actor', maxLanes = MAX_LANES): LaneBucket[] {
  const totals = new Map<string, number>();
  const types = new Map<string, string>();
  for (const r of rows) {
    const name = laneName(r, by);
    totals.set(name, (totals.get(name) ?? 0) + Number(r.n));
    const t = types.get(name);
    if (t === undefined || rank(r.actorType) < rank(t)) types.set(name, r.actorType);
  }
  const busiest = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([lane]) => lane);
  const kept = new Set(busiest.length > maxLanes ? busiest.slice(0, maxLanes - 1) : busiest);
  const rest = `(${(busiest.length - kept.size).toLocaleString('en-US')} more)`;
  const m = new Map<string, LaneBucket>();
  for (const r of rows) {
    const name = laneName(r, by);
    const lane = kept.has(name) ? name : rest;
    const key = `${lane}\u0000${r.bucket}`;
    const b = m.get(key) ?? m.set(key, { lane, actorType: kept.has(name) ? types.get(name)! : 'system', bucket: Number(r.bucket), n: 0, errors: 0, writes: 0 }).get(key)!;
    b.n += Number(r.n);
    b.errors += Number(r.errors);
    b.writes += Number(r.writes);
  }
  const last = (lane: string) => (kept.has(lane) ? 0 : 1);
  return [...m.values()].sort((a, b) => last(a.lane) - last(b.lane) || (a.lane < b.lane ? -1 : a.lane > b.lane ? 1 : a.bucket - b.bucket));
}

const rank = (actorType: string) => (actorType === 'agent' ? 0 : actorType === 'human' ? 1 : 2);
