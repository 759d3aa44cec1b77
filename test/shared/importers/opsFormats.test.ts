import { describe, expect, it } from 'vitest';
import { k8sEvents } from '../../../shared/importers/k8s-events';
import { alertmanager } from '../../../shared/importers/alertmanager';
import { otlpLog } from '../../../shared/importers/otlp-log';
import { detectFormat } from '../../../shared/importers/registry';
import { toIso } from '../../../shared/model/time';
import { parseWith, readFixture } from './helpers';

describe('k8s-events importer', () => {
  const text = readFixture('k8s-events/list.json');
  it('reads core/v1 and events.k8s.io/v1 events on their involved object', () => {
    expect(detectFormat(text, 'events.json').importer?.id).toBe('k8s-events');
    const { events, errors } = parseWith(k8sEvents, text);
    expect(events[0]).toMatchObject({ kind: 'k8s_event', actor: 'replicaset-controller', resource: 'k8s:prod/replicaset/payments-7d9f', action: 'SuccessfulDelete', severity: 'info', sourceLine: 5, sourcePointer: '/items/0' });
    expect(toIso(events[0].ts)).toBe('2026-11-27T10:07:06.000Z');
    expect(events[1]).toMatchObject({ actor: 'kubelet', resource: 'k8s:prod/pod/checkout-1', severity: 'warn', message: 'Unhealthy: Readiness probe failed: 503', sourceLine: 18 });
    expect(errors).toEqual([{ line: 29, reason: expect.stringMatching(/without lastTimestamp/) }]);
  });
});

describe('alertmanager importer', () => {
  it('turns firing and resolved alerts into alert events on their resource', () => {
    const text = readFixture('alertmanager/webhook.json');
    expect(detectFormat(text, 'alert.json').importer?.id).toBe('alertmanager');
    const { events } = parseWith(alertmanager, text);
    expect(events[0]).toMatchObject({ kind: 'alert', action: 'firing', severity: 'error', resource: 'k8s:prod/deployment/payments', message: 'FIRING PaymentsErrors: payments 5xx > 5%', sourceLine: 7 });
    expect(events[1]).toMatchObject({ action: 'resolved', severity: 'info', resource: 'svc:checkout', service: 'checkout' });
    expect(toIso(events[1].ts)).toBe('2026-11-27T10:16:00.000Z');
  });
});

describe('otlp-log importer', () => {
  it('reads log records and GenAI message events from JSON lines', () => {
    const { events, errors } = parseWith(otlpLog, readFixture('otlp-log/logs.jsonl'));
    expect(events[0]).toMatchObject({ kind: 'log', service: 'payments', severity: 'error', message: 'pool exhausted', traceId: '5b8efff798038103d269b633813fc60c', sourceLine: 1 });
    expect(events[1]).toMatchObject({ kind: 'user_message', message: '{"content":"cut cost"}', action: 'gen_ai.user.message' });
    expect(toIso(events[1].ts)).toBe('2026-11-27T10:00:01.000Z');
    expect(errors).toEqual([{ line: 2, reason: expect.stringMatching(/resourceLogs/) }]);
  });
});
