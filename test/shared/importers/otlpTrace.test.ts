import { describe, expect, it } from 'vitest';
import { otlpTrace } from '../../../shared/importers/otlp-trace';
import { toIso } from '../../../shared/model/time';
import { attrs, parseWith, readFixture } from './helpers';
import { idHex } from '../../../shared/importers/otlp/values';

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
    expect(events.find((e) => e.kind === 'user_message')).toMatchObject({ message: 'cut cost', actor: 'user', actorType: 'human', spanId: 'a000000000000004' });
    const said = events.find((e) => e.kind === 'agent_message')!;
    expect(said).toMatchObject({ message: 'I will scale payments to 2.', spanId: 'a000000000000004' });
    const http = events.find((e) => e.service === 'payments')!;
    expect(http).toMatchObject({ kind: 'span', actor: 'payments', actorType: 'system', severity: 'error', traceId: '5b8efff798038103d269b633813fc60c', spanId: 'b000000000000001', sourceLine: 185 });
  });

  it('reports a span it cannot place as a located error', () => {
    expect(errors).toEqual([{ line: 204, reason: expect.stringMatching(/startTimeUnixNano/) }]);
    expect(events).toHaveLength(1 + 2 + 2 + 3 + 1); // the chat span: span, its prompt, its completion
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

describe('otlp-trace importer (OpenInference and flat GenAI messages)', () => {
  const { events, errors } = parseWith(otlpTrace, readFixture('otlp-trace/openinference.otlp.json'));
  const row = (e: (typeof events)[number]) => [e.sourceLine, e.kind, e.callId, e.action, toIso(e.ts)];

  it('turns OpenInference AGENT, LLM and TOOL spans into a run, messages and linked tool steps, base64 ids as hex', () => {
    expect(errors).toEqual([]);
    expect(events.filter((e) => e.traceId === '5b8efff798038103d269b633813fc60c').map(row)).toEqual([
      [3, 'agent_run', '', 'invoke_agent', '2026-11-27T10:00:00.000Z'],
      [4, 'span', '', '', '2026-11-27T10:00:01.000Z'],
      [4, 'user_message', '', 'say', '2026-11-27T10:00:01.000Z'],
      [4, 'agent_message', '', 'say', '2026-11-27T10:00:02.000Z'],
      // call_get is executed by the TOOL span below, so the model span does not repeat it.
      [4, 'tool_call', 'call_logs', 'fetch_logs', '2026-11-27T10:00:02.000Z'],
      [5, 'tool_call', 'call_get', 'get', '2026-11-27T10:00:03.000Z'],
      [5, 'tool_result', 'call_get', 'observe', '2026-11-27T10:00:04.000Z'],
      [6, 'span', '', '', '2026-11-27T10:00:10.000Z'],
      [6, 'tool_result', 'call_logs', 'observe', '2026-11-27T10:00:10.000Z'],
      [6, 'tool_call', 'call_scale', 'scale', '2026-11-27T10:00:11.000Z'],
    ]);
    const [run, , asked, said, logs, get, got, , logsResult, scale] = events;
    // The second model span repeats the prompt as history: it is a user message once.
    expect(asked).toMatchObject({ actor: 'user', actorType: 'human', message: 'payments is slow', spanId: 'c000000000000002' });
    expect(attrs(asked)).toEqual({ text: 'payments is slow', from: 'llm.input_messages' });
    expect(run).toMatchObject({ actor: 'ops-agent', actorType: 'agent', spanId: 'c000000000000001', parentSpanId: '', sourcePointer: '/resourceSpans/0/scopeSpans/0/spans/0' });
    expect(said).toMatchObject({ actor: 'ops-agent', actorType: 'agent', message: 'Checking.', spanId: 'c000000000000002', parentSpanId: 'c000000000000001' });
    expect(attrs(said)).toEqual({ text: 'Checking.', from: 'llm.output_messages' });
    expect(logs).toMatchObject({ actor: 'ops-agent', message: 'fetch_logs {"service":"payments"}' });
    expect(attrs(logs)).toMatchObject({ tool: 'fetch_logs', from: 'llm.output_messages' });
    expect(get).toMatchObject({ spanId: 'c000000000000003', resource: 'k8s:prod/deployment/payments', message: 'kubectl {"command":"kubectl get deployment payments -n prod"}' });
    expect(attrs(get)).toMatchObject({ tool: 'kubectl', callIdFromSpan: 'c000000000000002' });
    expect(got.message).toBe('payments 6/6');
    expect(logsResult).toMatchObject({ message: 'pool exhausted', spanId: 'c000000000000004' });
    expect(attrs(logsResult)).toEqual({ from: 'llm.input_messages', tool: 'fetch_logs', result: 'pool exhausted' });
    expect(attrs(scale).intent).toMatchObject({ verb: 'scale', facts: { 'spec.replicas': 2 } });
  });

  it('links the older flat gen_ai.prompt / gen_ai.completion tool calls and the structured gen_ai messages by trimmed id', () => {
    expect(events.filter((e) => e.traceId === '0af7651916cd43dd8448eb211c80319c').map(row)).toEqual([
      [9, 'span', '', '', '2026-11-27T10:02:00.000Z'],
      [9, 'user_message', '', 'say', '2026-11-27T10:02:00.000Z'],
      [9, 'tool_call', 'call_r1', 'restart', '2026-11-27T10:02:01.000Z'],
      [10, 'span', '', '', '2026-11-27T10:02:05.000Z'],
      [10, 'tool_result', 'call_r1', 'observe', '2026-11-27T10:02:05.000Z'],
      [10, 'agent_message', '', 'say', '2026-11-27T10:02:06.000Z'],
      [11, 'span', '', 'chat', '2026-11-27T10:03:00.000Z'],
      [11, 'tool_call', 'call_s1', 'get', '2026-11-27T10:03:01.000Z'],
      [12, 'span', '', 'chat', '2026-11-27T10:03:05.000Z'],
      [12, 'tool_result', 'call_s1', 'observe', '2026-11-27T10:03:05.000Z'],
    ]);
    const restart = events.find((e) => e.callId === 'call_r1' && e.kind === 'tool_call')!;
    expect(restart).toMatchObject({ actor: 'legacy-bot', service: 'legacy-bot', resource: 'k8s:prod/deployment/checkout', message: 'kubectl {"command":"kubectl rollout restart deployment checkout -n prod"}' });
    expect(attrs(restart).from).toBe('gen_ai.completion');
    const restarted = events.find((e) => e.callId === 'call_r1' && e.kind === 'tool_result')!;
    expect(restarted.message).toBe('deployment.apps/checkout restarted');
    expect(attrs(restarted)).toMatchObject({ from: 'gen_ai.prompt', tool: 'kubectl' });
    const pods = events.find((e) => e.callId === 'call_s1' && e.kind === 'tool_call')!;
    expect(pods.message).toBe('kubectl {"command":"kubectl get pods -n prod"}');
    expect(events.find((e) => e.callId === 'call_s1' && e.kind === 'tool_result')!.message).toBe('3 pods running');
  });
});

describe('OTLP ids', () => {
  it('reads base64 trace and span ids (24 and 12 characters) as the hex ids other sources use, and keeps hex as is', () => {
    expect(idHex('W47/95gDgQPSabYzgT/GDA==')).toBe('5b8efff798038103d269b633813fc60c');
    expect(idHex('oAAAAAAAAAE=')).toBe('a000000000000001');
    expect(idHex('5B8EFFF798038103D269B633813FC60C')).toBe('5b8efff798038103d269b633813fc60c');
    expect(idHex('a000000000000001')).toBe('a000000000000001');
    expect(idHex('')).toBe('');
  });
});
