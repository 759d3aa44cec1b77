// The event filter as a SQL WHERE clause with parameters (pure, unit-tested): text search and field filters.
import type { SqlValue } from '../../shared/db/db';
import type { EventFilter } from '../state/appState';

export interface Where {
  sql: string;
  params: SqlValue[];
}

const SEARCHED = ['message', 'actor', 'resource', 'service', 'action'] as const;

export function filterWhere(f: EventFilter): Where {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  const text = f.text.trim();
  if (text) {
    // contains(lower(…)) is a plain substring test: no wildcards to escape, and measured in chromium it is
    // several times faster than ILIKE with ESCAPE (100k events: 19 ms against 126 ms for the message column).
    const needle = text.toLowerCase();
    parts.push(`(${SEARCHED.map((c) => `contains(lower(${c}), ?)`).join(' OR ')})`);
    for (let i = 0; i < SEARCHED.length; i++) params.push(needle);
  }
  for (const col of ['actor', 'kind', 'severity'] as const) {
    if (f[col]) {
      parts.push(`${col} = ?`);
      params.push(f[col]);
    }
  }
  if (f.from !== null) {
    parts.push('ts >= ?');
    params.push(f.from);
  }
  if (f.to !== null) {
    parts.push('ts <= ?');
    params.push(f.to);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export const isFiltered = (f: EventFilter) => !!(f.text.trim() || f.actor || f.kind || f.severity || f.from !== null || f.to !== null);
