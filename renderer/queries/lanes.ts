// Density per actor lane and time bucket, for the timeline's swimlanes: SQL aggregates so a million
// events become a few hundred rectangles.
import type { EngineClient } from '../engine/client';

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

export async function laneDensity(engine: EngineClient, buckets = 240): Promise<LaneDensity> {
  const range = await engine.query<{ t0: bigint | null; t1: bigint | null }>('lanes.range', 'SELECT min(ts) AS t0, max(ts) AS t1 FROM events');
  const t0 = range[0]?.t0 ?? 0n;
  const t1 = range[0]?.t1 ?? 0n;
  const span = t1 > t0 ? t1 - t0 : 1n;
  const rows = await engine.query<{ lane: string; actorType: string; bucket: number; n: bigint; errors: bigint; writes: bigint }>(
    'lanes.density',
    `SELECT CASE WHEN actor <> '' THEN actor WHEN service <> '' THEN 'svc:' || service ELSE '(unknown)' END AS lane,
            any_value(actor_type) AS "actorType",
            CAST(least(${buckets - 1}, ((ts - ${t0})::HUGEINT * ${buckets}) // ${span}) AS INTEGER) AS bucket,
            count(*) AS n,
            count(*) FILTER (WHERE severity IN ('error', 'fatal')) AS errors,
            count(*) FILTER (WHERE kind IN ('tool_call', 'audit') AND action IN ('create','update','patch','delete','scale','apply','restart','rollback')) AS writes
       FROM events GROUP BY 1, 3 ORDER BY 1, 3`,
  );
  return {
    t0,
    t1,
    buckets,
    rows: rows.map((r) => ({ lane: r.lane, actorType: r.actorType, bucket: Number(r.bucket), n: Number(r.n), errors: Number(r.errors), writes: Number(r.writes) })),
  };
}
