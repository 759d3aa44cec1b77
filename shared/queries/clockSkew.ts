// Timing constraints between sources that share trace ids: a child span must lie inside its parent, a log
// line inside the span it names. Each evidence pair allows shifting the inner event's source by x only when
// lo ≤ x ≤ hi. Per pair of sources DuckDB finds the shift that the most pairs allow (a sweep over the
// interval ends), nearest to zero, keeping nanoseconds exact; a million logs return one row per source pair.
import type { Db } from '../db/db';

export interface SkewSweepRow {
  /** The pair of sources, lower id first; `shiftNs` applies to `low`. */
  low: number;
  high: number;
  pairs: number;
  /** Pairs out of place as the clocks stand (beyond the tolerance). */
  violations: number;
  /** Of those, pairs whose inner event (child span, log line) is in `low`. */
  lowInnerViolations: number;
  /** Pairs in place as the clocks stand (within the tolerance). */
  coverNow: number;
  /** The most pairs any single shift puts in place, and the shift nearest zero that does. */
  coverBest: number;
  shiftNs: bigint;
  /** The pair whose span edge sets the shift: inner event, its source, and the enclosing span. */
  innerEvent: number;
  innerSource: number;
  outerEvent: number;
}

export async function getSkewSweep(db: Pick<Db, 'query'>, toleranceNs: bigint): Promise<SkewSweepRow[]> {
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
    -- One orientation per pair of sources: x shifts the lower id (a shift of the higher one by x is −x here).
    canon AS (
      SELECT least(a, b) AS low, greatest(a, b) AS high, a AS inner_source, a_event, b_event,
        CASE WHEN a < b THEN lo ELSE -hi END AS lo, CASE WHEN a < b THEN hi ELSE -lo END AS hi
      FROM evidence),
    stats AS (
      SELECT low, high, count(*) AS pairs,
        count(*) FILTER (WHERE lo > ${tol} OR hi < -${tol}) AS violations,
        count(*) FILTER (WHERE (lo > ${tol} OR hi < -${tol}) AND inner_source = low) AS low_inner,
        count(*) FILTER (WHERE lo <= ${tol} AND hi >= -${tol}) AS cover_now,
        max(lo) AS max_lo, min(hi) AS min_hi,
        arg_max(a_event, (lo, -a_event)) AS lo_a, arg_max(b_event, (lo, -a_event)) AS lo_b, arg_max(inner_source, (lo, -a_event)) AS lo_src,
        arg_min(a_event, (hi, a_event)) AS hi_a, arg_min(b_event, (hi, a_event)) AS hi_b, arg_min(inner_source, (hi, a_event)) AS hi_src
      FROM canon GROUP BY low, high),
    -- When one shift fits every pair, the bounds give it exactly. Otherwise sweep, to the millisecond (ends
    -- widened outwards, within the tolerance), so a million pairs sort a few thousand distinct points.
    swept AS (
      SELECT c.low, c.high, c.inner_source, c.a_event, c.b_event,
        CAST(floor(c.lo / 1e6) AS BIGINT) * 1000000 AS lo, CAST(ceil(c.hi / 1e6) AS BIGINT) * 1000000 AS hi
      FROM canon c JOIN stats USING (low, high) WHERE stats.violations > 0 AND stats.max_lo > stats.min_hi),
    edges AS (
      SELECT low, high, lo AS x, 1 AS starts, 0 AS ends, a_event, b_event, inner_source FROM swept
      UNION ALL
      SELECT low, high, hi, 0, 1, a_event, b_event, inner_source FROM swept),
    points AS (
      SELECT low, high, x, sum(starts) AS starts, sum(ends) AS ends,
        min(a_event) AS a_event, arg_min(b_event, a_event) AS b_event, arg_min(inner_source, a_event) AS inner_source
      FROM edges GROUP BY low, high, x),
    -- Pairs in place at x: those starting at or before x, less those ending before it.
    covered AS (
      SELECT *, sum(starts) OVER w - (sum(ends) OVER w - ends) AS cover
      FROM points WINDOW w AS (PARTITION BY low, high ORDER BY x ROWS UNBOUNDED PRECEDING)),
    best AS (
      SELECT low, high, max(cover) AS cover_best,
        arg_min(x, (abs(x), x)) FILTER (WHERE cover = cover_max) AS shift,
        arg_min(a_event, (abs(x), x)) FILTER (WHERE cover = cover_max) AS a_event,
        arg_min(b_event, (abs(x), x)) FILTER (WHERE cover = cover_max) AS b_event,
        arg_min(inner_source, (abs(x), x)) FILTER (WHERE cover = cover_max) AS inner_source
      FROM (SELECT *, max(cover) OVER (PARTITION BY low, high) AS cover_max FROM covered) GROUP BY low, high)
    SELECT stats.*, best.cover_best, best.shift, best.a_event, best.b_event, best.inner_source
    FROM stats LEFT JOIN best USING (low, high) WHERE stats.violations > 0 ORDER BY low, high`);
  return rows.map((r) => {
    const base = { low: Number(r.low), high: Number(r.high), pairs: Number(r.pairs), violations: Number(r.violations), lowInnerViolations: Number(r.low_inner), coverNow: Number(r.cover_now) };
    if (r.cover_best !== null && r.cover_best !== undefined) {
      return { ...base, coverBest: Number(r.cover_best), shiftNs: BigInt(r.shift as bigint), innerEvent: Number(r.a_event), innerSource: Number(r.inner_source), outerEvent: Number(r.b_event) };
    }
    // One shift fits all: the nearest to zero within [max lo, min hi], set by the pair at that bound.
    const [lo, hi] = [BigInt(r.max_lo as bigint), BigInt(r.min_hi as bigint)];
    const later = lo > 0n;
    return {
      ...base, coverBest: base.pairs, shiftNs: later ? lo : hi < 0n ? hi : 0n,
      innerEvent: Number(later ? r.lo_a : r.hi_a), innerSource: Number(later ? r.lo_src : r.hi_src), outerEvent: Number(later ? r.lo_b : r.hi_b),
    };
  });
}

/** Where an event came from, to cite the example pairs. */
export async function getEventPlaces(db: Pick<Db, 'query'>, ids: number[]): Promise<Map<number, { sourceId: number; line: number; pointer: string }>> {
  const list = [...new Set(ids.filter((i) => Number.isSafeInteger(i)))];
  if (!list.length) return new Map();
  const rows = await db.query('analysis.clockSkew.places', `SELECT id, source_id, source_line, source_pointer FROM events WHERE id IN (${list.join(', ')})`);
  return new Map(rows.map((r) => [Number(r.id), { sourceId: Number(r.source_id), line: Number(r.source_line ?? 0), pointer: String(r.source_pointer ?? '') }]));
}
