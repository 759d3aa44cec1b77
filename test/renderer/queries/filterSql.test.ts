import { describe, expect, it } from 'vitest';
import { filterWhere, isFiltered } from '../../../renderer/queries/filterSql';
import { NO_FILTER } from '../../../renderer/state/appState';

describe('filterWhere', () => {
  it('is empty without a filter', () => {
    expect(filterWhere(NO_FILTER)).toEqual({ sql: '', params: [] });
    expect(isFiltered(NO_FILTER)).toBe(false);
  });

  it('searches text in several columns with one parameter each, never inlined', () => {
    const w = filterWhere({ ...NO_FILTER, text: "  O'Brien 100%_x " });
    expect(w.sql).not.toContain('brien');
    expect(w.params).toHaveLength((w.sql.match(/\?/g) ?? []).length);
    // Lower-cased and trimmed, and wildcards are literal: contains() has none.
    expect(w.params.every((p) => p === "o'brien 100%_x")).toBe(true);
    expect(w.sql).toContain('contains(lower(message), ?)');
  });

  it('combines field filters with AND, in parameter order', () => {
    const w = filterWhere({ ...NO_FILTER, actor: 'ops-agent', kind: 'tool_call', severity: 'error' });
    expect(w.sql).toBe('WHERE actor = ? AND kind = ? AND severity = ?');
    expect(w.params).toEqual(['ops-agent', 'tool_call', 'error']);
  });

  it('filters by service and resource too', () => {
    const w = filterWhere({ ...NO_FILTER, service: 'payments', resource: 'k8s:prod/deployment/payments' });
    expect(w.sql).toBe('WHERE service = ? AND resource = ?');
    expect(w.params).toEqual(['payments', 'k8s:prod/deployment/payments']);
    expect(isFiltered({ ...NO_FILTER, resource: 'k8s:prod/deployment/payments' })).toBe(true);
  });

  it('bounds time by the brushed range, nanoseconds kept as bigint', () => {
    const w = filterWhere({ ...NO_FILTER, from: 1_795_000_000_000_000_001n, to: 1_795_000_060_000_000_000n });
    expect(w.sql).toBe('WHERE ts >= ? AND ts <= ?');
    expect(w.params).toEqual([1_795_000_000_000_000_001n, 1_795_000_060_000_000_000n]);
    expect(isFiltered({ ...NO_FILTER, from: 1n })).toBe(true);
  });
});
