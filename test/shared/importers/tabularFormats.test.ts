import { describe, expect, it } from 'vitest';
import { logfmt } from '../../../shared/importers/logfmt';
import { MAX_RECORD_LINES, csv } from '../../../shared/importers/csv';
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

  it('keeps a record whose quoted cell spans lines as one event at its first line, blank lines included', () => {
    const text = readFixture('csv/multiline.csv');
    expect(detectFormat(text, 'multiline.csv').importer?.id).toBe('csv');
    const r = parseWith(csv, text);
    expect(r.events.map((e) => [e.sourceLine, e.service, e.severity, e.message])).toEqual([
      [2, 'payments', 'error', 'stack trace:\n  at pool.acquire\n\n  at handler'],
      [6, 'checkout', 'info', 'one "quoted" line'],
      [8, 'payments', 'info', 'after the stray quote'],
    ]);
    expect(toIso(r.events[0].ts)).toBe('2026-11-27T10:08:00.000Z');
    expect(r.events[0].raw).toBe('2026-11-27T10:08:00Z,error,payments,"stack trace:\n  at pool.acquire\n\n  at handler"');
    expect(r.errors).toEqual([{ line: 7, reason: 'a quoted cell opened on line 7 is never closed (the file ends inside it); its lines after the first are read as records of their own' }]);
    expect(r.merged).toBe(1);
  });

  it('gives up on a quote still open after MAX_RECORD_LINES lines and reads the rest line by line', () => {
    const rows = Array.from({ length: MAX_RECORD_LINES + 5 }, (_, i) => `2026-11-27T10:08:00Z,info,row ${i}`);
    const text = ['timestamp,level,message', '2026-11-27T10:07:59Z,warn,"stray', ...rows].join('\n');
    const r = parseWith(csv, text);
    expect(r.errors).toEqual([{ line: 2, reason: expect.stringMatching(/^a quoted cell opened on line 2 is still open 10001 lines later/) }]);
    expect(r.events).toHaveLength(MAX_RECORD_LINES + 5);
    expect(r.events[0]).toMatchObject({ sourceLine: 3, message: 'row 0' });
    expect(r.events.at(-1)).toMatchObject({ sourceLine: MAX_RECORD_LINES + 7, message: `row ${MAX_RECORD_LINES + 4}` });
  });
});
