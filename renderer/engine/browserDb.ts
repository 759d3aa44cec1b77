// duckdb-wasm's blocking browser build behind the shared Db interface, running inside the engine worker.
// Blocking (not AsyncDuckDB) because we already are in a worker: a second, nested worker would only add
// a message hop per query and a copy of every Arrow result.
import { BROWSER_RUNTIME, VoidLogger, createDuckDB } from 'duckdb-browser-blocking';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import type { Db } from '../../shared/db/db';
import { connectionDb, configureConnection, heapOf } from '../../shared/db/connectionDb';
import { tableToRows } from '../../shared/db/arrowRows';
import { tableToIPC } from 'apache-arrow';

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
  // The app works offline and sends nothing out: never let DuckDB reach for an extension.
  configureConnection(conn);
  const version = String(tableToRows(conn.query('SELECT version() AS v'))[0]?.v ?? '');
  const db = connectionDb(conn, { tableToIpc: (t) => tableToIPC(t, 'stream'), reset: () => instance.reset(), heap: heapOf(instance) });
  return { db, version };
}
