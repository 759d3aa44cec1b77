// Timing constraints between sources that share trace ids, aggregated per (shifted source, reference source):
// a child span must lie inside its parent, a log line inside the span it names. Each evidence pair
// allows shifting the first source's clock by x only when lo ≤ x ≤ hi; DuckDB does the join and keeps
// nanoseconds exact, so a million logs return one row per source pair.
import type { Db } from '../db/db';

export interface SkewConstraintRow {
  /** The source whose events are inside (child span or log line). */
  shifted: number;
  /** The source holding the enclosing span. */
  reference: number;
  pairs: number;
  /** Pairs that start before their span (need a later clock) or end after it (need an earlier one). */
  late: number;
  early: number;
  /** Smallest shift of `shifted` that puts every pair after its span's start; largest that keeps it before the end. */
  lo: bigint;
  hi: bigint;
  /** Example pairs: the one that sets lo, and the one that sets hi (lowest event id on ties). */
  loShiftedEvent: number;
  loReferenceEvent: number;
  hiShiftedEvent: number;
  hiReferenceEvent: number;
}

export async function getSkewConstraints(db: Pick<Db, 'query'>, toleranceNs: bigint): Promise<SkewConstraintRow[]> {
  const tol = toleranceNs.toString();
  const rows = await db.query('analysis.clockSkew', `
    WITH spans AS (
      SELECT source_id, trace_id, span_id, parent_span_id, min(id) AS id, min(ts) AS ts, max(coalesce(end_ts, ts)) AS end_ts
      FROM events WHERE trace_id <> '' AND span_id <> '' AND end_ts IS NOT NULL
      GROUP BY source_id, trace_id, span_id, parent_span_id),
    evidence AS (
      SELECT c.source_id AS a, p.source_id AS b, c.id AS a_event, p.id AS b_event, p.ts - c.ts AS lo, p.end_ts - c.end_ts AS hi
      FROM spans c JOIN spans p ON p.trace_id = c.trace_id AND p.span_id = c.parent_span_id AND p.source_id <> c.source_id
      WHERE c.parent_span_id <> ''
      UNION ALL
      SELECT l.source_id, s.source_id, l.id, s.id, s.ts - l.ts, s.end_ts - l.ts
      FROM events l JOIN spans s ON s.trace_id = l.trace_id AND s.span_id = l.span_id AND s.source_id <> l.source_id
      WHERE l.end_ts IS NULL AND l.span_id <> '' AND l.trace_id <> ''),
    bounded AS (
      SELECT *, max(lo) OVER (PARTITION BY a, b) AS max_lo, min(hi) OVER (PARTITION BY a, b) AS min_hi FROM evidence)
    SELECT a, b, count(*) AS pairs,
      count(*) FILTER (WHERE lo > ${tol}) AS late, count(*) FILTER (WHERE hi < -${tol}) AS early,
      max(lo) AS lo, min(hi) AS hi,
      min(a_event) FILTER (WHERE lo = max_lo) AS lo_a, arg_min(b_event, a_event) FILTER (WHERE lo = max_lo) AS lo_b,
      min(a_event) FILTER (WHERE hi = min_hi) AS hi_a, arg_min(b_event, a_event) FILTER (WHERE hi = min_hi) AS hi_b
    FROM bounded GROUP BY a, b ORDER BY a, b`);
  return rows.map((r) => ({
    shifted: Number(r.a), reference: Number(r.b), pairs: Number(r.pairs), late: Number(r.late), early: Number(r.early),
    lo: BigInt(r.lo as bigint), hi: BigInt(r.hi as bigint),
    loShiftedEvent: Number(r.lo_a), loReferenceEvent: Number(r.lo_b), hiShiftedEvent: Number(r.hi_a), hiReferenceEvent: Number(r.hi_b),
  }));
}

/** Where an event came from, to cite the example pairs. */
export async function getEventPlaces(db: Pick<Db, 'query'>, ids: number[]): Promise<Map<number, { sourceId: number; line: number; pointer: string }>> {
  const list = [...new Set(ids.filter((i) => Number.isSafeInteger(i)))];
  if (!list.length) return new Map();
  const rows = await db.query('analysis.clockSkew.places', `SELECT id, source_id, source_line, source_pointer FROM events WHERE id IN (${list.join(', ')})`);
  return new Map(rows.map((r) => [Number(r.id), { sourceId: Number(r.source_id), line: Number(r.source_line ?? 0), pointer: String(r.source_pointer ?? '') }]));
}
