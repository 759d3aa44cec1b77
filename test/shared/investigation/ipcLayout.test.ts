// A damaged investigation file must be refused before DuckDB reads it: DuckDB trusts Arrow offsets and
// dictionary indices, and a wrong one makes it read outside the stream (seen as "memory access out of bounds").
import { describe, expect, it } from 'vitest';
import { Dictionary, Int32, RecordBatchReader, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { eventsToIpc, type EventColumns } from '../../../shared/db/eventsArrow';
import { checkIpcLayout } from '../../../shared/investigation/tableIo';

const row = (i: number): EventColumns => ({
  sourceLine: i, sourcePointer: '', ts: BigInt(i) as never, endTs: i % 2 ? null : (BigInt(i + 1) as never), kind: 'log', actor: 'a', actorType: 'agent',
  service: 'svc', resource: '', action: 'act', severity: 'info', message: `message ${i} ünï`, traceId: '', spanId: '', parentSpanId: '', callId: '', attributes: '{}',
});

/** The first batch's column `name`, as views into `bytes` (IPC bodies are read in place). */
const column = (bytes: Uint8Array, name: string) => [...RecordBatchReader.from(bytes)][0].getChild(name)!.data[0];

describe('checking an Arrow stream before DuckDB reads it', () => {
  it('passes what Driftline writes, text, nulls and all', () => {
    expect(() => checkIpcLayout(eventsToIpc(Array.from({ length: 50 }, (_, i) => row(i)), { firstId: 0, sourceId: 1 }), 'events')).not.toThrow();
    const dict = tableToIPC(new Table({ kind: vectorFromArray(['a', 'b', null, 'a'], new Dictionary(new Utf8(), new Int32())) }), 'stream');
    expect(() => checkIpcLayout(dict, 'events')).not.toThrow();
  });

  it('names the table and column whose text offsets point past the text', () => {
    const bytes = eventsToIpc(Array.from({ length: 50 }, (_, i) => row(i)), { firstId: 0, sourceId: 1 });
    (column(bytes, 'message').valueOffsets as Int32Array)[20] = 1_000_000_000;
    expect(() => checkIpcLayout(bytes, 'events')).toThrow(/table events, column message: offset 1000000000 at row 19 outside/);
  });

  it('refuses offsets that go backwards and dictionary indices out of range', () => {
    const bytes = eventsToIpc(Array.from({ length: 10 }, (_, i) => row(i)), { firstId: 0, sourceId: 1 });
    (column(bytes, 'attributes').valueOffsets as Int32Array)[5] = 0;
    expect(() => checkIpcLayout(bytes, 'events')).toThrow(/column attributes: offset 0 at row 4 goes backwards/);
    const dict = tableToIPC(new Table({ kind: vectorFromArray(['a', 'b', 'c'], new Dictionary(new Utf8(), new Int32())) }), 'stream');
    (column(dict, 'kind').values as Int32Array)[1] = 7;
    expect(() => checkIpcLayout(dict, 'sources')).toThrow(/table sources, column kind: dictionary index 7 at row 1 out of range/);
  });

  it('says a stream that cannot be read is unreadable', () => {
    expect(() => checkIpcLayout(new Uint8Array([255, 255, 255, 255, 9, 0, 0, 0, 1, 2, 3]), 'events')).toThrow(/table events: unreadable Arrow stream/);
  });
});
