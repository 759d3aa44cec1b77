// Which service calls which, from traces: span parent/child across services, and for logs that carry
// only trace ids, the access-log convention that a caller logs its request after its callee answered.
import type { Db } from '../db/db';

interface CallSql { caller: string; callee: string; n: bigint | number; caller_id: number; callee_id: number; by_spans: boolean }

export interface ServiceCall {
  caller: string;
  callee: string;
  traces: number;
  /** One event of each side in a shared trace, to cite. */
  callerEventId: number;
  calleeEventId: number;
  /** True when read from span parent ids; false when inferred from log order within a trace. */
  bySpans: boolean;
}

export async function getServiceCalls(db: Db): Promise<ServiceCall[]> {
  const rows = await db.query<CallSql & Record<string, unknown>>(
    'analysis.serviceCalls',
    `WITH spans AS (
        SELECT p.service AS caller, c.service AS callee, count(DISTINCT c.trace_id) AS n, min(p.id) AS caller_id, min(c.id) AS callee_id, true AS by_spans
          FROM events c JOIN events p ON c.trace_id = p.trace_id AND c.parent_span_id = p.span_id
         WHERE c.kind = 'span' AND p.kind IN ('span', 'agent_run') AND c.parent_span_id <> '' AND p.service <> c.service AND p.service <> '' AND c.service <> ''
         GROUP BY 1, 2),
      per_trace AS (
        SELECT trace_id, service, max(ts) AS last_ts, min(id) AS any_id
          FROM events WHERE kind = 'log' AND trace_id <> '' AND service <> '' GROUP BY 1, 2),
      logs AS (
        SELECT a.service AS caller, b.service AS callee, count(*) AS n, min(a.any_id) AS caller_id, min(b.any_id) AS callee_id, false AS by_spans
          FROM per_trace a JOIN per_trace b ON a.trace_id = b.trace_id AND a.service <> b.service AND a.last_ts > b.last_ts
         GROUP BY 1, 2)
     SELECT * FROM spans
     UNION ALL SELECT * FROM logs WHERE NOT EXISTS (SELECT 1 FROM spans s WHERE s.caller = logs.callee AND s.callee = logs.caller)
     ORDER BY caller, callee, by_spans`,
  );
  return rows.map((r) => ({ caller: r.caller, callee: r.callee, traces: Number(r.n), callerEventId: Number(r.caller_id), calleeEventId: Number(r.callee_id), bySpans: Boolean(r.by_spans) }));
}
