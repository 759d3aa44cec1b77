import { describe, expect, it } from 'vitest';
import { groupEvents, signature } from '../../../shared/graph/clusters';
import { ev } from './fixtures';

const err = (id: number, s: number, waiting: number) => ev(id, s, { severity: 'error', message: `503 connection pool exhausted (waiting=${waiting})` });

describe('groupEvents', () => {
  it('collapses a run of the same message (numbers masked) into one counted cluster', () => {
    const groups = groupEvents([ev(1, 0), err(2, 1, 3), err(3, 2, 9), err(4, 3, 12), err(5, 4, 40), ev(6, 5)]);
    expect(groups.map((g) => g.members.length)).toEqual([1, 4, 1]);
    expect(groups[1].clustered).toBe(true);
    expect(groups[1].members.map((m) => m.id)).toEqual([2, 3, 4, 5]);
  });

  it('keeps runs shorter than minRun as single events', () => {
    const groups = groupEvents([err(1, 0, 1), err(2, 1, 2)], { minRun: 3 });
    expect(groups.every((g) => !g.clustered)).toBe(true);
  });

  it('does not merge across lanes, and interleaved lanes keep their own runs', () => {
    const other = (id: number, s: number) => ev(id, s, { actor: 'checkout', service: 'checkout', severity: 'error', message: 'upstream 502' });
    const groups = groupEvents([err(1, 0, 1), other(2, 0.5), err(3, 1, 2), other(4, 1.5), err(5, 2, 3), other(6, 2.5)]);
    expect(groups.filter((g) => g.clustered).map((g) => [g.lane, g.members.length])).toEqual([
      ['payments', 3],
      ['checkout', 3],
    ]);
  });

  it('never hides a cited event inside a cluster', () => {
    const groups = groupEvents([err(1, 0, 1), err(2, 1, 2), err(3, 2, 3), err(4, 3, 4), err(5, 4, 5)], { pinned: new Set([3]) });
    expect(groups.find((g) => g.members.some((m) => m.id === 3))?.members).toHaveLength(1);
  });

  it('expands a cluster by id into its members, and the id is stable across rebuilds', () => {
    const rows = [err(1, 0, 1), err(2, 1, 2), err(3, 2, 3)];
    const [cluster] = groupEvents(rows);
    const again = groupEvents(rows);
    expect(again[0].id).toBe(cluster.id);
    const expanded = groupEvents(rows, { expanded: new Set([cluster.id]) });
    expect(expanded.map((g) => g.id)).toEqual(['e:1', 'e:2', 'e:3']);
  });

  it('signature ignores numbers and long hex ids but not words', () => {
    expect(signature(err(1, 0, 3))).toBe(signature(err(2, 0, 77)));
    expect(signature(ev(1, 0, { message: 'trace 4bf92f3577b34da6 ok' }))).toBe(signature(ev(2, 0, { message: 'trace a3ce929d0e0e4736 ok' })));
    expect(signature(ev(1, 0, { message: 'pool exhausted' }))).not.toBe(signature(ev(2, 0, { message: 'pool resized' })));
  });
});
