import { describe, expect, it } from 'vitest';
import { otlpTrace } from '../../../shared/importers/otlp-trace';
import { toIso } from '../../../shared/model/time';
import { attrs, parseWith, readFixture } from './helpers';

describe('otlp-trace importer (GenAI)', () => {
  const text = readFixture('otlp-trace/agent.otlp.json');
  const { events, errors } = parseWith(otlpTrace, text);

  it('makes the invoke_agent span an agent run, located at the line where the span starts', () => {
    const run = events[0];
    expect(run).toMatchObject({
      kind: 'agent_run', actor: 'ops-agent', actorType: 'agent', service: 'ops-agent', action: 'invoke_agent', message: 'invoke_agent ops-agent',
      sourceLine: 20, sourcePointer: '/resourceSpans/0/scopeSpans/0/spans/0', traceId: '5b8efff798038103d269b633813fc60c', spanId: 'a000000000000001', parentSpanId: '',
    });
    expect(toIso(run.ts)).toBe('2026-11-27T10:00:00.000Z');
    expect(toIso(run.endTs!)).toBe('2026-11-27T10:12:00.000Z');
  });

  it('splits execute_tool into a linked tool_call and tool_result, with kubectl intent', () => {
    const [call, result] = events.filter((e) => e.spanId === 'a000000000000002');
    expect(call).toMatchObject({ kind: 'tool_call', callId: 'call_get_1', actor: 'ops-agent', actorType: 'agent', action: 'get', resource: 'k8s:prod/deployment/payments', sourceLine: 43, sourcePointer: '/resourceSpans/0/scopeSpans/0/spans/1' });
    expect(call.message).toBe('kubectl {"command":"kubectl get deployment payments -n prod -o json"}');
    expect(toIso(call.ts)).toBe('2026-11-27T10:00:05.000Z');
    expect(result).toMatchObject({ kind: 'tool_result', callId: 'call_get_1', action: 'observe', resource: 'k8s:prod/deployment/payments', endTs: null, sourceLine: 43 });
    expect(toIso(result.ts)).toBe('2026-11-27T10:00:05.400Z');
    expect(result.message.length).toBeLessThanOrEqual(2001);
    expect(result.message.startsWith('{"kind":"Deployment","spec":{"replicas":6}}')).toBe(true);
    expect((attrs(result).result as string).length).toBe(43 + 3000);

    const scale = events.find((e) => e.callId === 'call_scale_2' && e.kind === 'tool_call')!;
    expect(scale).toMatchObject({ action: 'scale', resource: 'k8s:prod/deployment/payments', sourceLine: 84 });
    expect(toIso(scale.ts)).toBe('2026-11-27T10:07:00.000Z'); // startTimeUnixNano given as a JSON number
    expect(attrs(scale).intent).toMatchObject({ verb: 'scale', facts: { 'spec.replicas': 2 } });
  });

  it('keeps other spans as spans under their agent, with errors and legacy completions', () => {
    const chat = events.find((e) => e.spanId === 'a000000000000004' && e.kind === 'span')!;
    expect(chat).toMatchObject({ actor: 'ops-agent', actorType: 'agent', severity: 'error', message: 'chat gpt-4o', sourceLine: 125 });
    const said = events.find((e) => e.kind === 'agent_message')!;
    expect(said).toMatchObject({ message: 'I will scale payments to 2.', spanId: 'a000000000000004' });
    const http = events.find((e) => e.service === 'payments')!;
    expect(http).toMatchObject({ kind: 'span', actor: 'payments', actorType: 'system', severity: 'error', traceId: '5b8efff798038103d269b633813fc60c', spanId: 'b000000000000001', sourceLine: 185 });
  });

  it('reports a span it cannot place as a located error', () => {
    expect(errors).toEqual([{ line: 204, reason: expect.stringMatching(/startTimeUnixNano/) }]);
    expect(events).toHaveLength(1 + 2 + 2 + 2 + 1);
  });

  it('reads JSON lines of documents, resolving the agent from a later line', () => {
    const r = parseWith(otlpTrace, readFixture('otlp-trace/lines.otlp.jsonl'));
    expect(r.errors.map((e) => e.line)).toEqual([2]);
    const call = r.events.find((e) => e.kind === 'tool_call')!;
    expect(call).toMatchObject({ actor: 'planner', sourceLine: 1, sourcePointer: '/resourceSpans/0/scopeSpans/0/spans/0' });
    expect(r.events.find((e) => e.kind === 'agent_run')).toMatchObject({ actor: 'planner', sourceLine: 3 });
  });

  it('locates a broken pretty-printed document at its bad line', () => {
    const cut = text.split('\n').slice(0, 50).join('\n');
    const r = parseWith(otlpTrace, cut);
    expect(r.events).toHaveLength(0);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].line).toBeGreaterThanOrEqual(49);
  });

  it('is detected from the head', () => {
    expect(otlpTrace.detect(text.slice(0, 2000), 'a.json')).toBeGreaterThan(0.9);
    expect(otlpTrace.detect('{"ts":"2026-11-27T10:00:00Z"}', 'a.json')).toBe(0);
  });
});
