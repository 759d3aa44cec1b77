// The few thousand events the analysis reasons about one by one: everything that is not a plain log
// line or a plain span (audit records, tool calls and results, agent runs, alerts, messages).
import type { Db } from '../db/db';

/**
 * Kinds loaded row by row; logs and other spans are only ever aggregated in SQL (there can be millions).
 * The agent's own spans (its model calls, a few per step) are loaded too: they carry what it said.
 */
export const CONTROL_KINDS = ['audit', 'k8s_event', 'alert', 'agent_run', 'tool_call', 'tool_result', 'agent_message', 'user_message', 'manual'] as const;

export interface ControlEventSql {
  id: number;
  source_id: number;
  source_line: number;
  source_pointer: string | null;
  ts: bigint;
  end_ts: bigint | null;
  kind: string;
  actor: string | null;
  actor_type: string | null;
  service: string | null;
  resource: string | null;
  action: string | null;
  severity: string | null;
  message: string | null;
  trace_id: string | null;
  span_id: string | null;
  parent_span_id: string | null;
  call_id: string | null;
  attributes: string | null;
}

export interface ControlEvent {
  id: number;
  sourceId: number;
  line: number;
  pointer: string;
  ts: bigint;
  endTs: bigint | null;
  kind: string;
  actor: string;
  actorType: string;
  service: string;
  resource: string;
  action: string;
  severity: string;
  message: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  callId: string;
  attrs: Record<string, unknown>;
}

export async function getControlEvents(db: Db): Promise<ControlEvent[]> {
  const kinds = CONTROL_KINDS.map((k) => `'${k}'`).join(', ');
  const rows = await db.query<ControlEventSql & Record<string, unknown>>(
    'analysis.controlEvents',
    `SELECT ${CONTROL_COLUMNS} FROM events WHERE kind IN (${kinds}) OR (kind = 'span' AND actor_type = 'agent') ORDER BY ts, id`,
  );
  return rows.map(toControlEvent);
}

/** The columns a ControlEvent is read from, for other queries that load events the same way. */
export const CONTROL_COLUMNS = `id, source_id, source_line, source_pointer, ts, end_ts, kind, actor, actor_type, service, resource, action,
            severity, message, trace_id, span_id, parent_span_id, call_id, attributes`;

export function toControlEvent(r: ControlEventSql): ControlEvent {
  return {
    id: Number(r.id),
    sourceId: Number(r.source_id),
    line: Number(r.source_line),
    pointer: r.source_pointer ?? '',
    ts: BigInt(r.ts),
    endTs: r.end_ts === null ? null : BigInt(r.end_ts),
    kind: r.kind,
    actor: r.actor ?? '',
    actorType: r.actor_type ?? 'unknown',
    service: r.service ?? '',
    resource: r.resource ?? '',
    action: (r.action ?? '').toLowerCase(),
    severity: r.severity ?? 'info',
    message: r.message ?? '',
    traceId: r.trace_id ?? '',
    spanId: r.span_id ?? '',
    parentSpanId: r.parent_span_id ?? '',
    callId: r.call_id ?? '',
    attrs: parseAttributes(r.attributes),
  };
}

/** Attributes are JSON text written by our own importers; a broken one must not sink the analysis. */
function parseAttributes(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
