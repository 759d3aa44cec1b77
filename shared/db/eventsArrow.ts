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
  const b = new EventsBuilder(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    b.add(r, assign ? assign.firstId + i : r.id ?? 0, assign ? assign.sourceId : r.sourceId ?? 0);
  }
  return b.batch();
}

/** A growable Int32 column. */
class Int32Builder {
  values: Int32Array;
  constructor(capacity: number) {
    this.values = new Int32Array(Math.max(capacity, 64));
  }
  ensure(n: number): void {
    if (n <= this.values.length) return;
    const next = new Int32Array(Math.max(n, this.values.length * 2));
    next.set(this.values);
    this.values = next;
  }
}

/** A growable Int64 column with a validity bitmap. */
class Int64Builder {
  values: BigInt64Array;
  valid: Uint8Array;
  nulls = 0;
  constructor(capacity: number) {
    this.values = new BigInt64Array(Math.max(capacity, 64));
    this.valid = new Uint8Array((this.values.length + 7) >> 3);
  }
  ensure(n: number): void {
    if (n <= this.values.length) return;
    const values = new BigInt64Array(Math.max(n, this.values.length * 2));
    values.set(this.values);
    const valid = new Uint8Array((values.length + 7) >> 3);
    valid.set(this.valid);
    this.values = values;
    this.valid = valid;
  }
  set(i: number, v: bigint | null): void {
    if (v === null) {
      this.nulls++;
      this.valid[i >> 3] &= ~(1 << (i & 7));
    } else {
      this.values[i] = v;
      this.valid[i >> 3] |= 1 << (i & 7);
    }
  }
  data(n: number) {
    return int64(this.values.subarray(0, n), this.valid.subarray(0, (n + 7) >> 3), this.nulls);
  }
}

/**
 * Builds `events` rows into typed arrays one row at a time, so a parser's events can be encoded (and let go
 * of) as they come instead of being held until a whole batch is ready: held events are what a parse thread's
 * garbage collector spends its time copying. `batch()` gives views into the builder's buffers; `reset()`
 * starts over in the same buffers, so a builder that is reused job after job touches no new memory.
 */
export class EventsBuilder {
  private n = 0;
  private readonly ints: Int32Builder[];
  private readonly ts: Int64Builder;
  private readonly endTs: Int64Builder;
  // Plain UTF-8 rather than dictionaries even where few values repeat: DuckDB's insert, the import's
  // critical path, reads dictionary columns ~30% slower (measured: 8.3 against 6.3 CPU s per 1M events).
  private readonly ptr: Utf8Column; private readonly kind: Utf8Column; private readonly actor: Utf8Column;
  private readonly actorType: Utf8Column; private readonly service: Utf8Column; private readonly resource: Utf8Column;
  private readonly action: Utf8Column; private readonly severity: Utf8Column; private readonly message: Utf8Column;
  private readonly traceId: Utf8Column; private readonly spanId: Utf8Column; private readonly parent: Utf8Column;
  private readonly callId: Utf8Column; private readonly attrs: Utf8Column;

  constructor(capacity = 1024) {
    this.ints = [new Int32Builder(capacity), new Int32Builder(capacity), new Int32Builder(capacity)];
    this.ts = new Int64Builder(capacity);
    this.endTs = new Int64Builder(capacity);
    const col = (bytesPerRow: number) => new Utf8Column(capacity, bytesPerRow);
    this.ptr = col(8); this.kind = col(8); this.actor = col(8); this.actorType = col(8); this.service = col(8);
    this.resource = col(8); this.action = col(8); this.severity = col(8); this.message = col(64); this.traceId = col(32);
    this.spanId = col(16); this.parent = col(8); this.callId = col(8); this.attrs = col(64);
  }

  get length(): number {
    return this.n;
  }

  add(r: EventColumns, id: number, sourceId: number): void {
    const i = this.n++;
    const [ids, sources, lines] = this.ints;
    if (i >= ids.values.length) {
      for (const c of this.ints) c.ensure(i + 1);
      this.ts.ensure(i + 1);
      this.endTs.ensure(i + 1);
    }
    ids.values[i] = id;
    sources.values[i] = sourceId;
    lines.values[i] = r.sourceLine;
    this.ts.values[i] = r.ts;
    this.endTs.set(i, r.endTs);
    this.ptr.add(r.sourcePointer); this.kind.add(r.kind); this.actor.add(r.actor); this.actorType.add(r.actorType);
    this.service.add(r.service); this.resource.add(r.resource); this.action.add(r.action); this.severity.add(r.severity);
    this.message.add(r.message); this.traceId.add(r.traceId); this.spanId.add(r.spanId); this.parent.add(r.parentSpanId);
    this.callId.add(r.callId); this.attrs.add(r.attributes);
  }

  /** The rows added since the last reset, as views into this builder's buffers (valid until the next reset). */
  batch(): RecordBatch {
    const n = this.n;
    const [ids, sources, lines] = this.ints;
    return toBatch([
      ['id', int32(ids.values.subarray(0, n))], ['source_id', int32(sources.values.subarray(0, n))], ['source_line', int32(lines.values.subarray(0, n))],
      ['source_pointer', this.ptr.data()], ['ts', int64(this.ts.values.subarray(0, n))], ['end_ts', this.endTs.data(n)], ['kind', this.kind.data()],
      ['actor', this.actor.data()], ['actor_type', this.actorType.data()], ['service', this.service.data()], ['resource', this.resource.data()],
      ['action', this.action.data()], ['severity', this.severity.data()], ['message', this.message.data()], ['trace_id', this.traceId.data()],
      ['span_id', this.spanId.data()], ['parent_span_id', this.parent.data()], ['call_id', this.callId.data()], ['attributes', this.attrs.data()],
    ], n);
  }

  reset(): void {
    this.n = 0;
    this.endTs.nulls = 0;
    for (const c of [this.ptr, this.kind, this.actor, this.actorType, this.service, this.resource, this.action, this.severity, this.message,
      this.traceId, this.spanId, this.parent, this.callId, this.attrs]) c.reset();
  }
}

/** `raw_records(event_id, raw)` built a row at a time, reusable like `EventsBuilder`. */
export class RawRecordsBuilder {
  private n = 0;
  private readonly ids: Int32Builder;
  private readonly raw: Utf8Column;

  constructor(capacity = 1024) {
    this.ids = new Int32Builder(capacity);
    this.raw = new Utf8Column(capacity, 128);
  }

  add(eventId: number, raw: string): void {
    const i = this.n++;
    this.ids.ensure(i + 1);
    this.ids.values[i] = eventId;
    this.raw.add(raw);
  }

  batch(): RecordBatch {
    return toBatch([['event_id', int32(this.ids.values.subarray(0, this.n))], ['raw', this.raw.data()]], this.n);
  }

  reset(): void {
    this.n = 0;
    this.raw.reset();
  }
}

/** `raw_records(event_id, raw)`: the exact text each event came from. */
export function rawRecordsBatch(ids: Int32Array, raws: readonly string[]): RecordBatch {
  const b = new RawRecordsBuilder(raws.length);
  raws.forEach((r, i) => b.add(ids[i], r));
  return b.batch();
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
