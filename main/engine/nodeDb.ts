// duckdb-wasm's blocking Node build behind the shared Db interface, for the CLI and tests.
import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { Db } from '../../shared/db/db';
import { connectionDb, configureConnection, heapOf } from '../../shared/db/connectionDb';

const require = createRequire(import.meta.url);
// The CommonJS copy of Arrow that duckdb-wasm's Node build itself requires: the ESM copy does not
// recognise its Tables (dual-package hazard) and would serialise them as empty streams.
const { tableToIPC } = require('apache-arrow') as typeof import('apache-arrow');

/** duckdb-wasm's blocking Node bindings, instantiated (no connection yet). */
export async function nodeDuckDB(): Promise<duckdb.DuckDBBindings> {
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const bundles: duckdb.DuckDBBundles = {
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const instance = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await instance.instantiate();
  return instance;
}

export async function openNodeDb(): Promise<Db> {
  const instance = await nodeDuckDB();
  const conn = instance.connect();
  configureConnection(conn);
  return connectionDb(conn, { tableToIpc: (t) => tableToIPC(t, 'stream'), reset: () => instance.reset(), heap: heapOf(instance) });
}
