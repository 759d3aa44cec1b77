// Arrow IPC batches for `events`, `raw_records` and `import_errors`, built column by column into typed
// arrays: generic row→Arrow helpers were the 10× bottleneck measured in PLATFORM.md.
import { Field, Int32, Int64, makeData, RecordBatch, Schema, Struct, Table, tableToIPC, Utf8, type DataType, type Data } from 'apache-arrow';
import type { EventRow } from '../model/event';

const encoder = new TextEncoder();

/** Accumulates one Utf8 column: offsets plus a growing byte buffer. */
class Utf8Column {
  private offsets: Int32Array;
  private bytes: Uint8Array;
  private pos = 0;
  private n = 0;
  constructor(capacity: number) {
    this.offsets = new Int32Array(capacity + 1);
    this.bytes = new Uint8Array(Math.max(1024, capacity * 32));
  }
  add(s: string): void {
    const len = s.length;
    // encodeInto writes at most 3 bytes per UTF-16 unit.
    if (this.pos + len * 3 > this.bytes.length) this.grow(this.pos + len * 3);
    const bytes = this.bytes;
    let pos = this.pos;
    let i = 0;
    // ASCII fast path: a byte loop beats creating a subarray view per string for the short strings most columns hold.
    for (; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) break;
      bytes[pos++] = c;
    }
    if (i < len) pos += encoder.encodeInto(s.slice(i), bytes.subarray(pos)).written;
    if (pos > 0x7fffffff) throw new Error('Arrow batch too large for 32-bit string offsets');
    this.pos = pos;
    this.offsets[++this.n] = pos;
  }
  private grow(need: number): void {
    const next = new Uint8Array(Math.max(need, this.bytes.length * 2));
    next.set(this.bytes.subarray(0, this.pos));
    this.bytes = next;
  }
  data(): Data<Utf8> {
    return makeData({ type: new Utf8(), length: this.n, valueOffsets: this.offsets.subarray(0, this.n + 1), data: this.bytes.subarray(0, this.pos) });
  }
}

const int32 = (values: Int32Array) => makeData({ type: new Int32(), length: values.length, data: values });

function int64(values: BigInt64Array, valid?: Uint8Array, nullCount = 0) {
  return makeData({ type: new Int64(), length: values.length, data: values, nullBitmap: nullCount ? valid : undefined, nullCount });
}

function toIpc(columns: [string, Data<DataType>][], length: number): Uint8Array {
  const fields = columns.map(([name, d]) => new Field(name, d.type, true));
  const schema = new Schema(fields);
  const struct = makeData({ type: new Struct(fields), length, children: columns.map(([, d]) => d) });
  return tableToIPC(new Table([new RecordBatch(schema, struct)]), 'stream');
}

const STRING_COLS = ['source_pointer', 'kind', 'actor', 'actor_type', 'service', 'resource', 'action', 'severity', 'message', 'trace_id', 'span_id', 'parent_span_id', 'call_id', 'attributes'] as const;

/** An event row whose id and source id may instead be assigned by the batch (see `eventsToIpc`). */
export type EventColumns = Omit<EventRow, 'id' | 'sourceId'> & Partial<Pick<EventRow, 'id' | 'sourceId'>>;

/**
 * The `events` table as one IPC stream; columns in schema order (duckdb-wasm appends by position).
 * With `assign`, row i gets id `firstId + i` and the given source id, so parsed events need no copying.
 */
export function eventsToIpc(rows: readonly EventColumns[], assign?: { firstId: number; sourceId: number }): Uint8Array {
  const n = rows.length;
  const id = new Int32Array(n), source = new Int32Array(n), line = new Int32Array(n);
  const ts = new BigInt64Array(n), endTs = new BigInt64Array(n);
  const endValid = new Uint8Array((n + 7) >> 3);
  let endNulls = 0;
  const s = STRING_COLS.map(() => new Utf8Column(n));
  const [ptr, kind, actor, actorType, service, resource, action, severity, message, traceId, spanId, parent, callId, attrs] = s;
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
  return toIpc([
    ['id', int32(id)], ['source_id', int32(source)], ['source_line', int32(line)], ['source_pointer', ptr.data()],
    ['ts', int64(ts)], ['end_ts', int64(endTs, endValid, endNulls)],
    ...STRING_COLS.slice(1).map((name, i) => [name, s[i + 1].data()] as [string, Data<DataType>]),
  ], n);
}

/** `raw_records(event_id, raw)`: the exact text each event came from. */
export function rawRecordsToIpc(ids: Int32Array, raws: readonly string[]): Uint8Array {
  const raw = new Utf8Column(raws.length);
  for (const r of raws) raw.add(r);
  return toIpc([['event_id', int32(ids)], ['raw', raw.data()]], raws.length);
}

/** `import_errors(source_id, line, reason)`. */
export function importErrorsToIpc(sourceId: number, errors: readonly { line: number; reason: string }[]): Uint8Array {
  const n = errors.length;
  const src = new Int32Array(n).fill(sourceId), line = new Int32Array(n);
  const reason = new Utf8Column(n);
  errors.forEach((e, i) => { line[i] = e.line; reason.add(e.reason); });
  return toIpc([['source_id', int32(src)], ['line', int32(line)], ['reason', reason.data()]], n);
}
