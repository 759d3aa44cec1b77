import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../../../shared/analysis/analyze';
import type { Db } from '../../../shared/db/db';
import { AGENT_SA, PAYMENTS, audit, deploymentJson, scenarioDb, tool, type ScenarioEvent } from './scenarioDb';

// The sample's story in six events: read 6, alice sets 12, agent scales to 2 on its old reading.
const read = tool('c1', '10:00:04.700', '10:00:05.000', 12, 'get', PAYMENTS, deploymentJson('payments', 6));
const readAudit = audit('10:00:04.780', 3, AGENT_SA, 'get', PAYMENTS, { responseObject: JSON.parse(deploymentJson('payments', 6)) });
const alice = audit('10:03:00.000', 7, 'alice@example.com', 'patch', PAYMENTS, { objectRef: { subresource: 'scale' }, requestObject: { spec: { replicas: 12 } } });
const act = tool('c2', '10:07:00.000', '10:07:00.400', 40, 'scale', PAYMENTS, 'deployment.apps/payments scaled', { 'spec.replicas': 2 });
const actAudit = audit('10:07:00.180', 11, AGENT_SA, 'patch', PAYMENTS, { objectRef: { subresource: 'scale' }, requestObject: { spec: { replicas: 2 } } });

let db: Db | undefined;
afterEach(async () => { await db?.close(); db = undefined; });
const run = async (events: ScenarioEvent[]) => { db = await scenarioDb(events); return analyze(db); };

describe('stale_context', () => {
  it('reports the change someone else made between the reading and the action', async () => {
    const out = await run([...read, readAudit, alice, ...act, actAudit]);
    const stale = out.divergences.filter((d) => d.kind === 'stale_context');
    expect(stale).toHaveLength(1);
    const d = stale[0];
    expect(d.resource).toBe(PAYMENTS);
    expect(d.believed).toMatchObject({ fact: 'spec.replicas', value: '6', observed_at: '2026-11-27T10:00:05.000Z' });
    expect(d.believed.evidence.map((e) => [e.source, e.line])).toEqual([['agent-trace.otlp.json', 12], ['k8s-audit.jsonl', 3]]);
    expect(d.actual).toMatchObject({ fact: 'spec.replicas', value: '12', since: '2026-11-27T10:03:00.000Z', changed_by: 'alice@example.com' });
    expect(d.actual.evidence.map((e) => [e.source, e.line])).toEqual([['k8s-audit.jsonl', 7]]);
    expect(d.staleness_ms).toBe(415000);
    expect(d.action.evidence.map((e) => e.line)).toEqual([40, 11]);
    expect(d.why).toContain('alice@example.com');
    expect(out.actors.find((a) => a.name === AGENT_SA)?.type).toBe('agent');
    expect(out.actors.find((a) => a.name === 'alice@example.com')?.type).toBe('human');
  });

  it('finds nothing when the agent re-read the resource after the change and before acting', async () => {
    const reread = tool('c3', '10:06:50.000', '10:06:50.300', 30, 'get', PAYMENTS, deploymentJson('payments', 12));
    const out = await run([...read, readAudit, alice, ...reread, ...act, actAudit]);
    expect(out.divergences.filter((d) => d.kind === 'stale_context')).toEqual([]);
  });

  it("does not count the agent's own change as someone else's", async () => {
    const own = audit('10:03:00.000', 7, AGENT_SA, 'patch', PAYMENTS, { objectRef: { subresource: 'scale' }, requestObject: { spec: { replicas: 12 } } });
    const out = await run([...read, readAudit, own, ...act, actAudit]);
    expect(out.divergences.filter((d) => d.kind === 'stale_context')).toEqual([]);
  });

  it('ignores a change made after the action', async () => {
    const late = audit('10:08:00.000', 13, 'alice@example.com', 'patch', PAYMENTS, { objectRef: { subresource: 'scale' }, requestObject: { spec: { replicas: 12 } } });
    const out = await run([...read, readAudit, ...act, actAudit, late]);
    expect(out.divergences.filter((d) => d.kind === 'stale_context')).toEqual([]);
  });

  it('ignores controller status writes that leave the believed facts as they were', async () => {
    const status = audit('10:03:00.000', 7, 'system:serviceaccount:kube-system:deployment-controller', 'update', PAYMENTS, { objectRef: { subresource: 'status' } });
    const out = await run([...read, readAudit, status, ...act, actAudit]);
    expect(out.divergences).toEqual([]);
  });
});

describe('unobserved_target', () => {
  it('reports a write to a resource the agent never read', async () => {
    const out = await run([...act, actAudit]);
    expect(out.divergences.map((d) => [d.kind, d.resource, d.action.evidence[0].line])).toEqual([['unobserved_target', PAYMENTS, 40]]);
  });
});
