// A duckdb-wasm blocking connection behind the shared Db interface. The Node build (CLI, tests) and the
// browser build (engine worker) differ only in how they are opened, so both wrap their connection here.
import type { Table } from 'apache-arrow';
import type { Db, Row, SqlValue } from './db';
import { tableToRows } from './arrowRows';
import { wireParams } from './params';

/** The part of duckdb-wasm's DuckDBConnection (blocking builds) that Driftline uses. */
export interface BlockingConnection {
  query(sql: string): Table;
  prepare(sql: string): { query(...params: unknown[]): Table; close(): void };
  insertArrowFromIPCStream(ipc: Uint8Array, options: { name: string; create: boolean }): void;
  close(): void;
}

export interface ConnectionDbOptions {
  /** Serialises a result table; passed in because each build must use the Arrow copy it was built with. */
  tableToIpc(table: Table): Uint8Array;
  /** Releases the database instance after the connection closes. */
  reset(): void;
}

/**
 * Settings every Driftline connection needs:
 * - extension autoloading off: extensions come from the network, which offline hangs (Node) or fails (browser);
 * - no automatic checkpoints. The in-memory database otherwise checkpoints (compresses) after every 16 MiB
 *   written: measured inserting 1M events, a ~1 s stall every ~140k rows, 4–5 of 11 CPU s, and an explicit
 *   CHECKPOINT grows wasm memory (which never shrinks) several-fold. Queries on the uncompressed rows are
 *   no slower; the rows take ~40% more memory.
 */
export function configureConnection(conn: BlockingConnection): void {
  conn.query('SET autoload_known_extensions=false');
  conn.query('SET autoinstall_known_extensions=false');
  conn.query("SET checkpoint_threshold='1TB'");
}

export function connectionDb(conn: BlockingConnection, options: ConnectionDbOptions): Db {
  return {
    async query<T extends Row>(_tag: string, sql: string, params?: readonly SqlValue[]) {
      if (!params || params.length === 0) return tableToRows(conn.query(sql)) as T[];
      const stmt = conn.prepare(sql);
      try {
        return tableToRows(stmt.query(...wireParams(params))) as T[];
      } finally {
        stmt.close();
      }
    },
    async exec(_tag, sql) {
      conn.query(sql);
    },
    async queryIpc(_tag, sql) {
      return options.tableToIpc(conn.query(sql));
    },
    async insertArrow(table, ipc) {
      conn.insertArrowFromIPCStream(ipc, { name: table, create: false });
    },
    async close() {
      conn.close();
      options.reset();
    },
  };
}
