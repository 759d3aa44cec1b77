// Arrow IPC batches for `events`, `raw_records` and `import_errors`, built column by column into typed
// arrays: generic row→Arrow helpers were the 10× bottleneck measured in PLATFORM.md.
import { AsyncByteQueue, Field, Int32, Int64, makeData, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Table, tableToIPC, type DataType, type Data } from 'apache-arrow';
import type { EventRow } from '../model/event';
import { Utf8Column } from './arrowColumns';

const int32 = (values: Int32Array) => makeData({ type: new Int32(), length: values.length, data: values });

function int64(values: BigInt64Array, valid?: Uint8Array, nullCount = 0) {
  return makeData({ type: new Int64(), length: values.length, data: values, nullBitmap: nullCount ? valid : undefined, nullCount });
}

function toBatch(columns: [string, Data<DataType>][], length: number): RecordBatch {
  const fields = columns.map(([name, d]) => new Field(name, d.type, true));
  const struct = makeData({ type: new Struct(fields), length, children: columns.map(([, d]) => d) });
  return new RecordBatch(new Schema(fields), struct);
}

/** Record batches of one table as one IPC stream: DuckDB inserts them in one statement. */
export function batchesToIpc(batches: readonly RecordBatch[]): Uint8Array {
  return tableToIPC(new Table(batches as RecordBatch[]), 'stream');
}

/**
 * The same stream as `batchesToIpc`, written into memory the caller gives (`alloc(length)`), e.g. a buffer
 * shared with the importing thread and reused job after job instead of new memory for every job.
 */
export function batchesToIpcInto(batches: readonly RecordBatch[], alloc: (length: number) => Uint8Array): Uint8Array {
  const sink = new ChunkList();
  const writer = new RecordBatchStreamWriter();
  writer.reset(sink);
  for (const b of batches) writer.write(b);
  writer.finish();
  const out = alloc(sink.length);
  let at = 0;
  for (const c of sink.chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A writer sink that keeps the views it is handed (the columns' own buffers) and copies nothing. */
class ChunkList extends AsyncByteQueue {
  readonly chunks: Uint8Array[] = [];
  length = 0;

  override write(value: Uint8Array): void {
    if (value.byteLength === 0) return;
    this.chunks.push(value);
    this.length += value.byteLength;
  }
}

const toIpc = (columns: [string, Data<DataType>][], length: number) => batchesToIpc([toBatch(columns, length)]);

/** An event row whose id and source id may instead be assigned by the batch (see `eventsToIpc`). */
export type EventColumns = Omit<EventRow, 'id' | 'sourceId'> & Partial<Pick<EventRow, 'id' | 'sourceId'>>;

/** The `events` table as one IPC stream (see `eventsBatch`). */
export function eventsToIpc(rows: readonly EventColumns[], assign?: { firstId: number; sourceId: number }): Uint8Array {
  return batchesToIpc([eventsBatch(rows, assign)]);
}

/**
 * Rows of the `events` table as one record batch; columns in schema order (duckdb-wasm appends by position).
 * With `assign`, row i gets id `firstId + i` and the given source id, so parsed events need no copying.
 */
export function eventsBatch(rows: readonly EventColumns[], assign?: { firstId: number; sourceId: number }): RecordBatch {
  const n = rows.length;
  const id = new Int32Array(n), source = new Int32Array(n), line = new Int32Array(n);
  const ts = new BigInt64Array(n), endTs = new BigInt64Array(n);
  const endValid = new Uint8Array((n + 7) >> 3);
  let endNulls = 0;
  // Plain UTF-8 rather than dictionaries even where few values repeat: DuckDB's insert, the import's
  // critical path, reads dictionary columns ~30% slower (measured: 8.3 against 6.3 CPU s per 1M events).
  const [ptr, kind, actor, actorType, service, resource, action, severity, parent, callId] = Array.from({ length: 10 }, () => new Utf8Column(n, 8));
  // Sized from the strings' lengths, so the wide columns are allocated once instead of grown by copying.
  let messageChars = 0, attrChars = 0;
  for (let i = 0; i < n; i++) { messageChars += rows[i].message.length; attrChars += rows[i].attributes.length; }
  const message = new Utf8Column(n, 0, messageChars), attrs = new Utf8Column(n, 0, attrChars);
  const traceId = new Utf8Column(n, 32), spanId = new Utf8Column(n, 16);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    id[i] = assign ? assign.firstId + i : r.id ?? 0;
    source[i] = assign ? assign.sourceId : r.sourceId ?? 0;
    line[i] = r.sourceLine;
    ts[i] = r.ts;
    if (r.endTs === null) endNulls++;
    else { endTs[i] = r.endTs; endValid[i >> 3] |= 1 << (i & 7); }
    ptr.add(r.sourcePointer); kind.add(r.kind); actor.add(r.actor); actorType.add(r.actorType);
    service.add(r.service); resource.add(r.resource); action.add(r.action); severity.add(r.severity);
    message.add(r.message); traceId.add(r.traceId); spanId.add(r.spanId); parent.add(r.parentSpanId);
    callId.add(r.callId); attrs.add(r.attributes);
  }
  return toBatch([
    ['id', int32(id)], ['source_id', int32(source)], ['source_line', int32(line)], ['source_pointer', ptr.data()],
    ['ts', int64(ts)], ['end_ts', int64(endTs, endValid, endNulls)], ['kind', kind.data()], ['actor', actor.data()],
    ['actor_type', actorType.data()], ['service', service.data()], ['resource', resource.data()], ['action', action.data()],
    ['severity', severity.data()], ['message', message.data()], ['trace_id', traceId.data()], ['span_id', spanId.data()],
    ['parent_span_id', parent.data()], ['call_id', callId.data()], ['attributes', attrs.data()],
  ], n);
}

/** `raw_records(event_id, raw)`: the exact text each event came from. */
export function rawRecordsBatch(ids: Int32Array, raws: readonly string[]): RecordBatch {
  let chars = 0;
  for (const r of raws) chars += r.length;
  const raw = new Utf8Column(raws.length, 0, chars);
  for (const r of raws) raw.add(r);
  return toBatch([['event_id', int32(ids)], ['raw', raw.data()]], raws.length);
}

/** `import_errors(source_id, line, reason)`. */
export function importErrorsToIpc(sourceId: number, errors: readonly { line: number; reason: string }[]): Uint8Array {
  const n = errors.length;
  const src = new Int32Array(n).fill(sourceId), line = new Int32Array(n);
  const reason = new Utf8Column(n);
  errors.forEach((e, i) => { line[i] = e.line; reason.add(e.reason); });
  return toIpc([['source_id', int32(src)], ['line', int32(line)], ['reason', reason.data()]], n);
}

/** `raw_records` rows as one IPC stream. */
export const rawRecordsToIpc = (ids: Int32Array, raws: readonly string[]): Uint8Array => batchesToIpc([rawRecordsBatch(ids, raws)]);
