// The event filter as a SQL WHERE clause with parameters (pure, unit-tested): text search and field filters.
import type { SqlValue } from '../../shared/db/db';
import type { EventFilter } from '../state/appState';

export interface Where {
  sql: string;
  params: SqlValue[];
}

/** Escapes LIKE wildcards so a search for "100%" finds the text "100%", not everything. */
export const likeLiteral = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function filterWhere(f: EventFilter): Where {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  const text = f.text.trim();
  if (text) {
    const like = likeLiteral(text);
    parts.push("(message ILIKE ? ESCAPE '\\' OR actor ILIKE ? ESCAPE '\\' OR resource ILIKE ? ESCAPE '\\' OR service ILIKE ? ESCAPE '\\' OR action ILIKE ? ESCAPE '\\')");
    params.push(like, like, like, like, like);
  }
  for (const col of ['actor', 'kind', 'severity'] as const) {
    if (f[col]) {
      parts.push(`${col} = ?`);
      params.push(f[col]);
    }
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export const isFiltered = (f: EventFilter) => !!(f.text.trim() || f.actor || f.kind || f.severity);
