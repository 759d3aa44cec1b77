// The UI's event queries (tagged, typed, converted here so components get domain-shaped rows).
import type { EngineClient } from '../engine/client';
import type { EventFilter } from '../state/appState';
import { filterWhere, hasFieldFilter, isFiltered, type FieldFilter } from './filterSql';
import { eventIndex, eventIndexReadyNow, INDEX_TABLE, perEvents } from './eventIndex';

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

/** Thrown (as a rejection) when a query's answer was no longer wanted before its next engine round trip. */
export class SupersededError extends Error {
  constructor() {
    super('A newer filter replaced this one.');
    this.name = 'SupersededError';
  }
}

/** The engine runs one query at a time: a step for a filter nobody waits for any more would only delay the next. */
function check(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new SupersededError();
}

/** Exact number of events the filter keeps. `version` is the data version, which the event index follows. */
export async function countEvents(engine: EngineClient, f: EventFilter, version: number, signal?: AbortSignal): Promise<number> {
  const indexed = isFiltered(f) && (await eventIndex(engine, version));
  check(signal);
  // A search counts in the scan that finds its first page (see searchHead).
  if (indexed && hasText(f)) return (await searchHead(engine, f, version, signal)).n;
  // Rows first: a page takes two engine round trips, and a count slipped between them would delay what shows.
  await Promise.allSettled(pagesInFlight(engine));
  check(signal);
  const w = filterWhere(f, { indexed });
  const rows = await engine.query<{ n: bigint }>('events.count', `SELECT count(*) AS n FROM ${indexed ? INDEX_TABLE : 'events'} ${w.sql}`, w.params);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Rows `offset … offset + limit` of the filtered table in time order. With the event index, which ids from the
 * index (unfiltered: a range of rowids, no sort at all), joined back to their rows. Unfiltered pages do not wait
 * for an index still being built: the first pages are cheap without it.
 */
export function pageEvents(engine: EngineClient, f: EventFilter, offset: number, limit: number, version: number, signal?: AbortSignal): Promise<TableRow[]> {
  const page = queryPage(engine, f, offset, limit, version, signal);
  const inFlight = pagesInFlight(engine);
  inFlight.add(page);
  void page.finally(() => inFlight.delete(page)).catch(() => undefined);
  return page;
}

const inFlightPages = new WeakMap<EngineClient, Set<Promise<unknown>>>();
const pagesInFlight = (engine: EngineClient) => inFlightPages.get(engine) ?? inFlightPages.set(engine, new Set()).get(engine)!;

const hasText = (f: EventFilter) => !!f.text.trim();

async function queryPage(engine: EngineClient, f: EventFilter, offset: number, limit: number, version: number, signal?: AbortSignal): Promise<TableRow[]> {
  // Field filters alone (severity, kind, actor…) pick rows spread over the whole time span: a top-N over events
  // is cheaper than fetching scattered ids. The index pays off for text, time ranges and unfiltered paging.
  const direct = !hasText(f) && hasFieldFilter(f);
  const indexed = direct ? false : isFiltered(f) ? await eventIndex(engine, version) : eventIndexReadyNow(engine, version);
  check(signal);
  if (!indexed) {
    const w = filterWhere(f);
    return engine.query<TableRow & Record<string, unknown>>(
      'events.page',
      `SELECT ${TABLE_COLS} FROM events ${w.sql} ORDER BY ts, id LIMIT ${limit | 0} OFFSET ${offset | 0}`,
      w.params,
    );
  }
  let ids: number[];
  if (hasText(f) && offset + limit <= HEAD_ROWS) {
    ids = (await searchHead(engine, f, version, signal)).ids.slice(offset, offset + limit);
  } else {
    const w = filterWhere(f, { indexed: true });
    // No ORDER BY for a filtered page: the index is stored in time order and DuckDB keeps insertion order
    // (preserve_insertion_order, on by default), so the scan stops at the last row of the page instead of
    // testing every row and sorting the matches.
    const rows = await engine.query<{ id: number }>(
      'events.pageIds',
      isFiltered(f)
        ? `SELECT id FROM ${INDEX_TABLE} ${w.sql} LIMIT ${limit | 0} OFFSET ${offset | 0}`
        : `SELECT id FROM ${INDEX_TABLE} WHERE rowid >= ${offset | 0} AND rowid < ${(offset + limit) | 0}`,
      w.params,
    );
    ids = rows.map((r) => r.id);
  }
  check(signal);
  if (!ids.length) return [];
  return engine.query<TableRow & Record<string, unknown>>('events.page', rowsByIdSql(ids));
}

/** How many leading ids of a search the head scan returns: the table's first page. */
export const HEAD_ROWS = 256;

interface Head {
  /** Exact number of matches. */
  n: number;
  /** The first HEAD_ROWS matching ids, in time order. */
  ids: number[];
}

const heads = new WeakMap<EngineClient, Map<string, Promise<Head>>>();
const searchGates = new WeakMap<EngineClient, Promise<unknown>>();
const MAX_HEADS = 8;

/**
 * A search's exact count and its first page of ids from one scan of the index: the text test over every row is
 * the cost of a search, and a page query followed by a count paid it twice (at 1M events ~60 ms each). The
 * window keeps the scan's order (the index's time order, as for pages). Shared by the count and the first page,
 * and kept for the last few searches, so clearing and retyping a search costs nothing.
 */
function searchHead(engine: EngineClient, f: EventFilter, version: number, signal?: AbortSignal): Promise<Head> {
  const cache = heads.get(engine) ?? heads.set(engine, new Map()).get(engine)!;
  const w = filterWhere(f, { indexed: true });
  // Keyed by what runs: two spellings of one search ("Pool ", "pool") share an answer.
  const key = JSON.stringify([version, w.sql, w.params.map(String)]);
  const hit = cache.get(key);
  if (hit) return hit;
  // One search scan at a time, the newest wins: a head waits for the one before it, and is dropped if a newer
  // search replaced it meanwhile, so fast typing queues at most one stale scan instead of one per key.
  const head = (searchGates.get(engine) ?? Promise.resolve())
    .then(() => {
      check(signal);
      return engine.query<{ id: number; n: bigint }>('events.head', `SELECT id, count(*) OVER () AS n FROM ${INDEX_TABLE} ${w.sql} LIMIT ${HEAD_ROWS}`, w.params);
    })
    .then((rows) => ({ n: Number(rows[0]?.n ?? 0), ids: rows.map((r) => r.id) }));
  searchGates.set(engine, head.catch(() => undefined));
  cache.set(key, head);
  head.catch(() => cache.get(key) === head && cache.delete(key));
  while (cache.size > MAX_HEADS) cache.delete(cache.keys().next().value!);
  return head;
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

/** The values a filter menu offers, once per state of the events table. */
export function distinctValues(engine: EngineClient, column: FieldFilter, version: number): Promise<string[]> {
  return perEvents(engine, version, `distinct/${column}`, async () => {
    const rows = await engine.query<{ v: string }>(`events.distinct.${column}`, `SELECT DISTINCT ${column} AS v FROM events WHERE ${column} <> '' ORDER BY 1 LIMIT 500`);
    return rows.map((r) => r.v);
  });
}
