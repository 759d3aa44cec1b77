// The one database interface the analysis, importers and views use, whichever engine runs it.

export type SqlValue = string | number | bigint | boolean | null;
export type Row = Record<string, unknown>;

export interface Db {
  /**
   * Runs one statement and returns its rows as plain objects (BIGINT as bigint).
   * `tag` names the query in the query log (e.g. 'events.page').
   */
  query<T extends Row = Row>(tag: string, sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs statements that return nothing (DDL, several statements separated by `;`). */
  exec(tag: string, sql: string): Promise<void>;
  /** Appends an Arrow IPC stream to an existing table (columns matched by name). */
  insertArrow(table: string, ipc: Uint8Array): Promise<void>;
  /**
   * Optional: runs a query and returns its result as an Arrow IPC stream, without building row
   * objects (saving a million-event investigation through rows takes ~50 s; this, ~1 s).
   * Callers fall back to `query` where an engine lacks it.
   */
  queryIpc?(tag: string, sql: string): Promise<Uint8Array>;
  /**
   * Optional: makes room for about `bytes` more data in one step, ahead of a large insert. duckdb-wasm's
   * memory otherwise grows by ~20% at a time, and each growth is external memory to V8, which then marks
   * the whole JS heap again (see `reserveWasmMemory`).
   */
  reserve?(bytes: number): void;
  close(): Promise<void>;
}

export interface QueryLogEntry {
  tag: string;
  sql: string;
  ms: number;
  rows: number;
  at: number;
  error?: string;
}

/** Keeps the recent and the slow queries, for a debug panel (after Perfetto's queryLog). */
export class QueryLog {
  readonly recent: QueryLogEntry[] = [];
  readonly slow: QueryLogEntry[] = [];
  constructor(private readonly keep = 200, private readonly slowMs = 250) {}

  record(entry: QueryLogEntry): void {
    this.recent.push(entry);
    if (this.recent.length > this.keep) this.recent.shift();
    if (entry.ms >= this.slowMs) {
      this.slow.push(entry);
      if (this.slow.length > this.keep) this.slow.shift();
    }
  }
}

/** Wraps a Db so every query is timed and logged. */
export function withQueryLog(db: Db, log: QueryLog, now: () => number = () => performance.now()): Db {
  const timed = async <R>(tag: string, sql: string, run: () => Promise<R>, count: (r: R) => number): Promise<R> => {
    const start = now();
    try {
      const result = await run();
      log.record({ tag, sql, ms: now() - start, rows: count(result), at: Date.now() });
      return result;
    } catch (e) {
      log.record({ tag, sql, ms: now() - start, rows: 0, at: Date.now(), error: String(e) });
      throw e;
    }
  };
  return {
    query: (tag, sql, params) => timed(tag, sql, () => db.query(tag, sql, params), (r) => r.length),
    exec: (tag, sql) => timed(tag, sql, () => db.exec(tag, sql), () => 0),
    insertArrow: (table, ipc) => db.insertArrow(table, ipc),
    queryIpc: db.queryIpc ? (tag, sql) => timed(tag, sql, () => db.queryIpc!(tag, sql), () => 0) : undefined,
    reserve: db.reserve ? (bytes) => db.reserve!(bytes) : undefined,
    close: () => db.close(),
  } as Db;
}

/** Quotes a string as a SQL literal. Prefer params; this is for identifiers built from our own constants. */
export const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;
