import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import type { Db } from '../../../shared/db/db';
import { migrate } from '../../../shared/db/schema';
import { batchesToIpc, batchesToIpcInto, EventsBuilder, eventsToIpc, importErrorsToIpc, RawRecordsBuilder, rawRecordsBatch, rawRecordsToIpc } from '../../../shared/db/eventsArrow';
import { RecordBatchReader, Table } from 'apache-arrow';
import { emptyEvent, type EventRow } from '../../../shared/model/event';
import { eventId, nanos, resourceKey, sourceId } from '../../../shared/model/ids';

describe('events Arrow batches', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openNodeDb();
    await migrate(db);
  });
  afterAll(() => db.close());

  it('round-trips every column, nulls, unicode and big nanoseconds through duckdb-wasm', async () => {
    const base = emptyEvent({});
    const rows: EventRow[] = [
      { ...base, id: eventId(1), sourceId: sourceId(3), sourceLine: 7, sourcePointer: '/a/0', ts: nanos(1795860180123456789n), endTs: nanos(1795860181000000001n),
        kind: 'tool_call', actor: 'ops-agent', actorType: 'agent', service: 'ops', resource: 'k8s:prod/deployment/payments' as EventRow['resource'],
        action: 'scale', severity: 'warn', message: 'héllo — 🚀 "quoted"', traceId: 't', spanId: 's', parentSpanId: 'p', callId: 'c1', attributes: '{"x":1}' },
      { ...base, id: eventId(2), sourceId: sourceId(3), sourceLine: 9, ts: nanos(-5n), endTs: null, message: '' },
    ];
    delete (rows[0] as Partial<typeof base>).raw;
    delete (rows[1] as Partial<typeof base>).raw;
    await db.insertArrow('events', eventsToIpc(rows));
    const got = await db.query('t', 'SELECT * FROM events ORDER BY id');
    expect(got[0]).toEqual({
      id: 1, source_id: 3, source_line: 7, source_pointer: '/a/0', ts: 1795860180123456789n, end_ts: 1795860181000000001n,
      kind: 'tool_call', actor: 'ops-agent', actor_type: 'agent', service: 'ops', resource: 'k8s:prod/deployment/payments',
      action: 'scale', severity: 'warn', message: 'héllo — 🚀 "quoted"', trace_id: 't', span_id: 's', parent_span_id: 'p', call_id: 'c1', attributes: '{"x":1}',
    });
    expect(got[1]).toMatchObject({ id: 2, source_line: 9, ts: -5n, end_ts: null, message: '', kind: 'log' });
  });

  it('writes raw records and import errors', async () => {
    await db.insertArrow('raw_records', rawRecordsToIpc(Int32Array.from([1, 2]), ['{"a":1}', 'ünï']));
    await db.insertArrow('import_errors', importErrorsToIpc(4, [{ line: 12, reason: 'bad JSON' }]));
    expect(await db.query('t', 'SELECT * FROM raw_records ORDER BY event_id')).toEqual([{ event_id: 1, raw: '{"a":1}' }, { event_id: 2, raw: 'ünï' }]);
    expect(await db.query('t', 'SELECT * FROM import_errors')).toEqual([{ source_id: 4, line: 12, reason: 'bad JSON' }]);
  });

  it('handles an empty batch and a batch larger than the initial buffers', async () => {
    await db.insertArrow('raw_records', rawRecordsToIpc(new Int32Array(0), []));
    const big = 'x'.repeat(100_000);
    await db.insertArrow('raw_records', rawRecordsToIpc(Int32Array.from([10, 11]), [big, big + 'y']));
    const r = await db.query<{ n: number }>('t', 'SELECT length(raw) AS n FROM raw_records WHERE event_id >= 10 ORDER BY event_id');
    expect(r.map((x) => Number(x.n))).toEqual([100_000, 100_001]);
  });

  it('keeps long multi-byte strings, repeated and many distinct dictionary values intact', async () => {
    const base = emptyEvent({});
    const long = 'ü🚀'.repeat(500);
    const rows = Array.from({ length: 300 }, (_, i) => ({
      ...base, sourceLine: i + 1, ts: nanos(BigInt(i)), severity: i % 3 === 0 ? 'error' : 'info', service: `svc-${i % 40}`, resource: resourceKey(`k8s:prod/pod/p-${i}`),
      message: i % 2 ? long + i : 'short', attributes: `{"i":${i},"pad":"${'x'.repeat(40)}"}`,
      id: eventId(1000 + i), sourceId: sourceId(9),
    })) as EventRow[];
    await db.insertArrow('events', eventsToIpc(rows, { firstId: 1000, sourceId: 9 }));
    const got = await db.query<{ id: number; severity: string; service: string; resource: string; message: string; attributes: string }>(
      't', 'SELECT id, severity, service, resource, message, attributes FROM events WHERE source_id = 9 ORDER BY id');
    expect(got).toHaveLength(300);
    got.forEach((r, i) => {
      expect(r).toEqual({ id: 1000 + i, severity: rows[i].severity, service: rows[i].service, resource: rows[i].resource, message: rows[i].message, attributes: rows[i].attributes });
    });
    await db.insertArrow('raw_records', rawRecordsToIpc(Int32Array.from([50, 51]), [long, 'a' + long]));
    const raw = await db.query<{ raw: string }>('t', 'SELECT raw FROM raw_records WHERE event_id IN (50, 51) ORDER BY event_id');
    expect(raw.map((r) => r.raw)).toEqual([long, 'a' + long]);
  });
});

describe('writing an IPC stream into given memory', () => {
  it('writes the same bytes batchesToIpc makes, into the memory alloc returns', () => {
    const batches = [rawRecordsBatch(Int32Array.from([1, 2]), ['{"a":1}', 'ünï']), rawRecordsBatch(Int32Array.from([3]), ['x'.repeat(1000)])];
    const expected = batchesToIpc(batches);
    const shared = new Uint8Array(new SharedArrayBuffer(expected.length + 64));
    const out = batchesToIpcInto(batches, (n) => shared.subarray(64, 64 + n));
    expect(out.buffer).toBe(shared.buffer);
    expect(out.byteOffset).toBe(64);
    expect(Buffer.from(out).equals(Buffer.from(expected))).toBe(true);
  });
});

describe('building rows one at a time in reused buffers', () => {
  const event = (i: number, long: boolean) => emptyEvent({
    sourceLine: i + 1, ts: nanos(BigInt(i) * 1_000_000_000n), endTs: i % 3 === 0 ? null : nanos(BigInt(i) * 1_000_000_000n + 5n),
    message: long ? `ü ${'m'.repeat(200)} ${i}` : `m${i}`, attributes: `{"i":${i}}`, severity: i % 2 ? 'warn' : 'info',
  });
  const read = (ipc: Uint8Array) => new Table(RecordBatchReader.from(ipc).readAll()).toArray().map((r) => r.toJSON());

  it('grows past its capacity and starts over cleanly after a reset, leaving streams already written intact', () => {
    const b = new EventsBuilder(2);
    for (let i = 0; i < 1000; i++) b.add(event(i, true), 100 + i, 7);
    const first = batchesToIpc([b.batch()]);
    b.reset();
    for (let i = 0; i < 5; i++) b.add(event(i + 1, false), 200 + i, 8);
    const second = read(batchesToIpc([b.batch()]));

    const rows = read(first);
    expect(rows).toHaveLength(1000);
    expect(rows[998]).toMatchObject({ id: 1098, source_id: 7, source_line: 999, ts: 998_000_000_000n, end_ts: 998_000_000_005n, message: `ü ${'m'.repeat(200)} 998`, severity: 'info' });
    expect(rows[999]).toMatchObject({ id: 1099, end_ts: null, severity: 'warn' });
    expect(rows.filter((r) => r.end_ts === null)).toHaveLength(334);
    // Row 0 of the second use sits where a null end time was: its own value must show, and row 2's null.
    expect(second.map((r) => [r.id, r.source_id, r.message, r.end_ts])).toEqual([
      [200, 8, 'm1', 1_000_000_005n], [201, 8, 'm2', 2_000_000_005n], [202, 8, 'm3', null], [203, 8, 'm4', 4_000_000_005n], [204, 8, 'm5', 5_000_000_005n],
    ]);
  });

  it('encodes raw records the same way', () => {
    const b = new RawRecordsBuilder(1);
    b.add(1, 'x'.repeat(5000));
    b.add(2, 'ünï');
    b.reset();
    b.add(3, 'a');
    expect(read(batchesToIpc([b.batch()]))).toEqual([{ event_id: 3, raw: 'a' }]);
  });
});
