// The imported evidence files, as the analysis reports them.
import type { Db } from '../db/db';

interface SourceSql {
  id: number;
  path: string;
  size: bigint | number;
  sha256: string;
  format: string;
  confidence: number;
  events: number;
  merged: number;
  derived: number | null;
  errors: number;
  min_ts: bigint | null;
  max_ts: bigint | null;
  clock_offset_ns: bigint | null;
}

export interface SourceRow {
  id: number;
  path: string;
  size: number;
  sha256: string;
  format: string;
  confidence: number;
  events: number;
  merged: number;
  /** Events made beyond one per record: records = events − derived + merged + errors. */
  derived: number;
  errors: number;
  minTs: bigint | null;
  maxTs: bigint | null;
  clockOffsetNs: bigint;
}

export async function getSources(db: Pick<Db, 'query'>): Promise<SourceRow[]> {
  const rows = await db.query<SourceSql & Record<string, unknown>>(
    'analysis.sources',
    'SELECT id, path, size, sha256, format, confidence, events, merged, derived, errors, min_ts, max_ts, clock_offset_ns FROM sources ORDER BY path, id',
  );
  return rows.map((r) => ({
    id: Number(r.id),
    path: r.path ?? '',
    size: Number(r.size ?? 0),
    sha256: r.sha256 ?? '',
    format: r.format ?? '',
    confidence: Number(r.confidence ?? 0),
    events: Number(r.events ?? 0),
    merged: Number(r.merged ?? 0),
    derived: Number(r.derived ?? 0),
    errors: Number(r.errors ?? 0),
    minTs: r.min_ts === null ? null : BigInt(r.min_ts),
    maxTs: r.max_ts === null ? null : BigInt(r.max_ts),
    clockOffsetNs: r.clock_offset_ns === null ? 0n : BigInt(r.clock_offset_ns),
  }));
}
