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
const BUILD_SQL = `CREATE OR REPLACE TEMP TABLE ${INDEX_TABLE} AS
  SELECT id, ts, actor, kind, severity, ${SEARCH_TEXT_SQL} AS text FROM events ORDER BY ts, id`;

/** What the events table holds, cheaply: a changed count, highest id or sum of times (a clock offset) means rebuild. */
const FINGERPRINT_SQL = `SELECT count(*) AS n, coalesce(max(id), 0) AS m, coalesce(sum(ts), 0)::VARCHAR AS s,
  (SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = '${INDEX_TABLE}') AS present FROM events`;

interface Entry {
  version: number;
  /** What the events table held at this data version (see FINGERPRINT_SQL), and whether the index table exists. */
  state: Promise<{ fingerprint: string; present: boolean }>;
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
  // After any previous build has finished, so `present` sees its table (and a reset database, the lack of one).
  const state = (prev?.ready ?? Promise.resolve(false))
    .then(() => engine.query<{ n: bigint; m: number; s: string; present: bigint }>('index.fingerprint', FINGERPRINT_SQL))
    .then(([f]) => ({ fingerprint: `${f.n}:${f.m}:${f.s}`, present: Number(f.present) > 0 }))
    .catch(() => ({ fingerprint: '', present: false }));
  const entry: Entry = { version, state };
  // What the table was last built for: carried over while the events stay the same.
  const built = prev?.ready ? Promise.all([prev.ready, prev.state]).then(([ok, st]) => (ok ? st.fingerprint : '')) : Promise.resolve('');
  entries.set(engine, entry);
  builtFor.set(entry, built);
  return entry;
}

const builtFor = new WeakMap<Entry, Promise<string>>();

/**
 * Resolves true once the index matches the events of this data version (building it if needed), false when it
 * cannot be built; callers then query the events table directly. One check per data version, shared by all callers.
 */
export function eventIndex(engine: EngineClient, version: number): Promise<boolean> {
  const entry = entryFor(engine, version);
  entry.ready ??= (async () => {
    const [now, before] = await Promise.all([entry.state, builtFor.get(entry)!]);
    if (now.fingerprint && now.present && before === now.fingerprint) return true;
    try {
      await engine.query('index.build', BUILD_SQL);
      return true;
    } catch {
      return false;
    }
  })().then((ok) => (entry.settled = ok));
  return entry.ready;
}

/** True only if the index is already known to be ready for this version: for queries cheap enough without it. */
export const eventIndexReadyNow = (engine: EngineClient, version: number): boolean => entryFor(engine, version).settled === true;

/** A cheap summary of the events at this data version: equal fingerprints mean derived results can be reused. */
export const eventsFingerprint = (engine: EngineClient, version: number): Promise<string> => entryFor(engine, version).state.then((s) => s.fingerprint);

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
  cache.set(key, { fingerprint, value });
  value.catch(() => cache.get(key)?.value === value && cache.delete(key));
  return value;
}
