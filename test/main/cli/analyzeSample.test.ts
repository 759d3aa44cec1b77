// The sample investigation through the real CLI path: importers, analysis, JSON and Markdown output.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/index';
import type { AnalysisV1, Evidence } from '../../../shared/analysis/types';
import { captureIo, repoRoot } from './captureIo';
import { validate } from './miniSchema';

const SAMPLE = 'assets/samples/payments-scale-down';
let first = '';
let analysis: AnalysisV1;

const lineOf = (ev: Evidence) => readFileSync(path.join(repoRoot, ev.source), 'utf8').split('\n')[ev.line - 1];
/** The span a pointer names inside the OTLP document, to check the cited line is that span's. */
function spanAt(ev: Evidence): Record<string, unknown> {
  let node: unknown = JSON.parse(readFileSync(path.join(repoRoot, ev.source), 'utf8'));
  for (const part of (ev.pointer ?? '').split('/').slice(1)) node = (node as Record<string, unknown>)[part];
  return node as Record<string, unknown>;
}

beforeAll(async () => {
  const io = captureIo();
  const code = await runCli(['analyze', SAMPLE, '--format', 'json'], io);
  expect(io.err).not.toMatch(/\n\s+at /);
  expect(code).toBe(0);
  first = io.out;
  analysis = JSON.parse(first) as AnalysisV1;
});

describe('driftline analyze on the sample', () => {
  it('reports the three evidence files with formats and counts, and skips the README', () => {
    expect(analysis.schema).toBe('driftline.analysis/v1');
    expect(analysis.sources.map((s) => [s.path, s.format])).toEqual([
      [`${SAMPLE}/agent-trace.otlp.json`, 'otlp-trace'],
      [`${SAMPLE}/app-logs.jsonl`, 'jsonl-log'],
      [`${SAMPLE}/k8s-audit.jsonl`, 'k8s-audit'],
    ]);
    const logLines = readFileSync(path.join(repoRoot, SAMPLE, 'app-logs.jsonl'), 'utf8').trim().split('\n').length;
    expect(analysis.sources[1].events).toBe(logLines);
    for (const s of analysis.sources) expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds the stale_context divergence: believed 6 at 10:00:05, actually 12 since alice at 10:03:00', () => {
    const stale = analysis.divergences.filter((d) => d.kind === 'stale_context');
    expect(stale).toHaveLength(1);
    const d = stale[0];
    expect(d.resource).toBe('k8s:prod/deployment/payments');
    expect(d.action.ts).toBe('2026-11-27T10:07:00.000Z');
    expect(d.believed).toMatchObject({ fact: 'spec.replicas', value: '6', observed_at: '2026-11-27T10:00:05.000Z' });
    expect(d.actual).toMatchObject({ fact: 'spec.replicas', value: '12', since: '2026-11-27T10:03:00.000Z', changed_by: 'alice@example.com' });
    expect(d.staleness_ms).toBe(415000);
  });

  it('cites evidence lines that hold the records they claim', () => {
    const d = analysis.divergences.find((x) => x.kind === 'stale_context')!;
    const change = d.actual.evidence[0];
    expect(change.source).toBe(`${SAMPLE}/k8s-audit.jsonl`);
    expect(lineOf(change)).toContain('"username":"alice@example.com"');
    expect(lineOf(change)).toContain('"requestObject":{"spec":{"replicas":12}}');
    const auditRead = d.believed.evidence.find((e) => e.source.endsWith('k8s-audit.jsonl'))!;
    expect(lineOf(auditRead)).toMatch(/"verb":"get".*system:serviceaccount:agents:ops-agent.*"replicas":6/);
    const toolRead = d.believed.evidence.find((e) => e.source.endsWith('agent-trace.otlp.json'))!;
    const span = spanAt(toolRead);
    expect(JSON.stringify(span.attributes)).toContain('kubectl get deployment payments -n prod -o json');
    // The cited line is where that span object starts in the pretty-printed document.
    expect(lineOf(toolRead).trim()).toBe('{');
    expect(readFileSync(path.join(repoRoot, toolRead.source), 'utf8').split('\n')[toolRead.line]).toContain(`"traceId": "${span.traceId}"`);
    const write = d.action.evidence.find((e) => e.source.endsWith('k8s-audit.jsonl'))!;
    expect(lineOf(write)).toMatch(/system:serviceaccount:agents:ops-agent.*"requestObject":\{"spec":\{"replicas":2\}\}/);
  });

  it('finds the other divergences of the story: contradicted, drift ×20, checkout as a blind spot', () => {
    expect(analysis.divergences.map((d) => `${d.kind} ${d.resource}`)).toEqual([
      'stale_context k8s:prod/deployment/payments',
      'contradicted k8s:prod/deployment/payments',
      'environment_drift k8s:prod/deployment/payments',
      'blind_spot k8s:prod/deployment/checkout',
    ]);
    const said = analysis.divergences.find((d) => d.kind === 'contradicted')!.believed.evidence[0];
    expect(JSON.stringify(spanAt(said).attributes)).toContain('payments runs 6 replicas');
    expect(analysis.divergences.find((d) => d.kind === 'environment_drift')!.why).toContain('×20.0');
    expect(analysis.classification.map((c) => c.class).sort()).toEqual(['faster_than_review', 'missing_context', 'narrow_objective', 'stale_context']);
    expect(analysis.intervention).toMatchObject({ first_alert: '2026-11-27T10:09:00.000Z', stopped_by: 'bob@example.com', stopped_at: '2026-11-27T10:14:00.000Z', actions_after_first_impact: 1 });
  });

  it('attributes the service account to the agent and the people to humans', () => {
    const type = (n: string) => analysis.actors.find((a) => a.name === n)?.type;
    expect(type('system:serviceaccount:agents:ops-agent')).toBe('agent');
    expect(type('ops-agent')).toBe('agent');
    expect(type('alice@example.com')).toBe('human');
    expect(type('bob@example.com')).toBe('human');
    expect(type('system:serviceaccount:kube-system:replicaset-controller')).toBe('system');
  });

  it('matches the published JSON Schema, and the schema rejects a broken output', () => {
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'docs/analysis-v1.schema.json'), 'utf8'));
    expect(validate(schema, analysis)).toEqual([]);
    const broken = JSON.parse(first);
    delete broken.divergences[0].believed.observed_at;
    broken.divergences[0].kind = 'vibes';
    expect(validate(schema, broken).length).toBe(2);
  });

  it('prints byte-identical JSON on a second run', async () => {
    const io = captureIo();
    expect(await runCli(['analyze', SAMPLE, '--format', 'json'], io)).toBe(0);
    expect(io.out).toBe(first);
  });

  it('prints a Markdown summary with the divergence and its evidence', async () => {
    const io = captureIo();
    expect(await runCli(['analyze', `${SAMPLE}/k8s-audit.jsonl`, `${SAMPLE}/agent-trace.otlp.json`, `${SAMPLE}/app-logs.jsonl`, '--format', 'md'], io)).toBe(0);
    expect(io.out).toContain('# Driftline analysis');
    expect(io.out).toMatch(/\| stale_context \| `k8s:prod\/deployment\/payments` \|.*spec\.replicas = 6.*spec\.replicas = 12.*alice@example\.com.*415000 ms/);
    const line = analysis.divergences[0].actual.evidence[0].line;
    expect(io.out).toContain(`\`${SAMPLE}/k8s-audit.jsonl:${line}\``);
    expect(io.out).toContain('- Counterfactual (first alert): Stopping the agent at the first alert (10:09:00) would have prevented 1 further write(s): scale k8s:prod/deployment/checkout.');
    expect(io.out).not.toContain('[object Object]');
  });
});
