// duckdb-wasm serialises prepared-statement parameters with JSON.stringify, which throws on bigint.
// Nanosecond times do not fit a double, so they travel as decimal text; DuckDB casts the text back to
// BIGINT from the column or comparison it meets (INSERT INTO … BIGINT, ts < ?), exactly.
import type { SqlValue } from './db';

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function wireParams(params: readonly SqlValue[]): (string | number | boolean | null)[] {
  return params.map((p) => (typeof p !== 'bigint' ? p : p <= SAFE && p >= -SAFE ? Number(p) : p.toString()));
}
