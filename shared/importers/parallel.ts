// Parsing on other threads: the importing thread cuts the file into jobs of whole lines, a pool of
// workers parses each job into ready Arrow batches, and the importing thread only inserts them.
// Formats whose lines stand alone are parsed by all workers at once; the others (and documents) by one
// worker per file, still overlapping with the inserts.
//
// A worker does not know which event ids a job's events get, so it numbers them from zero and the
// importing thread rebases the ids (and, for stand-alone jobs, the lines) in place before inserting
// (`rebaseColumns`): the Arrow buffers are views into the IPC bytes, so this is a write per row.
import { RecordBatchReader } from 'apache-arrow';
import type { Importer, LocatedError, ParseContext, ParseOutput, RecordParser } from './types';
import { importerById } from './registry';
import { LineSplitter } from '../util/lineSplitter';
import { streamingDecoder } from '../util/utf8';
import { EncoderBuffers, EventEncoder } from './batchWriter';

export interface LineJob {
  importerId: string;
  ctx: ParseContext;
  /** Whole lines of UTF-8 (the last one may lack its newline only at the end of the file), or a whole document. */
  bytes: Uint8Array;
  sourceId: number;
  offsetNs: bigint;
  /**
   * For formats that carry state from line to line (or are read whole): the jobs of one file share one
   * parser, go to one worker, in order, and number lines from the file's start; `last` ends the parser.
   * Without it, a job stands alone (parallelSafe formats) and numbers its lines from its own start.
   */
  stream?: { id: number; last: boolean };
}

export interface LineJobResult {
  /** Lines the job held, blank ones included, so the next job's line numbers can follow on. */
  lines: number;
  /** Whether lines (events and errors) are already counted from the file's start (stream jobs). */
  absoluteLines: boolean;
  events: number;
  merged: number;
  /** Events beyond one per record (see ParseOutput.derived). */
  derived: number;
  errors: LocatedError[];
  minTs: bigint | null;
  maxTs: bigint | null;
  /** `events` rows with ids 0..n-1; `raw_records` with event ids 0..n-1. */
  eventsIpc: Uint8Array | null;
  rawIpc: Uint8Array | null;
}

/** Something that runs jobs on other threads (worker_threads in Node, Web Workers in the browser). */
export interface ParsePool {
  readonly size: number;
  /** Set once a worker has crashed or failed to start: the pool takes no more jobs. */
  readonly failure?: Error;
  /** Jobs of one stream must reach the same worker in order: `workerFor` says which. */
  run(job: LineJob): Promise<LineJobResult>;
  close(): void;
  /** Memory for the next jobs' bytes that reaches a worker cheaply (handed back, or shared with it). */
  readonly memory?: JobMemory;
  /** Hands back a result's memory once it has been inserted: nothing may read its streams after. */
  release?(result: LineJobResult): void;
}

export interface JobMemory {
  take(length: number): Uint8Array;
  /** Jobs that got reused memory. */
  readonly reused: number;
}

/**
 * Job buffers handed back by the workers after parsing, reused for later jobs: memory already mapped is
 * ~10× cheaper to fill here than new memory (measured: 400 MB copied into fresh 4 MiB buffers 0.5–1 s,
 * into reused ones 20–100 ms), and the importing thread is the one that fills them.
 */
export class SpareBuffers implements JobMemory {
  private readonly free: ArrayBuffer[] = [];
  /** Jobs that got a handed-back buffer. */
  reused = 0;

  constructor(private readonly keep = 8) {}

  /** `length` bytes, in a buffer handed back when one is big enough, else a new one rounded up to whole MiB. */
  take(length: number): Uint8Array {
    const i = this.free.findIndex((b) => b.byteLength >= length);
    if (i >= 0) this.reused++;
    const buf = i >= 0 ? this.free.splice(i, 1)[0] : new ArrayBuffer(Math.ceil(Math.max(length, 1) / MIB) * MIB);
    return new Uint8Array(buf, 0, length);
  }

  give(buf: ArrayBuffer | undefined): void {
    if (buf && buf.byteLength >= MIB && this.free.length < this.keep) this.free.push(buf);
  }
}

const MIB = 1 << 20;

/**
 * Parse threads for the CLI on a machine with `cores`: one core is the importing thread's (reading, hashing and
 * DuckDB's inserts keep it busy), the rest parse, at most 4. Measured on 2 cores, one parse thread against two: 1M
 * JSON lines 9.07 s against 9.27-9.40 s (peak RSS 2.40x the file against 2.8-2.9x); the 100 MB folder
 * 5.71-5.82 s against 6.06-6.22 s. More threads than cores only added garbage-collection work.
 */
export const parseThreadsFor = (cores: number) => Math.max(1, Math.min(cores - 1, 4));

/** Which worker of `size` takes a job: a stream's jobs always the same one, others in turn. */
export function workerFor(job: LineJob, size: number, turn: number): number {
  return job.stream ? job.stream.id % size : turn % size;
}

/**
 * A job's text is parsed this many characters at a time (cut after a newline), and each slice's events are
 * encoded before the next is parsed, so only a slice's parsed objects are alive when the garbage collector
 * runs: copying those is most of what a parse thread's scavenges cost. Measured on 100 MB of JSON lines in one
 * thread: 4 MiB at once spent 0.8–0.9 s in GC and 3.6–3.8 s CPU; 1 MiB slices 0.15–0.35 s and 2.8–2.9 s.
 * Slices no longer cost a record batch each (EventEncoder encodes row by row), so they can be small.
 */
const SLICE_CHARS = 64 * 1024;

function sliceEnd(text: string, at: number, size: number): number {
  if (text.length - at <= size) return text.length;
  const nl = text.indexOf('\n', at + size);
  return nl < 0 ? text.length : nl + 1;
}

/** Bytes → text, invalid sequences as U+FFFD. Hosts may pass a faster one (Node's Buffer). */
export type Decode = (bytes: Uint8Array) => string;

const portableDecode: Decode = (bytes) => streamingDecoder().decode(bytes);

interface OpenStream {
  parser: RecordParser;
  splitter: LineSplitter;
  errors: LocatedError[];
}

/** What a worker runs its jobs with: the parsers of open streams live here between jobs. */
export class JobRunner {
  private readonly streams = new Map<number, OpenStream>();
  /** Encoded rows go here, job after job: reused memory costs nothing to touch. */
  private readonly buffers = new EncoderBuffers();

  constructor(private readonly decode: Decode = portableDecode, private readonly sliceChars = SLICE_CHARS) {}

  /** `alloc` gives the memory the result's IPC streams are written into (new memory without it). */
  run(job: LineJob, alloc?: (length: number) => Uint8Array): LineJobResult {
    const importer = importerById(job.importerId);
    if (!importer) throw new Error(`unknown format ${job.importerId}`);
    if (!job.stream && !importer.parallelSafe) throw new Error(`format ${job.importerId} cannot be parsed in parallel`);
    const open = job.stream ? this.streams.get(job.stream.id) : undefined;
    const st = open ?? this.open(importer, job.ctx);
    if (job.stream && !open) this.streams.set(job.stream.id, st);
    const last = !job.stream || job.stream.last;
    const before = st.splitter.lineNumber;
    let text = this.decode(job.bytes);
    // A byte-order mark is not part of the first line (TextDecoder drops it; other decoders may not).
    if (before === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const encoder = new EventEncoder(0, job.sourceId, job.offsetNs, this.buffers);
    const errors: LocatedError[] = [];
    let merged = 0, derived = 0;
    const take = (out: ParseOutput) => {
      encoder.add(out.events);
      errors.push(...st.errors, ...out.errors);
      st.errors = [];
      merged += out.merged;
      derived += out.derived ?? 0;
    };
    if (importer.mode === 'document') {
      push(st, text, 1);
    } else {
      for (let at = 0; at < text.length; ) {
        const end = sliceEnd(text, at, this.sliceChars);
        st.splitter.push(at === 0 && end === text.length ? text : text.slice(at, end));
        take(st.parser.drain());
        at = end;
      }
      if (last) st.splitter.end();
    }
    take(st.parser.drain());
    if (last) {
      take(st.parser.finish());
      if (job.stream) this.streams.delete(job.stream.id);
    }
    const encoded = encoder.finish(alloc);
    return {
      lines: importer.mode === 'document' ? 0 : st.splitter.lineNumber - before,
      absoluteLines: !!job.stream,
      events: encoder.count,
      merged,
      derived,
      errors,
      minTs: encoded?.minTs ?? null,
      maxTs: encoded?.maxTs ?? null,
      eventsIpc: encoded?.eventsIpc ?? null,
      rawIpc: encoded?.rawIpc ?? null,
    };
  }

  private open(importer: Importer, ctx: ParseContext): OpenStream {
    const st: OpenStream = { parser: importer.createParser(ctx), splitter: undefined as unknown as LineSplitter, errors: [] };
    st.splitter = new LineSplitter((text, line) => push(st, text, line));
    return st;
  }
}

function push(st: OpenStream, text: string, line: number): void {
  try {
    st.parser.push(text, line);
  } catch (e) {
    // A parser bug must cost one record, not the file.
    st.errors.push({ line, reason: `parser failed: ${(e as Error)?.message ?? e}` });
  }
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

/** How big the next job should be: given how many jobs were cut so far, and how many bytes they held. */
export type JobSizer = (jobs: number, bytes: number) => number;

/**
 * Cuts a stream of byte chunks into jobs of whole lines, at least `size(...)` bytes each and several per chunk
 * when they are small: the tail after the last newline waits for the next chunk. Newline bytes never occur
 * inside a UTF-8 sequence, so a cut after one never splits a character. Jobs are cut (and their memory taken)
 * one `next()` at a time, so a caller that waits between jobs never holds more job memory than it has jobs.
 */
export class LineCutter {
  private parts: Uint8Array[] = [];
  /** The chunks pushed since the last cut (parts may also hold a copied tail). */
  private chunks: Uint8Array[] = [];
  private held = 0;
  /** Where the next job starts, and where the held whole lines end (0: none yet), counted in the held bytes. */
  private from = 0;
  private linesEnd = 0;
  /** The chunk holding the last newline, and where it starts in the held bytes. */
  private lastChunk: Uint8Array | undefined;
  private lastChunkStart = 0;
  /** Whether jobs are being cut from the whole lines held: then the rest of them goes out whatever its size. */
  private cutting = false;
  private jobs = 0;
  private bytes = 0;
  private readonly size: JobSizer;

  /**
   * `size`: the least bytes per job, or a function of the jobs cut so far. `alloc` gives the memory a job's bytes
   * are copied into; `release` gets each chunk pushed once it has been copied into jobs and nothing here refers
   * to it any more.
   */
  constructor(
    size: number | JobSizer,
    private readonly alloc: (length: number) => Uint8Array = (n) => new Uint8Array(n),
    private readonly release: (chunk: Uint8Array) => void = () => undefined,
  ) {
    this.size = typeof size === 'number' ? () => size : size;
  }

  push(chunk: Uint8Array): void {
    this.parts.push(chunk);
    this.chunks.push(chunk);
    const start = this.held;
    this.held += chunk.length;
    const last = chunk.lastIndexOf(10);
    if (last < 0) return; // a long line goes on into the next chunk
    this.linesEnd = start + last + 1;
    this.lastChunk = chunk;
    this.lastChunkStart = start;
  }

  /** The next job that is ready: whole lines, in order; undefined while fewer bytes than a job have gathered. */
  next(): Uint8Array | undefined {
    const { from, linesEnd: end } = this;
    if (end <= from) return undefined;
    const want = Math.max(1, this.size(this.jobs, this.bytes));
    if (end - from < want && !this.cutting) return undefined;
    // Cut after the first newline past `want` when a job of `want` still fits after it; else take all to `end`.
    let to = end;
    if (end - from >= 2 * want) {
      const chunk = this.lastChunk!;
      const cut = this.lastChunkStart + chunk.indexOf(10, Math.max(from + want - 1 - this.lastChunkStart, 0)) + 1;
      if (end - cut >= want) to = cut;
    }
    const job = copyRange(this.parts, from, to, this.alloc);
    this.jobs++;
    this.bytes += to - from;
    this.from = to;
    this.cutting = to < end;
    if (to === end) {
      // The tail is copied (it is short: part of one line), so the chunks themselves are free.
      const rest = copyRange(this.parts, end, this.held, (n) => new Uint8Array(n));
      this.parts = rest.length ? [rest] : [];
      this.held = rest.length;
      this.from = this.linesEnd = 0;
      this.lastChunk = undefined;
      this.releaseChunks();
    }
    return job;
  }

  /** Whatever is left at the end of the file (call once `next()` has nothing more). */
  end(): Uint8Array | undefined {
    const rest = this.held > this.from ? copyRange(this.parts, this.from, this.held, this.alloc) : undefined;
    this.parts = [];
    this.held = this.from = this.linesEnd = 0;
    this.cutting = false;
    this.releaseChunks();
    return rest;
  }

  private releaseChunks(): void {
    for (const c of this.chunks) this.release(c);
    this.chunks = [];
  }
}

/** Bytes `from` to `to` of the parts laid end to end, copied into memory from `alloc`. */
function copyRange(parts: readonly Uint8Array[], from: number, to: number, alloc: (length: number) => Uint8Array): Uint8Array {
  const out = alloc(to - from);
  let at = 0; // where the current part starts, in the parts laid end to end
  let written = 0;
  for (const p of parts) {
    const lo = Math.max(from - at, 0), hi = Math.min(to - at, p.length);
    if (hi > lo) {
      out.set(lo === 0 && hi === p.length ? p : p.subarray(lo, hi), written);
      written += hi - lo;
    }
    at += p.length;
    if (at >= to) break;
  }
  return out;
}

