import { describe, expect, it } from 'vitest';
import { syslog } from '../../../shared/importers/syslog';
import { criLog } from '../../../shared/importers/cri-log';
import { textLog } from '../../../shared/importers/text-log';
import { detectFormat } from '../../../shared/importers/registry';
import { toIso } from '../../../shared/model/time';
import { attrs, parseWith, readFixture } from './helpers';

describe('syslog importer', () => {
  const text = readFixture('syslog/mixed.log');
  const { events, errors } = parseWith(syslog, text, 'syslog', 2025);

  it('reads RFC 5424 with structured data, and continuation lines at the previous time', () => {
    expect(errors).toEqual([]);
    expect(events[0]).toMatchObject({ sourceLine: 1, service: 'kubelet', severity: 'fatal', message: 'payments pod evicted' });
    expect(attrs(events[0])).toMatchObject({ format: 'rfc5424', host: 'node-1', procid: '812', msgid: 'PODFAIL', facility: 4, structuredData: '[origin ip="10.0.0.1"][meta seq="1\\]x"]' });
    expect(toIso(events[0].ts)).toBe('2026-11-27T10:07:30.123Z');
    expect(events[1]).toMatchObject({ service: '', severity: 'info', message: 'plain info' });
    expect(events[2]).toMatchObject({ sourceLine: 3, message: ' continued line of the message', ts: events[1].ts });
  });

  it('assumes the year for RFC 3164, records it, and moves on at New Year', () => {
    expect(events[3]).toMatchObject({ sourceLine: 4, service: 'sshd(pam_unix)', message: 'authentication failure; rhost=218.188.2.4' });
    expect(toIso(events[3].ts)).toBe('2025-12-31T23:59:59.000Z');
    expect(attrs(events[3])).toMatchObject({ pid: '19939', host: 'combo', yearAssumed: 2025 });
    expect(toIso(events[4].ts)).toBe('2026-01-01T00:00:01.000Z');
    expect(attrs(events[4]).yearAssumed).toBe(2026);
    expect(events[5]).toMatchObject({ service: 'kernel', severity: 'error', message: 'oops' });
  });

  it('wins detection for syslog text', () => {
    expect(detectFormat(text, 'syslog').importer?.id).toBe('syslog');
  });
});

describe('cri-log importer', () => {
  const name = 'payments_prod_app-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.log';
  const text = readFixture('cri-log', name);
  const r = parseWith(criLog, text, name);

  it('joins partial lines, names the container from the file name, and keeps a dangling partial', () => {
    expect(r.events.map((e) => [e.sourceLine, e.message, e.severity])).toEqual([
      [1, 'part one, part two, end', 'info'],
      [4, 'boom', 'warn'],
      [6, 'dangling', 'info'],
    ]);
    expect(r.events[0]).toMatchObject({ service: 'app', actor: 'app' });
    expect(attrs(r.events[0])).toMatchObject({ pod: 'payments', namespace: 'prod', container: 'app', partialLines: 2 });
    expect(toIso(r.events[0].ts)).toBe('2016-10-06T00:17:09.669794202Z');
    expect(r.errors).toEqual([{ line: 5, reason: expect.stringMatching(/not a CRI log line/) }]);
    expect(r.events.length + r.merged + r.errors.length).toBe(6);
  });
});

describe('text-log importer', () => {
  const text = readFixture('text-log/mixed.log');
  const { events, errors } = parseWith(textLog, text, 'x.log');

  it('reads a timestamp after a file-name prefix, HDFS, Go and Python styles, and continuation lines', () => {
    expect(errors).toEqual([]);
    expect(events.map((e) => [e.sourceLine, toIso(e.ts), e.severity, e.service])).toEqual([
      [1, '2017-05-16T00:00:00.008Z', 'info', 'nova-api'],
      [2, '2008-11-09T20:36:15.000Z', 'warn', ''],
      [3, '2008-11-09T20:36:15.000Z', 'warn', ''],
      [4, '2026-11-27T10:00:00.000Z', 'error', ''],
      [5, '2026-11-27T10:00:01.250Z', 'debug', ''],
    ]);
    expect(events[0].message).toBe('nova.osapi_compute.wsgi.server [req-1] GET /v2 status: 200');
    expect(attrs(events[0])).toMatchObject({ pid: 25746, component: 'nova.osapi_compute.wsgi.server', prefix: 'nova-api.log.1.2017-05-16_13:53:08' });
    expect(events[1]).toMatchObject({ actor: 'dfs.DataNode$PacketResponder', message: 'dfs.DataNode$PacketResponder: PacketResponder 1 terminating' });
    expect(attrs(events[2])).toEqual({ continuationOf: 2 });
    expect(events[3].actor).toBe('main');
  });

  it('refuses a first line it cannot place', () => {
    expect(parseWith(textLog, 'no time\n2026-11-27 10:00:00 ok\n').errors).toEqual([{ line: 1, reason: expect.stringMatching(/no timestamp/) }]);
  });
});
