// Small lookups the analysis needs on the big table: where an event is (for evidence), and the first
// event matching a condition after a time (error onsets, alerts).
import type { Db } from '../db/db';

export interface EventRef {
  id: number;
  sourceId: number;
  line: number;
  pointer: string;
  ts: bigint;
  service: string;
  severity: string;
  message: string;
  traceId: string;
}

interface RefSql { id: number; source_id: number; source_line: number; source_pointer: string | null; ts: bigint; service: string | null; severity: string | null; message: string | null; trace_id: string | null }

const COLS = 'id, source_id, source_line, source_pointer, ts, service, severity, message, trace_id';
const toRef = (r: RefSql): EventRef => ({
  id: Number(r.id), sourceId: Number(r.source_id), line: Number(r.source_line), pointer: r.source_pointer ?? '', ts: BigInt(r.ts),
  service: r.service ?? '', severity: r.severity ?? '', message: r.message ?? '', traceId: r.trace_id ?? '',
});

export async function getEventRefs(db: Db, ids: readonly number[]): Promise<Map<number, EventRef>> {
  const unique = [...new Set(ids.filter((i) => Number.isInteger(i)))];
  if (!unique.length) return new Map();
  const rows = await db.query<RefSql & Record<string, unknown>>('analysis.eventRefs', `SELECT ${COLS} FROM events WHERE id IN (${unique.join(',')}) ORDER BY id`);
  return new Map(rows.map((r) => [Number(r.id), toRef(r)]));
}

/** First error of a service at or after `from` (and before `to`). */
export async function getFirstError(db: Db, service: string, from: bigint, to: bigint): Promise<EventRef | undefined> {
  const rows = await db.query<RefSql & Record<string, unknown>>('analysis.firstError',
    `SELECT ${COLS} FROM events WHERE kind IN ('log', 'span') AND service = ? AND severity IN ('error', 'fatal') AND ts >= CAST(? AS BIGINT) AND ts < CAST(? AS BIGINT) ORDER BY ts, id LIMIT 1`,
    [service, String(from), String(to)]);
  return rows[0] ? toRef(rows[0]) : undefined;
}

/** Last error of a service before `to`, after `from`: where recovery begins. */
export async function getLastError(db: Db, service: string, from: bigint, to: bigint): Promise<EventRef | undefined> {
  const rows = await db.query<RefSql & Record<string, unknown>>('analysis.lastError',
    `SELECT ${COLS} FROM events WHERE kind IN ('log', 'span') AND service = ? AND severity IN ('error', 'fatal') AND ts >= CAST(? AS BIGINT) AND ts < CAST(? AS BIGINT) ORDER BY ts DESC, id DESC LIMIT 1`,
    [service, String(from), String(to)]);
  return rows[0] ? toRef(rows[0]) : undefined;
}

/** First error in `caller` that shares a trace with an error in `callee`: the failure propagating. */
export async function getPropagatedError(db: Db, caller: string, callee: string, from: bigint): Promise<EventRef | undefined> {
  const rows = await db.query<RefSql & Record<string, unknown>>('analysis.propagatedError',
    `SELECT ${COLS.split(', ').map((c) => 'c.' + c).join(', ')} FROM events c
      WHERE c.kind IN ('log', 'span') AND c.service = ? AND c.severity IN ('error', 'fatal') AND c.ts >= CAST(? AS BIGINT) AND c.trace_id <> ''
        AND EXISTS (SELECT 1 FROM events s WHERE s.trace_id = c.trace_id AND s.service = ? AND s.severity IN ('error', 'fatal'))
      ORDER BY c.ts, c.id LIMIT 1`,
    [caller, String(from), callee]);
  return rows[0] ? toRef(rows[0]) : undefined;
}

/** Alerts: alert events, or alerting-system log lines that say FIRING. */
export async function getAlerts(db: Db, from: bigint): Promise<EventRef[]> {
  const rows = await db.query<RefSql & Record<string, unknown>>('analysis.alerts',
    `SELECT ${COLS} FROM events
      WHERE ts >= CAST(? AS BIGINT) AND (kind = 'alert' OR (kind = 'log' AND (message LIKE '%[FIRING%' OR message ILIKE 'alert firing%')))
        AND message NOT ILIKE '%resolved%'
      ORDER BY ts, id LIMIT 1000`, [String(from)]);
  return rows.map(toRef);
}
