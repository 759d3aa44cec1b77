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
/** The swimlanes' buckets, computed once per state of the events table (see perEvents). */
export const laneDensity = (engine: EngineClient, version: number, buckets = 240): Promise<LaneDensity> =>
  perEvents(engine, version, `lanes/${buckets}`, () => queryDensity(engine, buckets));

async function queryDensity(engine: EngineClient, buckets: number): Promise<LaneDensity> {
  const range = await engine.query<{ t0: bigint | null; t1: bigint | null }>('lanes.range', 'SELECT min(ts) AS t0, max(ts) AS t1 FROM events');
  const t0 = range[0]?.t0 ?? 0n;
  const t1 = range[0]?.t1 ?? 0n;
  const span = t1 > t0 ? t1 - t0 : 1n;
  // Integer bucket arithmetic on the raw nanoseconds (no date functions, no HUGEINT), grouped by the two
  // plain columns; naming lanes happens in JS over the few hundred rows that come back.
  const width = (span + BigInt(buckets) - 1n) / BigInt(buckets) || 1n;
  const rows = await engine.query<{ actor: string; service: string; actorType: string; bucket: number; n: bigint; errors: bigint; writes: bigint }>(
    'lanes.density',
    `SELECT actor, service, any_value(actor_type) AS "actorType",
            least(${buckets - 1}, (ts - ${t0}) // ${width})::INTEGER AS bucket,
            count(*) AS n,
            count(*) FILTER (WHERE severity IN ('error', 'fatal')) AS errors,
            count(*) FILTER (WHERE kind IN ('tool_call', 'audit') AND action IN (${WRITE_SQL})) AS writes
       FROM events GROUP BY actor, service, bucket`,
  );
  return { t0, t1, buckets, rows: mergeLanes(rows) };
}

/** One row per lane and bucket, lanes named by actor, else by service, in lane then bucket order (pure). */
export function mergeLanes(rows: { actor: string; service: string; actorType: string; bucket: number; n: bigint | number; errors: bigint | number; writes: bigint | number }[]): LaneBucket[] {
  const m = new Map<string, LaneBucket>();
  for (const r of rows) {
    const lane = r.actor ? r.actor : r.service ? `svc:${r.service}` : '(unknown)';
    const key = `${lane}\u0000${r.bucket}`;
    const b = m.get(key) ?? m.set(key, { lane, actorType: r.actorType, bucket: Number(r.bucket), n: 0, errors: 0, writes: 0 }).get(key)!;
    b.n += Number(r.n);
    b.errors += Number(r.errors);
    b.writes += Number(r.writes);
  }
  return [...m.values()].sort((a, b) => (a.lane < b.lane ? -1 : a.lane > b.lane ? 1 : a.bucket - b.bucket));
}
