// Scenario fixtures (test/fixtures/scenarios) through analyze(): each divergence kind, its negative
// case, and every chain edge kind, with the evidence lines they must cite.
import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../../../shared/analysis/analyze';
import type { Db } from '../../../shared/db/db';
import type { AnalysisV1 } from '../../../shared/analysis/types';
import { scenarioDb, type ScenarioEvent } from './scenarioDb';
import { expandScenario, readScenario } from './loadScenario';

let db: Db | undefined;
afterEach(async () => { await db?.close(); db = undefined; });
async function run(name: string, without: string[] = []): Promise<{ out: AnalysisV1; events: ScenarioEvent[] }> {
  const events = expandScenario(readScenario(name), without);
  db = await scenarioDb(events);
  return { out: await analyze(db), events };
}
/** The fixture line of the first event matching, so expectations follow the fixture instead of restating it. */
const lineWhere = (events: ScenarioEvent[], f: (e: ScenarioEvent) => boolean) => events.find(f)!.line;
const kinds = (out: AnalysisV1) => out.divergences.map((d) => `${d.kind} ${d.resource}`);

describe('stale_context fixture', () => {
  it('reports alice\'s change with the audit line it rests on', async () => {
    const { out, events } = await run('stale', ['own', 'late', 'reread']);
    expect(kinds(out)).toEqual(['stale_context k8s:prod/deployment/payments']);
    const d = out.divergences[0];
    expect(d.actual.evidence.map((e) => e.line)).toEqual([lineWhere(events, (e) => e.actor === 'alice@example.com')]);
    expect(d.staleness_ms).toBe(415000);
  });
  it.each([
    ['the agent re-read the resource after the change', ['own', 'late']],
    ["the change was the agent's own", ['alice', 'late', 'reread']],
    ['the change came after the action', ['alice', 'own', 'reread']],
  ])('reports nothing when %s', async (_why, without) => {
    const { out } = await run('stale', without);
    expect(kinds(out)).toEqual([]);
  });
});

describe('contradicted fixture', () => {
  it("reports the agent stating 6 replicas after alice's change to 12", async () => {
    const { out, events } = await run('contradicted', ['cached', 'says12']);
    const d = out.divergences.filter((x) => x.kind === 'contradicted');
    expect(d.map((x) => [x.believed.value, x.actual.value, x.actual.changed_by])).toEqual([['6', '12', 'alice@example.com']]);
    expect(d[0].believed.evidence.map((e) => e.line)).toEqual([lineWhere(events, (e) => e.kind === 'agent_message')]);
    expect(d[0].actual.evidence.map((e) => e.line)).toEqual([lineWhere(events, (e) => e.kind === 'audit')]);
  });
  it('reports a tool output that disagrees with the record at that time', async () => {
    const { out, events } = await run('contradicted', ['says6', 'says12']);
    const d = out.divergences.filter((x) => x.kind === 'contradicted');
    expect(d.map((x) => [x.believed.observed_at, x.believed.value, x.actual.value])).toEqual([['2026-11-27T10:05:00.300Z', '6', '12']]);
    expect(d[0].believed.evidence.map((e) => e.line)).toEqual([lineWhere(events, (e) => e.kind === 'tool_result' && e.at.includes('10:05'))]);
  });
  it('reports nothing when what the agent said matches the record', async () => {
    const { out } = await run('contradicted', ['cached', 'says6']);
    expect(out.divergences.filter((x) => x.kind === 'contradicted')).toEqual([]);
  });
});

describe('environment_drift fixture', () => {
  it('reports payments going from 6/min to 60/min between the reading and the action', async () => {
    const { out, events } = await run('drift', ['steady']);
    expect(kinds(out)).toEqual(['environment_drift k8s:prod/deployment/payments']);
    const d = out.divergences[0];
    expect([d.believed.value, d.actual.value]).toEqual(['6.0', '60.0']);
    const payments = (hms: string) => lineWhere(events, (e) => e.service === 'payments' && e.at.includes(hms));
    expect(d.believed.evidence.filter((e) => e.source === 'app-logs.jsonl').map((e) => e.line)).toEqual([payments('T09:58:00'), payments('T09:59:00')]);
    expect(d.actual.evidence.map((e) => e.line)).toEqual([payments('T10:05:00'), payments('T10:06:00')]);
    expect(d.why).toContain('×10.0');
  });
  it('reports nothing when the traffic stayed the same', async () => {
    const { out } = await run('drift', ['campaign']);
    expect(kinds(out)).toEqual([]);
  });
});

describe('blind_spot fixture', () => {
  it('reports checkout, which calls payments, as never observed', async () => {
    const { out, events } = await run('blindSpot', ['readCheckout']);
    expect(kinds(out)).toEqual(['blind_spot svc:checkout']);
    const d = out.divergences[0];
    expect(d.actual.value).toBe('checkout calls payments');
    const first = (svc: string) => lineWhere(events, (e) => e.service === svc && e.traceId === 'tr0');
    expect(d.actual.evidence.map((e) => e.line).sort((a, b) => a - b)).toEqual([first('payments'), first('checkout')].sort((a, b) => a - b));
  });
  it('reports nothing when the agent read checkout before acting', async () => {
    const { out } = await run('blindSpot');
    expect(kinds(out)).toEqual([]);
  });
});

describe('causal chain fixture', () => {
  it('links every step from the tool call to recovery, with evidence', async () => {
    const { out, events } = await run('chain');
    const edge = (kind: string) => out.chain.edges.filter((e) => e.kind === kind);
    const line = (f: (e: ScenarioEvent) => boolean) => lineWhere(events, f);
    const at = (hms: string) => (e: ScenarioEvent) => e.kind === 'audit' && e.at.includes(`T${hms}`);
    for (const k of ['acted_on_stale', 'caused_write', 'controller_reaction', 'error_onset', 'propagated', 'alerted', 'intervened', 'recovered']) expect(edge(k).length, k).toBeGreaterThan(0);
    // Cause first, then effect: the tool call, then the audit write it caused.
    expect(edge('caused_write')[0].evidence.map((e) => [e.source, e.line])).toEqual([
      ['agent-trace.json', line((e) => e.kind === 'tool_call' && e.action === 'scale')],
      ['k8s-audit.jsonl', line((e) => e.kind === 'audit' && e.action === 'patch' && e.at.includes('10:07:00.180'))],
    ]);
    expect(edge('controller_reaction')[0].evidence).toHaveLength(2);
    expect(edge('error_onset')[0].evidence[0].line).toBe(line((e) => e.service === 'payments' && e.severity === 'error'));
    expect(edge('propagated')[0].evidence[0].line).toBe(line((e) => e.service === 'checkout' && e.severity === 'error'));
    expect(edge('alerted')[0].evidence[0].line).toBe(line((e) => e.service === 'alertmanager'));
    expect(edge('intervened').map((e) => e.evidence[0].line).sort((a, b) => a - b)).toEqual([line(at('10:09:00')), line(at('10:09:30'))].sort((a, b) => a - b));
    const lastError = events.filter((e) => e.service === 'payments' && e.severity === 'error').at(-1)!;
    expect(edge('recovered')[0].evidence[0].line).toBe(lastError.line);
    // The most probable path runs from the divergence to the customer-visible errors in checkout.
    const path = out.chain.most_probable_path.map((id) => out.chain.nodes.find((n) => n.id === id)!.kind);
    expect(path).toEqual(['divergence', 'tool_call', 'audit', 'controller', 'error', 'error']);
  });

  it('reports the intervention and what stopping earlier would have prevented', async () => {
    const { out } = await run('chain');
    expect(out.intervention).toMatchObject({
      first_impact: '2026-11-27T10:07:30.000Z', first_alert: '2026-11-27T10:08:30.000Z', stopped_at: '2026-11-27T10:09:00.000Z',
      stopped_by: 'bob@example.com', how: 'scaled k8s:agents/deployment/ops-agent to 0', kept_acting_ms: 90000, actions_after_first_impact: 0,
    });
    expect(out.intervention.counterfactual?.map((c) => [c.if_stopped_at, c.avoided_actions.length])).toEqual([['first_divergence', 1], ['first_alert', 0]]);
    expect(out.actors.find((a) => a.name === 'system:serviceaccount:agents:ops-agent')?.type).toBe('agent');
  });

  it('finds the error onset as a change point despite background errors', async () => {
    const { out, events } = await run('chainNoisy');
    const onset = out.chain.edges.find((e) => e.kind === 'error_onset')!;
    expect(onset.evidence[0].line).toBe(lineWhere(events, (e) => e.service === 'payments' && e.message === '503 connection pool exhausted'));
    expect(onset.why).toContain('(5 in the 5 minutes before');
  });

  it("finds the stop in the agent's transcript when nobody scaled it down", async () => {
    const { out, events } = await run('chain', ['stop']);
    expect(out.intervention).toMatchObject({ stopped_at: '2026-11-27T10:09:10.000Z', stopped_by: 'carol@example.com' });
    expect(out.intervention.how).toContain('Stop all changes now');
    const edge = out.chain.edges.find((e) => e.kind === 'intervened' && e.why.includes('stopped the agent'))!;
    expect(edge.evidence[0].line).toBe(lineWhere(events, (e) => e.kind === 'user_message'));
  });
});
