// duckdb-wasm's blocking Node build behind the shared Db interface, for the CLI and tests.
import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { Db, Row, SqlValue } from '../../shared/db/db';
import { tableToRows } from '../../shared/db/arrowRows';
import { wireParams } from '../../shared/db/params';

const require = createRequire(import.meta.url);
// The CommonJS copy of Arrow that duckdb-wasm's Node build itself requires: the ESM copy does not
// recognise its Tables (dual-package hazard) and would serialise them as empty streams.
const { tableToIPC } = require('apache-arrow') as typeof import('apache-arrow');

export async function openNodeDb(): Promise<Db> {
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const bundles: duckdb.DuckDBBundles = {
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const logger = new duckdb.VoidLogger();
  const instance = await duckdb.createDuckDB(bundles, logger, duckdb.NODE_RUNTIME);
  await instance.instantiate();
  const conn = instance.connect();
  // Extensions would be fetched from the network; offline that hangs forever in Node.
  conn.query('SET autoload_known_extensions=false');
  conn.query('SET autoinstall_known_extensions=false');

  return {
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
}
