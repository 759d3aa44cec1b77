// Small lookups the analysis needs on the big table: where events are (for evidence), and the alerts.
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

/** Alerts: alert events, or alerting-system log lines that say FIRING. */
export async function getAlerts(db: Db, from: bigint): Promise<EventRef[]> {
  const rows = await db.query<RefSql & Record<string, unknown>>('analysis.alerts',
    `SELECT ${COLS} FROM events
      WHERE ts >= CAST(? AS BIGINT) AND (kind = 'alert' OR (kind = 'log' AND (message LIKE '%[FIRING%' OR message ILIKE 'alert firing%')))
        AND message NOT ILIKE '%resolved%'
      ORDER BY ts, id LIMIT 1000`, [String(from)]);
  return rows.map(toRef);
}
