import { describe, expect, it } from 'vitest';
import { zipkin } from '../../../shared/importers/zipkin';
import { jaeger } from '../../../shared/importers/jaeger';
import { toIso } from '../../../shared/model/time';
import { attrs, parseWith, readFixture } from './helpers';

describe('zipkin importer', () => {
  const text = readFixture('zipkin/trace.json');
  const { events, errors } = parseWith(zipkin, text);

  it('reads spans in microseconds, with error tags, and places a span without timestamp at its parent', () => {
    expect(events).toHaveLength(2);
    const [server, client] = events;
    expect(server).toMatchObject({ kind: 'span', service: 'checkout', actor: 'checkout', severity: 'error', message: 'post /checkout', traceId: 'a03ee8fff1dcd9b9', spanId: 'f5f268651b2a2b34', sourceLine: 2, sourcePointer: '/0' });
    expect(toIso(server.ts)).toBe('2026-11-27T10:00:00.000Z');
    expect(toIso(server.endTs!)).toBe('2026-11-27T10:00:00.250Z');
    expect(client).toMatchObject({ parentSpanId: 'f5f268651b2a2b34', sourceLine: 12, severity: 'info', endTs: null });
    expect(client.ts).toBe(server.ts);
    expect(attrs(client).attributes).toMatchObject({ 'driftline.timestamp_inferred_from': 'parent' });
    expect(errors).toEqual([{ line: 1, reason: '/2 is not a span object' }]);
  });

  it('is detected, and not confused with Jaeger or OTLP', () => {
    expect(zipkin.detect(text, 'x.json')).toBeGreaterThan(0.8);
    expect(zipkin.detect(readFixture('jaeger/trace.json'), 'x.json')).toBe(0);
    expect(jaeger.detect(text, 'x.json')).toBe(0);
  });
});

describe('jaeger importer', () => {
  it('maps processes, references and GenAI tags to agent steps', () => {
    const { events, errors } = parseWith(jaeger, readFixture('jaeger/trace.json'));
    expect(errors).toEqual([]);
    expect(events.map((e) => e.kind)).toEqual(['agent_run', 'tool_call', 'tool_result']);
    const [run, call, result] = events;
    expect(run).toMatchObject({ actor: 'ops-agent', service: 'agent-runtime', sourceLine: 6, sourcePointer: '/data/0/spans/0' });
    expect(call).toMatchObject({ actor: 'ops-agent', actorType: 'agent', action: 'scale', resource: 'k8s:prod/deployment/payments', callId: 'call_1', parentSpanId: '0000000000000001', severity: 'error', sourceLine: 16 });
    expect(toIso(result.ts)).toBe('2026-11-27T10:00:01.500Z');
  });
});
