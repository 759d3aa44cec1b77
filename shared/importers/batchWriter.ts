// Buffers parsed events and errors and writes them to DuckDB in Arrow batches; can undo a cancelled import.
import type { Db } from '../db/db';
import type { ParsedEvent } from '../model/event';
import type { RecordBatch } from 'apache-arrow';
import { batchesToIpc, batchesToIpcInto, EventsBuilder, importErrorsToIpc, RawRecordsBuilder } from '../db/eventsArrow';
import type { LocatedError, ParseOutput } from './types';
import { rebaseColumns, type LineJobResult } from './parallel';

// Measured at 1M events (CPU seconds, whole import): 20k rows 27.3 s / 883 MB peak RSS, 50k 26.7 s / 1233 MB,
// 100k 29.0 s / 1307 MB. Bigger batches buy nothing in the real pipeline and cost memory.
export const BATCH_EVENTS = 20_000;

/**
 * Rows are compressed by a checkpoint after about this many bytes of Arrow inserted (DuckDB's own automatic
 * checkpoints are off, see configureConnection). Measured inserting 1M events (~690 MB uncompressed in
 * DuckDB): DuckDB's default, a checkpoint every 16 MiB, cost 17 CPU s; none, 10 s and 660 MiB; every ~130 MB,
 * 10 s and 232 MiB. Compressing while the blocks just freed are reused keeps wasm memory from growing, and
 * growing it is what costs here.
 */
export const CHECKPOINT_BYTES = 128 * 1024 * 1024;

export interface EncodedEvents {
  eventsIpc: Uint8Array;
  rawIpc: Uint8Array;
  minTs: bigint | null;
  maxTs: bigint | null;
}

/** The builders an EventEncoder writes into; a parse thread keeps one set and reuses it job after job. */
export class EncoderBuffers {
  readonly events = new EventsBuilder(4096);
  readonly raws = new RawRecordsBuilder(4096);
}

/**
 * Encodes parsed events for `events` and `raw_records`, with ids from `firstId` in the order added, as they
 * are added (see EventsBuilder); applies the source's clock offset to the events' times (in place) on the
 * way. Each table comes out as one record batch, over the buffers' memory: `finish` copies it into an IPC
 * stream, after which the buffers may be reused.
 */
export class EventEncoder {
  count = 0;
  minTs: bigint | null = null;
  maxTs: bigint | null = null;

  constructor(private readonly firstId: number, private readonly sourceId: number, private readonly offsetNs: bigint, private readonly buffers = new EncoderBuffers()) {
    buffers.events.reset();
    buffers.raws.reset();
  }

  add(batch: readonly ParsedEvent[]): void {
    const { events, raws } = this.buffers;
    for (let i = 0; i < batch.length; i++) {
      const e = batch[i];
      if (this.offsetNs !== 0n) {
        e.ts = (e.ts + this.offsetNs) as ParsedEvent['ts'];
        if (e.endTs !== null) e.endTs = (e.endTs + this.offsetNs) as ParsedEvent['ts'];
      }
      if (this.minTs === null || e.ts < this.minTs) this.minTs = e.ts;
      if (this.maxTs === null || e.ts > this.maxTs) this.maxTs = e.ts;
      const id = this.firstId + this.count++;
      events.add(e, id, this.sourceId);
      raws.add(id, e.raw);
    }
  }

  /** Both tables as IPC streams (in memory from `alloc` when given), or null when nothing was added. */
  finish(alloc?: (length: number) => Uint8Array): EncodedEvents | null {
    if (!this.count) return null;
    const ipc = (batch: RecordBatch) => (alloc ? batchesToIpcInto([batch], alloc) : batchesToIpc([batch]));
    return { eventsIpc: ipc(this.buffers.events.batch()), rawIpc: ipc(this.buffers.raws.batch()), minTs: this.minTs, maxTs: this.maxTs };
  }
}

export class BatchWriter {
  events = 0;
  merged = 0;
  /** Events beyond one per record (see ParseOutput.derived). */
  derived = 0;
  errors = 0;
  minTs: bigint | null = null;
  maxTs: bigint | null = null;
  private pending: ParsedEvent[] = [];
  /** Reused by every flush, as a parse thread reuses its own (see EncoderBuffers). */
  private readonly buffers = new EncoderBuffers();
  private pendingErrors: LocatedError[] = [];
  private nextId: number;
  /** Bytes inserted since the last checkpoint. */
  private uncompressed = 0;

  constructor(private readonly db: Db, readonly sourceId: number, readonly firstEventId: number, private readonly offsetNs: bigint) {
    this.nextId = firstEventId;
  }

  addError(e: LocatedError): void {
    this.pendingErrors.push(e);
    this.errors++;
  }

  async add(out: ParseOutput, final: boolean): Promise<void> {
    for (const e of out.events) this.pending.push(e);
    for (const e of out.errors) this.addError(e);
    this.merged += out.merged;
    this.derived += out.derived ?? 0;
    if (final || this.pending.length >= BATCH_EVENTS || this.pendingErrors.length >= BATCH_EVENTS) await this.flush();
  }

  /** A batch a worker already encoded, whose lines start after `lineBase` in the file. */
  async addEncoded(r: LineJobResult, lineBase: number): Promise<void> {
    for (const e of r.errors) this.addError({ line: e.line + lineBase, reason: e.reason });
    this.merged += r.merged;
    this.derived += r.derived;
    if (r.eventsIpc && r.rawIpc) {
      rebaseColumns(r.eventsIpc, { id: this.nextId, source_line: lineBase });
      rebaseColumns(r.rawIpc, { event_id: this.nextId });
      await this.insertEvents(r.eventsIpc, r.rawIpc);
      this.nextId += r.events;
      this.events += r.events;
      this.widen(r.minTs, r.maxTs);
    }
    if (this.pendingErrors.length >= BATCH_EVENTS) await this.flush();
  }

  private async insertEvents(eventsIpc: Uint8Array, rawIpc: Uint8Array): Promise<void> {
    await this.db.insertArrow('events', eventsIpc);
    await this.db.insertArrow('raw_records', rawIpc);
    this.uncompressed += eventsIpc.length + rawIpc.length;
    if (this.uncompressed >= CHECKPOINT_BYTES) {
      this.uncompressed = 0;
      await this.db.exec('import.checkpoint', 'CHECKPOINT');
    }
  }

  private widen(min: bigint | null, max: bigint | null): void {
    if (min !== null && (this.minTs === null || min < this.minTs)) this.minTs = min;
    if (max !== null && (this.maxTs === null || max > this.maxTs)) this.maxTs = max;
  }

  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length) {
      const encoder = new EventEncoder(this.nextId, this.sourceId, this.offsetNs, this.buffers);
      encoder.add(batch);
      const encoded = encoder.finish()!;
      await this.insertEvents(encoded.eventsIpc, encoded.rawIpc);
      this.widen(encoded.minTs, encoded.maxTs);
      this.nextId += batch.length;
      this.events += batch.length;
    }
    if (this.pendingErrors.length) {
      await this.db.insertArrow('import_errors', importErrorsToIpc(this.sourceId, this.pendingErrors));
      this.pendingErrors = [];
    }
  }

  /** Removes everything this import wrote, for cancellation or a fatal error. */
  async rollback(): Promise<void> {
    const s = Number(this.sourceId), first = Number(this.firstEventId);
    await this.db.exec('import.rollback', `
      DELETE FROM raw_records WHERE event_id >= ${first} AND event_id IN (SELECT id FROM events WHERE source_id = ${s});
      DELETE FROM events WHERE source_id = ${s};
      DELETE FROM import_errors WHERE source_id = ${s};
      DELETE FROM sources WHERE id = ${s};`);
  }
}
