// A derived, temporary table for the event table and search: the events in time order, the columns the filter
// bar filters on, and the searchable text lower-cased once. A search then scans one column instead of
// lower-casing five per row, and a page deep in a million rows is a range of rowids instead of a sort (the
// table is written in (ts, id) order, so its rowid is the event's position). TEMP: never saved in an
// investigation file; rebuilt when the events change.
import type { EngineClient } from '../engine/client';

export const INDEX_TABLE = 'event_index';

/** The columns a search looks in, in the order they are joined; a unit separator keeps a match from spanning two. */
export const SEARCHED = ['message', 'actor', 'resource', 'service', 'action'] as const;
export const SEARCH_TEXT_SQL = `lower(concat_ws(chr(31), ${SEARCHED.join(', ')}))`;

// No row_number() window: it drags the wide text column through a second sort (3× slower measured at 1M).
const SELECT_SQL = `SELECT id, ts, actor, service, resource, kind, severity, ${SEARCH_TEXT_SQL} AS text FROM events`;
const STAGING = `${INDEX_TABLE}_next`;
/** Events per build step: one step holds the engine ~100–300 ms at 1M events, so queries slip in between. */
const CHUNK_ROWS = 65_536;

/**
 * Builds the index in time slices appended in order (so rowid stays the position), each a separate query: the
 * engine answers one query at a time, and one statement sorting a million rows held every view and search for
 * 2–6 s. Slices are also cheaper in total (small sorts). Built aside and renamed, so the table is never partial.
 */
async function build(engine: EngineClient, events: number): Promise<void> {
  const slices = Math.min(64, Math.ceil(events / CHUNK_ROWS));
  const bounds =
    slices <= 1
      ? []
      : // Quantiles of a sample: slices of about equal size without sorting every time (the exact ones cost ~300 ms).
        (await engine.query<{ b: bigint }>('index.bounds', `SELECT DISTINCT unnest(quantile_disc(ts, [${Array.from({ length: slices - 1 }, (_, i) => (i + 1) / slices).join(', ')}])) AS b
            FROM (SELECT ts FROM events USING SAMPLE reservoir(16384 ROWS) REPEATABLE (7)) ORDER BY b`))
          .map((r) => r.b)
          .filter((b) => b !== null);
  // [-∞, b1), [b1, b2), … [bk, +∞) and the untimed (NULL ts sorts last, as in ORDER BY ts, id).
  const wheres = bounds.length
    ? bounds.map((b, i) => (i === 0 ? `ts < ${b}` : `ts >= ${bounds[i - 1]} AND ts < ${b}`)).concat(`ts >= ${bounds[bounds.length - 1]} OR ts IS NULL`)
    : ['true'];
  for (const [i, where] of wheres.entries()) {
    const sql = `${SELECT_SQL} WHERE ${where} ORDER BY ts, id`;
    await engine.query('index.build', i === 0 ? `CREATE OR REPLACE TEMP TABLE ${STAGING} AS ${sql}` : `INSERT INTO ${STAGING} ${sql}`);
  }
  await engine.query('index.swap', `DROP TABLE IF EXISTS ${INDEX_TABLE}; ALTER TABLE ${STAGING} RENAME TO ${INDEX_TABLE}`);
}

/** What the events table holds, cheaply: a changed count, highest id or sum of times (a clock offset) means rebuild. */
const FINGERPRINT_SQL = 'SELECT count(*) AS n, coalesce(max(id), 0) AS m, coalesce(sum(ts), 0)::VARCHAR AS s FROM events';
// database_name, not `temporary`: DuckDB 1.4 reports a renamed temp table (as the build leaves it) as not temporary.
const PRESENT_SQL = `SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = 'temp' AND table_name = '${INDEX_TABLE}'`;

interface Entry {
  version: number;
  /** What the events table held at this data version (see FINGERPRINT_SQL): asked at once, never behind a build. */
  state: Promise<{ fingerprint: string; events: number }>;
  /** What the index table was built for before this version: the previous version's build, once it has finished. */
  builtBefore: Promise<string>;
  /** Started by the first caller that needs the index, not by those that only read the fingerprint. */
  ready?: Promise<boolean>;
  /** ready's value once settled, for callers that would rather not wait for a build. */
  settled?: boolean;
}

const entries = new WeakMap<EngineClient, Entry>();

function entryFor(engine: EngineClient, version: number): Entry {
  const prev = entries.get(engine);
  // An older version asked late (a stale effect) gets the current entry: the database only holds the newest.
  if (prev && prev.version >= version) return prev;
  const state = engine
    .query<{ n: bigint; m: number; s: string }>('index.fingerprint', FINGERPRINT_SQL)
    .then(([f]) => ({ fingerprint: `${f.n}:${f.m}:${f.s}`, events: Number(f.n) }))
    .catch(() => ({ fingerprint: '', events: 0 }));
  // Carried over while the events stay the same.
  const builtBefore = prev?.ready ? Promise.all([prev.ready, prev.state]).then(([ok, st]) => (ok ? st.fingerprint : '')) : Promise.resolve('');
  const entry: Entry = { version, state, builtBefore };
  entries.set(engine, entry);
  return entry;
}

/**
 * Resolves true once the index matches the events of this data version (building it if needed), false when it
 * cannot be built; callers then query the events table directly. One check per data version, shared by all callers.
 */
export function eventIndex(engine: EngineClient, version: number): Promise<boolean> {
  const entry = entryFor(engine, version);
  entry.ready ??= (async () => {
    const [now, before] = await Promise.all([entry.state, entry.builtBefore]);
    // Still there? A reset database has lost it.
    if (now.fingerprint && before === now.fingerprint && (await isPresent(engine))) return true;
    try {
      await build(engine, now.events);
      return true;
    } catch {
      return false;
    }
  })().then((ok) => (entry.settled = ok));
  return entry.ready;
}

const isPresent = (engine: EngineClient) =>
  engine.query<{ n: bigint }>('index.present', PRESENT_SQL).then(([r]) => Number(r?.n ?? 0) > 0, () => false);

/** True only if the index is already known to be ready for this version: for queries cheap enough without it. */
export const eventIndexReadyNow = (engine: EngineClient, version: number): boolean => entryFor(engine, version).settled === true;

/** A cheap summary of the events at this data version: equal fingerprints mean derived results can be reused. */
export const eventsFingerprint = (engine: EngineClient, version: number): Promise<string> => entryFor(engine, version).state.then((s) => s.fingerprint);

const MAX_DERIVED = 24;
const derived = new WeakMap<EngineClient, Map<string, { fingerprint: string; value: Promise<unknown> }>>();

/**
 * `compute()` once per state of the events table: a new data version whose events did not change (the analysis
 * finishing, a note added) reuses the last answer instead of scanning a million rows again.
 */
export async function perEvents<T>(engine: EngineClient, version: number, key: string, compute: () => Promise<T>): Promise<T> {
  const fingerprint = await eventsFingerprint(engine, version);
  const cache = derived.get(engine) ?? derived.set(engine, new Map()).get(engine)!;
  const hit = cache.get(key);
  if (fingerprint && hit?.fingerprint === fingerprint) return hit.value as Promise<T>;
  const value = compute();
  cache.delete(key);
  cache.set(key, { fingerprint, value });
  // Keys can carry arguments (the graph's cited events): keep the most recent few, oldest out first.
  while (cache.size > MAX_DERIVED) cache.delete(cache.keys().next().value!);
  value.catch(() => cache.get(key)?.value === value && cache.delete(key));
  return value;
}
