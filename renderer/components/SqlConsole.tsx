// SQL over the investigation's tables (events, sources, raw_records, import_errors), results in a grid.
import { useState } from 'react';
import { toggleSql } from '../actions';
import type { Row } from '../../shared/db/db';
import { useServices } from '../state/context';

const EXAMPLE = "SELECT actor, kind, count(*) AS n FROM events GROUP BY ALL ORDER BY n DESC LIMIT 20";
const MAX_ROWS = 1000;

export function SqlConsole() {
  const services = useServices();
  const [sql, setSql] = useState(EXAMPLE);
  const [result, setResult] = useState<{ rows: Row[]; ms: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    const start = performance.now();
    try {
      const rows = await services.engine.query('console', sql);
      setResult({ rows, ms: performance.now() - start });
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const cols = result?.rows.length ? Object.keys(result.rows[0]) : [];
  return (
    <section className="panel sql-console" data-testid="sql-console" aria-label="SQL console">
      <header>
        <h2>SQL console</h2>
        <span className="muted" style={{ fontWeight: 400 }}>tables: events, sources, raw_records, import_errors · Ctrl+Enter runs</span>
        <span style={{ flex: 1 }} />
        <button type="button" className="btn small" onClick={() => void toggleSql.run(services)}>Close</button>
      </header>
      <div className="body">
        <textarea
          aria-label="SQL query"
          data-testid="sql-input"
          value={sql}
          onChange={(e) => setSql(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void run();
            }
          }}
        />
        <div>
          <button type="button" className="btn primary" data-testid="sql-run" onClick={() => void run()}>Run</button>{' '}
          {result && <span className="muted" data-testid="sql-status">{result.rows.length} rows · {Math.round(result.ms)} ms{result.rows.length > MAX_ROWS ? ` (first ${MAX_ROWS} shown)` : ''}</span>}
        </div>
        {error && <p role="alert" className="notice">{error}</p>}
        {result && (
          <table data-testid="sql-results">
            <thead>
              <tr>{cols.map((c) => <th key={c}>{c}</th>)}</tr>
            </thead>
            <tbody>
              {result.rows.slice(0, MAX_ROWS).map((r, i) => (
                <tr key={i}>{cols.map((c) => <td key={c}>{cell(r[c])}</td>)}</tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'object') return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
  return String(v);
}
