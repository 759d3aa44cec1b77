// The events the causal graph draws: what agents and people did, writes, alerts, warnings and errors, with
// repeated log lines pre-aggregated in SQL past a limit.
import type { EngineClient } from '../engine/client';
import type { GraphEvent } from '../../shared/graph/types';
import { WRITE_ACTIONS } from '../../shared/model/event';
import { perEvents } from './eventIndex';

const WRITE_SQL = [...WRITE_ACTIONS].map((a) => `'${a}'`).join(', ');

const GRAPH_WORTHY = `(severity IN ('warn', 'error', 'fatal')
   OR actor_type IN ('agent', 'human')
   OR kind IN ('alert', 'k8s_event', 'agent_run', 'tool_call', 'tool_result', 'user_message', 'agent_message')
   OR (kind = 'audit' AND action IN (${WRITE_SQL}) AND resource NOT LIKE '%/lease/%'))`;
const GRAPH_COLS = `id, ts, actor, actor_type AS "actorType", kind, service, resource, action, severity, message, call_id AS "callId"`;

/**
 * Events worth drawing in the graph: what agents and people did, tool calls and results, writes, alerts,
 * warnings and errors, and whatever a finding cites. Routine system reads and lease renewals stay in the
 * table only. Past `individualLimit` rows, repeated log lines are pre-aggregated in SQL (same lane, same
 * message with numbers masked, same 10 s) so a million errors arrive as a few thousand counted rows.
 */
export function graphEvents(engine: EngineClient, cited: number[], { version, individualLimit = 5000 }: { version?: number; individualLimit?: number } = {}): Promise<GraphEvent[]> {
  // Once per state of the events and set of cited events: the presentation's graph, a note added or a re-analysis
  // that cites the same events reuse the rows (and the graph sees the same array, so it is not rebuilt).
  if (version === undefined) return queryGraphEvents(engine, cited, individualLimit);
  const key = `graph/${individualLimit}/${[...cited].sort((a, b) => a - b).join(',')}`;
  return perEvents(engine, version, key, () => queryGraphEvents(engine, cited, individualLimit));
}

async function queryGraphEvents(engine: EngineClient, cited: number[], individualLimit: number): Promise<GraphEvent[]> {
  const citedSql = cited.length ? cited.map((n) => n | 0).join(',') : 'NULL';
  const [{ n }] = await engine.query<{ n: bigint }>('events.graphCount', `SELECT count(*) AS n FROM events WHERE ${GRAPH_WORTHY} OR id IN (${citedSql})`);
  if (Number(n) <= individualLimit) {
    return engine.query<GraphEvent & Record<string, unknown>>('events.graph', `SELECT ${GRAPH_COLS} FROM events WHERE ${GRAPH_WORTHY} OR id IN (${citedSql}) ORDER BY ts, id`);
  }
  const single = await engine.query<GraphEvent & Record<string, unknown>>(
    'events.graphSingle',
    `SELECT ${GRAPH_COLS} FROM events WHERE (${GRAPH_WORTHY} AND kind <> 'log') OR id IN (${citedSql}) ORDER BY ts, id LIMIT 20000`,
  );
  const grouped = await engine.query<GraphEvent & Record<string, unknown> & { count: bigint }>(
    'events.graphGrouped',
    `SELECT min(id) AS id, min(ts) AS ts, actor, any_value(actor_type) AS "actorType", kind, service, resource, action, severity,
            any_value(message) AS message, '' AS "callId", count(*) AS count
       FROM events
      WHERE kind = 'log' AND ${GRAPH_WORTHY} AND id NOT IN (${citedSql})
      GROUP BY actor, kind, service, resource, action, severity, regexp_replace(message, '[0-9]+', '#', 'g'), ts // 10000000000
      ORDER BY 2, 1 LIMIT 20000`,
  );
  const rows: GraphEvent[] = [...single, ...grouped.map((g) => ({ ...g, count: Number(g.count) }))];
  return rows.sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : a.id - b.id));
}
