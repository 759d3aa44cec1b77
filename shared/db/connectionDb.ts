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
  /** The Emscripten module under the connection, when reachable: enables `Db.reserve`. */
  heap?: WasmHeap;
}

/** The part of duckdb-wasm's Emscripten module (`bindings.mod`) that `reserveWasmMemory` uses. */
export interface WasmHeap {
  _malloc(bytes: number): number;
  _free(ptr: number): void;
  /** A view of the whole wasm memory: its length is the memory's size. */
  HEAPU8: Uint8Array;
}

/** The Emscripten module of duckdb-wasm bindings (`bindings.mod`, typed without its allocator), if it has one. */
export function heapOf(bindings: object): WasmHeap | undefined {
  const mod = (bindings as { mod?: Partial<WasmHeap> }).mod;
  return typeof mod?._malloc === 'function' && typeof mod._free === 'function' && mod.HEAPU8 instanceof Uint8Array ? (mod as WasmHeap) : undefined;
}

/** The most one reservation asks for: wasm memory is at most 4 GiB. */
export const MAX_RESERVE_BYTES = 1 << 30;

/**
 * Makes room for about `bytes` at the top of wasm memory, growing it in one step if it must grow: allocates
 * that much and frees it again, leaving the block to the allocator DuckDB allocates from. The new pages stay
 * untouched (no resident memory) until DuckDB writes to them. With room enough already, nothing changes.
 *
 * Why: left alone, the memory grows by ~20% at a time while rows arrive. V8 counts each growth as external
 * memory and marks the whole JS heap (~70 MB, mostly duckdb-wasm's own) after every few. Measured importing
 * the 100 MB benchmark folder: 10 such collections without, 1 with, and ~0.6 CPU s less on V8's helper
 * threads (0.3 s wall). A failed allocation only means no reservation.
 */
export function reserveWasmMemory(heap: WasmHeap, bytes: number): void {
  const want = Math.min(Math.floor(bytes), MAX_RESERVE_BYTES);
  if (want < 1 << 20) return;
  const ptr = heap._malloc(want);
  if (ptr) heap._free(ptr);
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
    reserve: options.heap ? (bytes) => reserveWasmMemory(options.heap!, bytes) : undefined,
    async close() {
      conn.close();
      options.reset();
    },
  };
}
