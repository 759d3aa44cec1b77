// duckdb-wasm's blocking browser build behind the shared Db interface, running inside the engine worker.
// Blocking (not AsyncDuckDB) because we already are in a worker: a second, nested worker would only add
// a message hop per query and a copy of every Arrow result.
import { BROWSER_RUNTIME, VoidLogger, createDuckDB } from 'duckdb-browser-blocking';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import type { Db, Row, SqlValue } from '../../shared/db/db';
import { tableToRows } from '../../shared/db/arrowRows';
import { tableToIPC } from 'apache-arrow';
import { wireParams } from '../../shared/db/params';

export interface OpenedDb {
  db: Db;
  version: string;
}

export async function openBrowserDb(): Promise<OpenedDb> {
  // Only the eh bundle ships; both slots name it so feature detection can never pick a missing file.
  const bundle = { mainModule: new URL(ehWasm, self.location.href).href, mainWorker: '' };
  const instance = await createDuckDB({ mvp: bundle, eh: bundle }, new VoidLogger(), BROWSER_RUNTIME);
  await instance.instantiate(() => undefined);
  const conn = instance.connect();
  // Extensions would be fetched from the network: never, the app works offline and sends nothing out.
  conn.query('SET autoload_known_extensions=false');
  conn.query('SET autoinstall_known_extensions=false');
  const version = String(tableToRows(conn.query('SELECT version() AS v'))[0]?.v ?? '');

  const db: Db = {
    async query<T extends Row>(_tag: string, sql: string, params?: readonly SqlValue[]) {
      if (params && params.length) {
        const stmt = conn.prepare(sql);
        try {
          return tableToRows(stmt.query(...wireParams(params))) as T[];
        } finally {
          stmt.close();
        }
      }
      return tableToRows(conn.query(sql)) as T[];
    },
    async exec(_tag, sql) {
      conn.query(sql);
    },
    async queryIpc(_tag, sql) {
      return tableToIPC(conn.query(sql), 'stream');
    },
    async insertArrow(table, ipc) {
      conn.insertArrowFromIPCStream(ipc, { name: table, create: false });
    },
    async close() {
      conn.close();
      instance.reset();
    },
  };
  return { db, version };
}
