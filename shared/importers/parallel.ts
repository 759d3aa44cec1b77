// Parsing line formats on other threads: the importing thread cuts the file into jobs of whole lines,
// a pool of workers parses each job into ready Arrow batches, and the importing thread only inserts them.
//
// A job does not know where it sits in the file, so it numbers its events and lines from zero and the
// importing thread rebases those two columns in place before inserting (`rebaseColumns`): the Arrow
// buffers are views into the IPC bytes, so this is a write per row, not a rebuild.
import { RecordBatchReader } from 'apache-arrow';
import type { LocatedError, ParseContext } from './types';
import { importerById } from './registry';
import { LineSplitter } from '../util/lineSplitter';
import { streamingDecoder } from '../util/utf8';
import { encodeEvents } from './batchWriter';

export interface LineJob {
  importerId: string;
  ctx: ParseContext;
  /** Whole lines of UTF-8 (the last one may lack its newline only at the end of the file). */
  bytes: Uint8Array;
  sourceId: number;
  offsetNs: bigint;
}

export interface LineJobResult {
  /** Lines the job held, blank ones included, so the next job's line numbers can follow on. */
  lines: number;
  events: number;
  merged: number;
  /** Lines relative to the job's first line (1-based). */
  errors: LocatedError[];
  minTs: bigint | null;
  maxTs: bigint | null;
  /** `events` rows with ids 0..n-1 and job-relative lines; `raw_records` with event ids 0..n-1. */
  eventsIpc: Uint8Array | null;
  rawIpc: Uint8Array | null;
}

/** Something that runs jobs on other threads (worker_threads in Node, Web Workers in the browser). */
export interface ParsePool {
  readonly size: number;
  /** Set once a worker has crashed or failed to start: the pool takes no more jobs. */
  readonly failure?: Error;
  run(job: LineJob): Promise<LineJobResult>;
  close(): void;
}

/** Bytes → text, invalid sequences as U+FFFD. Hosts may pass a faster one (Node's Buffer). */
export type Decode = (bytes: Uint8Array) => string;

const portableDecode: Decode = (bytes) => streamingDecoder().decode(bytes);

/** The whole of a job, as a worker runs it. Pure: the same bytes always give the same batches. */
export function runLineJob(job: LineJob, decode: Decode = portableDecode): LineJobResult {
  const importer = importerById(job.importerId);
  if (!importer?.parallelSafe) throw new Error(`format ${job.importerId} cannot be parsed in parallel`);
  const parser = importer.createParser(job.ctx);
  const errors: LocatedError[] = [];
  const splitter = new LineSplitter((text, line) => {
    try {
      parser.push(text, line);
    } catch (e) {
      // A parser bug must cost one record, not the file.
      errors.push({ line, reason: `parser failed: ${(e as Error)?.message ?? e}` });
    }
  });
  const text = decode(job.bytes);
  // A byte-order mark is not part of the first line (TextDecoder drops it; other decoders may not).
  splitter.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  splitter.end();
  const drained = parser.drain();
  const finished = parser.finish();
  const events = drained.events.concat(finished.events);
  errors.push(...drained.errors, ...finished.errors);
  const encoded = events.length ? encodeEvents(events, 0, job.sourceId, job.offsetNs) : null;
  return {
    lines: splitter.lineNumber,
    events: events.length,
    merged: drained.merged + finished.merged,
    errors,
    minTs: encoded?.minTs ?? null,
    maxTs: encoded?.maxTs ?? null,
    eventsIpc: encoded?.eventsIpc ?? null,
    rawIpc: encoded?.rawIpc ?? null,
  };
}

/** Adds `delta` to each named Int32 column of an IPC stream, in place. */
export function rebaseColumns(ipc: Uint8Array, deltas: Record<string, number>): void {
  for (const batch of RecordBatchReader.from(ipc)) {
    for (const [name, delta] of Object.entries(deltas)) {
      if (delta === 0) continue;
      const values = batch.getChild(name)?.data[0]?.values;
      if (!(values instanceof Int32Array) || values.buffer !== ipc.buffer) {
        throw new Error(`cannot rebase column ${name}: not an Int32 view into the batch`);
      }
      for (let i = 0; i < batch.numRows; i++) values[i] += delta;
    }
  }
}

/**
 * Cuts a stream of byte chunks into jobs of whole lines, at least `minBytes` each: the tail after the
 * last newline waits for the next chunk. Newline bytes never occur inside a UTF-8 sequence, so a cut
 * after one never splits a character.
 */
export class LineCutter {
  private parts: Uint8Array[] = [];
  private held = 0;

  constructor(private readonly minBytes: number) {}

  /** Returns a job's bytes when enough whole lines have gathered. */
  push(chunk: Uint8Array): Uint8Array | undefined {
    this.parts.push(chunk);
    this.held += chunk.length;
    if (this.held < this.minBytes) return undefined;
    const nl = chunk.lastIndexOf(10);
    if (nl < 0) return undefined; // a long line goes on into the next chunk
    const whole = concat(this.parts, this.held - (chunk.length - nl - 1));
    const rest = chunk.subarray(nl + 1);
    this.parts = rest.length ? [rest] : [];
    this.held = rest.length;
    return whole;
  }

  /** Whatever is left at the end of the file. */
  end(): Uint8Array | undefined {
    const rest = this.held ? concat(this.parts, this.held) : undefined;
    this.parts = [];
    this.held = 0;
    return rest;
  }
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1 && parts[0].length === length) return parts[0].slice();
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    const n = Math.min(p.length, length - at);
    out.set(n === p.length ? p : p.subarray(0, n), at);
    at += n;
    if (at === length) break;
  }
  return out;
}
