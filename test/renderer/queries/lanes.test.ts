import { describe, expect, it } from 'vitest';
import { mergeLanes } from '../../../renderer/queries/lanes';

const r = (first: string, second: string, actorType: string, bucket: number, n: number, errors = 0) => ({ first, second, actorType, bucket, n, errors, writes: 0 });

describe('swimlanes from density rows', () => {
  it('names lanes by actor else service, by service else actor, or by resource', () => {
    const lanes = (by: 'actor' | 'service' | 'resource', rows: ReturnType<typeof r>[]) => [...new Set(mergeLanes(rows, by).map((b) => b.lane))];
    expect(lanes('actor', [r('alice', 'payments', 'human', 0, 1), r('', 'payments', 'system', 0, 2)])).toEqual(['alice', 'svc:payments']);
    expect(lanes('service', [r('payments', 'alice', 'human', 0, 1), r('', 'ops-agent', 'agent', 0, 2)])).toEqual(['ops-agent', 'svc:payments']);
    expect(lanes('resource', [r('k8s:prod/deployment/payments', 'payments', 'agent', 0, 1), r('', 'payments', 'system', 0, 2)])).toEqual(['(no resource)', 'k8s:prod/deployment/payments']);
  });

  it('adds up what falls in the same lane and bucket, and colours a mixed lane by the agent that acted in it', () => {
    const rows = mergeLanes([r('svc-a', 'bob', 'human', 3, 2, 1), r('svc-a', 'ops-agent', 'agent', 3, 5), r('svc-a', 'controller', 'system', 4, 7)], 'service');
    expect(rows).toEqual([
      { lane: 'svc:svc-a', actorType: 'agent', bucket: 3, n: 7, errors: 1, writes: 0 },
      { lane: 'svc:svc-a', actorType: 'agent', bucket: 4, n: 7, errors: 0, writes: 0 },
    ]);
  });

  it('draws the quietest lanes beyond the limit together in a last lane, losing no event', () => {
    const rows = Array.from({ length: 10 }, (_, i) => r(`res-${i}`, '', 'system', 0, 100 - i));
    const out = mergeLanes(rows, 'resource', 4);
    expect(out.map((b) => b.lane)).toEqual(['res-0', 'res-1', 'res-2', '(7 more)']);
    expect(out.reduce((n, b) => n + b.n, 0)).toBe(rows.reduce((n, x) => n + x.n, 0));
    // At the limit, no lane is merged.
    expect(mergeLanes(rows.slice(0, 4), 'resource', 4).map((b) => b.lane)).toEqual(['res-0', 'res-1', 'res-2', 'res-3']);
  });
});
