import { describe, expect, it } from 'vitest';
import { jsonlLog } from '../../../shared/importers/jsonl-log';
import { toIso } from '../../../shared/model/time';
import { attrs, parseWith, readFixture } from './helpers';

describe('jsonl-log importer', () => {
  const { events, errors } = parseWith(jsonlLog, readFixture('jsonl-log/mixed.jsonl'));

  it('maps the common logger conventions field by field', () => {
    expect(events.map((e) => [e.sourceLine, toIso(e.ts), e.severity, e.service, e.message])).toEqual([
      [1, '2026-11-27T10:00:00.123Z', 'info', 'payments', 'charge ok'],
      [2, '2026-11-27T10:00:00.000Z', 'warn', 'checkout', 'slow upstream'],
      [3, '2026-11-27T10:00:00.500Z', 'error', 'inventory', 'pino error'],
      [5, '2026-11-27T09:00:01.000Z', 'error', 'web', '{"nested":true}'],
      [6, '2026-11-27T10:00:02.000Z', 'debug', '', 'epoch ns as string'],
    ]);
    const first = events[0];
    expect(first).toMatchObject({ kind: 'log', actor: 'payments', actorType: 'system', resource: '', traceId: '82ad2e1514641c9b21bfb40f705e809c', spanId: 'dd129ebe79b3ea9d' });
    expect(attrs(first)).toEqual({ amount: 47 });
    expect(first.raw).toContain('"amount":47');
    expect(events[3].traceId).toBe('abc');
    expect(events[4].actorType).toBe('unknown');
  });

  it('turns bad lines into located errors and keeps going', () => {
    expect(errors.map((e) => e.line)).toEqual([7, 8, 9, 10]);
    expect(errors[0].reason).toMatch(/invalid JSON/);
    expect(errors[1].reason).toMatch(/no timestamp/);
    expect(errors[2].reason).toMatch(/array/);
    expect(errors[3].reason).toMatch(/unreadable timestamp "yesterday"/);
  });

  it('is detected with confidence, and not on non-JSON text', () => {
    expect(jsonlLog.detect(readFixture('jsonl-log/mixed.jsonl'), 'x')).toBeGreaterThan(0.5);
    expect(jsonlLog.detect('Nov 27 10:00:00 host sshd[1]: hello\n', 'x')).toBe(0);
  });

  it('keeps __proto__ as data, never as a prototype', () => {
    const r = parseWith(jsonlLog, '{"ts":"2026-11-27T10:00:00Z","msg":"x","__proto__":{"polluted":1},"constructor":{"prototype":{"p":1}}}\n');
    expect(r.events).toHaveLength(1);
    expect(r.events[0].attributes).toBe('{"__proto__":{"polluted":1},"constructor":{"prototype":{"p":1}}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
