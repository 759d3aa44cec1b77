import { describe, expect, it } from 'vitest';
import { logfmt } from '../../../shared/importers/logfmt';
import { csv } from '../../../shared/importers/csv';
import { detectFormat } from '../../../shared/importers/registry';
import { toIso } from '../../../shared/model/time';
import { attrs, parseWith, readFixture } from './helpers';

describe('logfmt importer', () => {
  it('maps key=value lines like JSON logs, with quoted values', () => {
    const text = readFixture('logfmt/app.log');
    expect(detectFormat(text, 'app.log').importer?.id).toBe('logfmt');
    const { events, errors } = parseWith(logfmt, text);
    expect(events[0]).toMatchObject({ sourceLine: 1, severity: 'error', service: 'payments', message: '503 connection pool exhausted', traceId: 'abc' });
    expect(attrs(events[0])).toEqual({ pool: 'payments-db' });
    expect(events[1]).toMatchObject({ sourceLine: 2, severity: 'warn', message: 'retrying' });
    expect(toIso(events[1].ts)).toBe('2026-11-27T10:07:31.000Z');
    expect(errors.map((e) => e.line)).toEqual([3, 4]);
  });
});

describe('csv importer', () => {
  it('reads a header row and quoted cells, and locates short rows', () => {
    const text = readFixture('csv/events.csv');
    expect(detectFormat(text, 'events.csv').importer?.id).toBe('csv');
    const r = parseWith(csv, text);
    expect(r.events.map((e) => [e.sourceLine, e.service, e.severity, e.message])).toEqual([
      [2, 'payments', 'error', 'pool exhausted, retrying "soon"'],
      [3, 'checkout', 'info', 'ok'],
    ]);
    expect(attrs(r.events[0])).toEqual({ status: '503' });
    expect(r.errors).toEqual([{ line: 4, reason: 'expected 5 columns, found 3' }]);
    expect(r.events.length + r.merged + r.errors.length).toBe(4);
  });
});
