// Types for duckdb-wasm's blocking browser build, which its package exports map does not publish
// (vite.config.ts aliases the name to the file). The shapes are the same as the Node blocking build's.
declare module 'duckdb-browser-blocking' {
  import type { DuckDBBindings, DuckDBBundles, DuckDBRuntime, Logger } from '@duckdb/duckdb-wasm/blocking';
  export function createDuckDB(bundles: DuckDBBundles, logger: Logger, runtime: DuckDBRuntime): Promise<DuckDBBindings>;
  export const BROWSER_RUNTIME: DuckDBRuntime;
  export { VoidLogger } from '@duckdb/duckdb-wasm/blocking';
}
