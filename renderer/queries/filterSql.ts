// The event filter as a SQL WHERE clause with parameters (pure, unit-tested): text search and field filters.
import type { SqlValue } from '../../shared/db/db';
import type { EventFilter } from '../state/appState';
import { SEARCHED } from './eventIndex';

export interface Where {
  sql: string;
  params: SqlValue[];
}

/**
 * `indexed`: the clause runs over the event index (see eventIndex.ts), whose `text` column holds the searched
 * columns already lower-cased, so a search is one substring test per row instead of five lower() calls.
 */
export function filterWhere(f: EventFilter, { indexed = false }: { indexed?: boolean } = {}): Where {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  // Control characters cannot be typed into the search box; dropping them also keeps the index's column
  // separator (U+001F) out of the needle, so a match never spans two columns.
  const needle = f.text.replace(/[\u0000-\u001f]/g, ' ').trim().toLowerCase();
  if (needle) {
    // contains(lower(…)) is a plain substring test: no wildcards to escape, and measured in chromium it is
    // several times faster than ILIKE with ESCAPE (100k events: 19 ms against 126 ms for the message column).
    if (indexed) {
      parts.push('contains(text, ?)');
      params.push(needle);
    } else {
      parts.push(`(${SEARCHED.map((c) => `contains(lower(${c}), ?)`).join(' OR ')})`);
      for (let i = 0; i < SEARCHED.length; i++) params.push(needle);
    }
  }
  for (const col of FIELD_FILTERS) {
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

/** The columns the filter bar matches exactly (the event index carries them all, see eventIndex.ts). */
export const FIELD_FILTERS = ['actor', 'service', 'resource', 'kind', 'severity'] as const;
export type FieldFilter = (typeof FIELD_FILTERS)[number];

export const hasFieldFilter = (f: EventFilter) => FIELD_FILTERS.some((c) => !!f[c]);
export const isFiltered = (f: EventFilter) => !!(f.text.trim() || hasFieldFilter(f) || f.from !== null || f.to !== null);
