// The UI's event queries (tagged, typed, converted here so components get domain-shaped rows).
import type { EngineClient } from '../engine/client';
import type { GraphEvent } from '../../shared/graph/types';
import type { EventFilter } from '../state/appState';
import { filterWhere, isFiltered } from './filterSql';
import { eventIndex, eventIndexReadyNow, INDEX_TABLE, perEvents } from './eventIndex';
import { WRITE_ACTIONS } from '../../shared/model/event';

const WRITE_SQL = [...WRITE_ACTIONS].map((a) => `'${a}'`).join(', ');

export interface TableRow {
  id: number;
  ts: bigint;
  kind: string;
  actor: string;
  actorType: string;
  service: string;
  resource: string;
  action: string;
  severity: string;
  message: string;
}

const TABLE_COLS = 'id, ts, kind, actor, actor_type AS "actorType", service, resource, action, severity, message';

/** Exact number of events the filter keeps. `version` is the data version, which the event index follows. */
export async function countEvents(engine: EngineClient, f: EventFilter, version: number): Promise<number> {
  const indexed = isFiltered(f) && (await eventIndex(engine, version));
  // Rows first: a page takes two engine round trips, and a count slipped between them would delay what shows.
  await Promise.allSettled(pagesInFlight(engine));
  const w = filterWhere(f, { indexed });
  const rows = await engine.query<{ n: bigint }>('events.count', `SELECT count(*) AS n FROM ${indexed ? INDEX_TABLE : 'events'} ${w.sql}`, w.params);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Rows `offset … offset + limit` of the filtered table in time order. With the event index, which ids from the
 * index (unfiltered: a range of rowids, no sort at all), joined back to their rows. Unfiltered pages do not wait
 * for an index still being built: the first pages are cheap without it.
 */
export function pageEvents(engine: EngineClient, f: EventFilter, offset: number, limit: number, version: number): Promise<TableRow[]> {
  const page = queryPage(engine, f, offset, limit, version);
  const inFlight = pagesInFlight(engine);
  inFlight.add(page);
  void page.finally(() => inFlight.delete(page)).catch(() => undefined);
  return page;
}

const inFlightPages = new WeakMap<EngineClient, Set<Promise<unknown>>>();
const pagesInFlight = (engine: EngineClient) => inFlightPages.get(engine) ?? inFlightPages.set(engine, new Set()).get(engine)!;

async function queryPage(engine: EngineClient, f: EventFilter, offset: number, limit: number, version: number): Promise<TableRow[]> {
  // Field filters alone (severity, kind, actor) pick rows spread over the whole time span: a top-N over events
  // is cheaper than fetching scattered ids. The index pays off for text, time ranges and unfiltered paging.
  const direct = !f.text.trim() && !!(f.actor || f.kind || f.severity);
  const indexed = direct ? false : isFiltered(f) ? await eventIndex(engine, version) : eventIndexReadyNow(engine, version);
  if (!indexed) {
    const w = filterWhere(f);
    return engine.query<TableRow & Record<string, unknown>>(
      'events.page',
      `SELECT ${TABLE_COLS} FROM events ${w.sql} ORDER BY ts, id LIMIT ${limit | 0} OFFSET ${offset | 0}`,
      w.params,
    );
  }
  const w = filterWhere(f, { indexed: true });
  // No ORDER BY for a filtered page: the index is stored in time order and DuckDB keeps insertion order
  // (preserve_insertion_order, on by default), so the scan stops at the last row of the page instead of
  // testing every row and sorting the matches.
  const ids = await engine.query<{ id: number }>(
    'events.pageIds',
    isFiltered(f)
      ? `SELECT id FROM ${INDEX_TABLE} ${w.sql} LIMIT ${limit | 0} OFFSET ${offset | 0}`
      : `SELECT id FROM ${INDEX_TABLE} WHERE rowid >= ${offset | 0} AND rowid < ${(offset + limit) | 0}`,
    w.params,
  );
  if (!ids.length) return [];
  return engine.query<TableRow & Record<string, unknown>>('events.page', rowsByIdSql(ids.map((r) => r.id)));
}

/**
 * The rows of some events by id, as one scan per run of nearby ids. Ids follow file order, so a page of events
 * is a few runs (one per file it draws from); each `BETWEEN` lets DuckDB skip all other row groups, which a
 * join or a plain IN list did not (measured at 1M events: 20 ms against 290 ms when a page mixes two files).
 */
export function rowsByIdSql(ids: number[]): string {
  const sorted = [...new Set(ids.map((i) => i | 0))].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const id of sorted) {
    const run = runs[runs.length - 1];
    if (run && id - run[run.length - 1] <= RUN_GAP) run.push(id);
    else runs.push([id]);
  }
  // Ids scattered over many files: one scan with the list beats planning dozens of them.
  if (runs.length > MAX_RUNS) return `SELECT ${TABLE_COLS} FROM events WHERE id IN (${sorted.join(',')}) ORDER BY ts, id`;
  const parts = runs.map((run) => {
    const lo = run[0];
    const hi = run[run.length - 1];
    // Only the ids asked for: a run may skip some ids in its span.
    const exact = hi - lo + 1 === run.length ? '' : ` AND id IN (${run.join(',')})`;
    return `SELECT ${TABLE_COLS} FROM events WHERE id BETWEEN ${lo} AND ${hi}${exact}`;
  });
  return `SELECT * FROM (${parts.join(' UNION ALL ')}) ORDER BY ts, id`;
}

/** Ids closer than this share one range scan (a DuckDB vector holds 2,048 rows). */
const RUN_GAP = 2048;
const MAX_RUNS = 24;

/** Position of an event in the filtered, time-ordered table (null when the filter hides it). */
export async function rowIndexOf(engine: EngineClient, f: EventFilter, id: number, version: number): Promise<number | null> {
  const indexed = isFiltered(f) ? await eventIndex(engine, version) : eventIndexReadyNow(engine, version);
  if (indexed && !isFiltered(f)) {
    const rows = await engine.query<{ n: bigint }>('events.rowIndex', `SELECT rowid AS n FROM ${INDEX_TABLE} WHERE id = ?`, [id]);
    return rows[0] ? Number(rows[0].n) : null;
  }
  if (indexed) {
    const w = filterWhere(f, { indexed: true });
    const rows = await engine.query<{ n: bigint; present: bigint }>(
      'events.rowIndex',
      `WITH me AS (SELECT rowid AS rn FROM ${INDEX_TABLE} WHERE id = ?)
       SELECT count(*) FILTER (WHERE x.rowid < me.rn) AS n, count(*) FILTER (WHERE x.id = ?) AS present
         FROM ${INDEX_TABLE} x, me ${w.sql}`,
      [id, id, ...w.params],
    );
    return rows[0] && Number(rows[0].present) > 0 ? Number(rows[0].n) : null;
  }
  const w = filterWhere(f);
  const and = w.sql ? `${w.sql} AND` : 'WHERE';
  const rows = await engine.query<{ n: bigint; present: bigint }>(
    'events.rowIndex',
    `WITH me AS (SELECT ts, id FROM events WHERE id = ?)
     SELECT (SELECT count(*) FROM events, me ${and} (events.ts < me.ts OR (events.ts = me.ts AND events.id < me.id))) AS n,
            (SELECT count(*) FROM events ${and} id = ?) AS present`,
    [id, ...w.params, ...w.params, id],
  );
  return rows[0] && Number(rows[0].present) > 0 ? Number(rows[0].n) : null;
}

export interface EventDetail extends TableRow {
  sourceId: number;
  sourceLine: number;
  sourcePointer: string;
  endTs: bigint | null;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  callId: string;
  attributes: string;
  path: string | null;
  format: string | null;
  raw: string | null;
}

export async function eventDetail(engine: EngineClient, id: number): Promise<EventDetail | null> {
  const rows = await engine.query<EventDetail & Record<string, unknown>>(
    'events.detail',
    `SELECT e.id, e.ts, e.kind, e.actor, e.actor_type AS "actorType", e.service, e.resource, e.action, e.severity, e.message,
            e.source_id AS "sourceId", e.source_line AS "sourceLine", e.source_pointer AS "sourcePointer", e.end_ts AS "endTs",
            e.trace_id AS "traceId", e.span_id AS "spanId", e.parent_span_id AS "parentSpanId", e.call_id AS "callId", e.attributes,
            s.path, s.format, r.raw
       FROM events e LEFT JOIN sources s ON s.id = e.source_id LEFT JOIN raw_records r ON r.event_id = e.id
      WHERE e.id = ?`,
    [id],
  );
  return rows[0] ?? null;
}

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
export async function graphEvents(engine: EngineClient, cited: number[], individualLimit = 5000): Promise<GraphEvent[]> {
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

/** The values a filter menu offers, once per state of the events table. */
export function distinctValues(engine: EngineClient, column: 'actor' | 'kind' | 'severity', version: number): Promise<string[]> {
  return perEvents(engine, version, `distinct/${column}`, async () => {
    const rows = await engine.query<{ v: string }>(`events.distinct.${column}`, `SELECT DISTINCT ${column} AS v FROM events WHERE ${column} <> '' ORDER BY 1 LIMIT 500`);
    return rows.map((r) => r.v);
  });
}
