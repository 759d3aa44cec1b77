// Error events for many time windows in one statement each: the chain asks about every agent write at
// once, so the cost is one scan per question instead of one per write (1M events, hundreds of writes).
import type { Db } from '../db/db';
import { sqlString } from '../db/db';

export interface ErrorWindow {
  service: string;
  from: bigint;
  to: bigint;
}

const values = (rows: string[]) => `(VALUES ${rows.join(', ')})`;
const ERR = "e.kind IN ('log', 'span') AND e.severity IN ('error', 'fatal')";

/** For each window, the id of its first (or last) error event of that service; undefined where none. */
export async function getErrorIdsInWindows(db: Db, windows: readonly ErrorWindow[], which: 'first' | 'last'): Promise<(number | undefined)[]> {
  if (!windows.length) return [];
  const w = values(windows.map((x, i) => `(${i}, ${sqlString(x.service)}, ${x.from}::BIGINT, ${x.to}::BIGINT)`));
  const pick = which === 'first' ? 'arg_min' : 'arg_max';
  const rows = await db.query<{ i: number; id: number }>(`analysis.${which}Errors`,
    `SELECT w.i, ${pick}(e.id, (e.ts, e.id)) AS id
       FROM events e JOIN ${w} AS w(i, service, f, t) ON e.service = w.service AND e.ts >= w.f AND e.ts < w.t
      WHERE ${ERR} GROUP BY w.i`);
  const out: (number | undefined)[] = windows.map(() => undefined);
  for (const r of rows) out[Number(r.i)] = Number(r.id);
  return out;
}

export interface PropagationQuestion {
  caller: string;
  callee: string;
  from: bigint;
  to: bigint;
}

/** For each question, the first caller error in the window that shares a trace with an error of the callee. */
export async function getPropagatedErrorIds(db: Db, qs: readonly PropagationQuestion[]): Promise<(number | undefined)[]> {
  if (!qs.length) return [];
  const w = values(qs.map((x, i) => `(${i}, ${sqlString(x.caller)}, ${sqlString(x.callee)}, ${x.from}::BIGINT, ${x.to}::BIGINT)`));
  const rows = await db.query<{ i: number; id: number }>('analysis.propagatedErrors',
    `WITH w(i, caller, callee, f, t) AS (SELECT * FROM ${w}),
          c AS (SELECT w.i, w.callee, e.id, e.ts, e.trace_id FROM events e JOIN w ON e.service = w.caller AND e.ts >= w.f AND e.ts < w.t
                 WHERE ${ERR} AND e.trace_id <> ''),
          s AS (SELECT DISTINCT e.trace_id, e.service FROM events e WHERE ${ERR} AND e.trace_id IN (SELECT trace_id FROM c))
     SELECT c.i, arg_min(c.id, (c.ts, c.id)) AS id FROM c JOIN s ON s.trace_id = c.trace_id AND s.service = c.callee GROUP BY c.i`);
  const out: (number | undefined)[] = qs.map(() => undefined);
  for (const r of rows) out[Number(r.i)] = Number(r.id);
  return out;
}
