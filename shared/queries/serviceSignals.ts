// Log and span volume per service per minute: the signal behind environment_drift and error onsets.
// Aggregated in SQL because logs are the millions; only the (service, minute) buckets come back.
import type { Db } from '../db/db';

export const MINUTE_NS = 60_000_000_000n;

interface BucketSql { service: string; minute: bigint; n: bigint | number; errors: bigint | number; first_id: number; first_error_id: number | null }

export interface ServiceMinute {
  minute: bigint;
  events: number;
  errors: number;
  firstId: number;
  firstErrorId: number | null;
}

/** service → minute index (ts / 60 s) → counts. */
export type ServiceSignals = Map<string, Map<bigint, ServiceMinute>>;

export async function getServiceSignals(db: Db): Promise<ServiceSignals> {
  const rows = await db.query<BucketSql & Record<string, unknown>>(
    'analysis.serviceSignals',
    `SELECT service, ts // 60000000000 AS minute, count(*) AS n,
            count(*) FILTER (WHERE severity IN ('error', 'fatal')) AS errors,
            min(id) AS first_id, min(id) FILTER (WHERE severity IN ('error', 'fatal')) AS first_error_id
       FROM events WHERE kind IN ('log', 'span') AND service <> ''
      GROUP BY ALL ORDER BY service, minute`,
  );
  const out: ServiceSignals = new Map();
  for (const r of rows) {
    let m = out.get(r.service);
    if (!m) out.set(r.service, (m = new Map()));
    m.set(BigInt(r.minute), { minute: BigInt(r.minute), events: Number(r.n), errors: Number(r.errors), firstId: Number(r.first_id), firstErrorId: r.first_error_id === null ? null : Number(r.first_error_id) });
  }
  return out;
}
