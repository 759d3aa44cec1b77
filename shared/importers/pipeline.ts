// Imports one evidence file into the investigation database: read in chunks, hash, detect the format,
// split lines, parse, and insert in Arrow batches, keeping every event's file and line.
import { sqlString, type Db } from '../db/db';
import type { SourceInfo } from '../model/source';
import { sourceId as toSourceId, nanos, type Nanos } from '../model/ids';
import type { ByteSource, Hasher, ImportProgress, Importer, ParseContext, RecordParser } from './types';
import { detectFormat, importerById, supportedFormats } from './registry';
import { CHUNK_BYTES, openByteStream, type ByteStream } from './byteStream';
import { BatchWriter } from './batchWriter';
import { LineSplitter } from '../util/lineSplitter';
import { streamingDecoder } from '../util/utf8';
import { withDbLock } from './dbLock';
import { LineCutter, type JobSizer, type LineJobResult, type ParsePool } from './parallel';

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** Force an importer id instead of detecting. */
  format?: string;
  /** Added to every timestamp of this source (clock skew correction). */
  clockOffsetNs?: bigint;
  /** Year for timestamps that have none (RFC 3164 syslog). */
  assumeYear?: number;
  /** Start time for transcripts without timestamps (SWE-agent, bare chat arrays), ns UTC. */
  anchorNs?: bigint;
  /** Threads to parse line formats on (those marked parallelSafe); without one, parsing runs here. */
  pool?: ParsePool;
  /** The host's incremental SHA-256 (Node's native one); the portable one otherwise. */
  createHasher?: () => Hasher;
  /** Tuning (tests and benchmarks): bytes per read, and the least bytes of whole lines per parallel job. */
  chunkBytes?: number;
  jobBytes?: number;
}

/** Bytes of whole lines per parallel job: about 13,000 typical log lines, a good insert batch. */
export const JOB_BYTES = 4 * 1024 * 1024;

/** The smallest job a file starts and ends with (see jobSizes). */
export const EDGE_JOB_BYTES = 256 * 1024;

/**
 * Job sizes for a file of `total` bytes: small at first, doubling up to JOB_BYTES, and halving again towards the
 * end. A file's first job is parsed while the importing thread has nothing to insert, and its last is inserted
 * while the parse threads have nothing to parse; small ones keep both short. Measured on the 100 MB folder of
 * seven files, three runs each: 4.77-4.96 s against 5.43-6.03 s with every job JOB_BYTES.
 */
export function jobSizes(total: number): JobSizer {
  return (jobs, bytes) => Math.max(EDGE_JOB_BYTES, Math.min(EDGE_JOB_BYTES * 2 ** jobs, JOB_BYTES, (total - bytes) / 2));
}

/**
 * DuckDB memory one byte of evidence takes on the way in (events, raw records and the batches in flight):
 * the 100 MB benchmark folder grew duckdb-wasm's memory by ~270 MiB. Reserved in one step before the rows
 * arrive (see Db.reserve): by `reserveForImport` for a set of files, and by each import for its own file.
 */
export const RESERVE_PER_INPUT_BYTE = 3;

/** Makes room in the database for importing files of these sizes, before the first of them. */
export function reserveForImport(db: Db, sizes: readonly number[]): void {
  db.reserve?.(sizes.reduce((a, b) => a + b, 0) * RESERVE_PER_INPUT_BYTE);
}

export const HEAD_BYTES = 64 * 1024;
export const MAX_DOCUMENT_BYTES = 512 * 1024 * 1024;

/** Imports a file; one import at a time per database, so source and event ids never collide. */
export function importSource(db: Db, src: ByteSource, opts: ImportOptions = {}): Promise<SourceInfo> {
  return withDbLock(db, () => run(db, src, opts));
}

async function run(db: Db, src: ByteSource, opts: ImportOptions): Promise<SourceInfo> {
  const started = Date.now();
  checkAbort(opts.signal, src);
  const stream = await openByteStream(src, opts.chunkBytes ?? CHUNK_BYTES, opts.createHasher);
  const { head, buffered } = await readHead(stream);
  const { importer, confidence } = chooseImporter(src, head, opts.format);
  const ids = await nextIds(db);
  reserveForImport(db, [src.size]);
  const writer = new BatchWriter(db, ids.source, ids.event, opts.clockOffsetNs ?? 0n);
  const ctx: ParseContext = { name: src.name, assumeYear: opts.assumeYear, anchorNs: opts.anchorNs };
  const progress = () =>
    opts.onProgress?.({ path: src.path, bytesRead: stream.bytesRead, totalBytes: src.size, events: writer.events, errors: writer.errors, elapsedMs: Date.now() - started });
  try {
    if (opts.pool) {
      await feedPool(stream, buffered, importer, ctx, opts.pool, writer, src, opts, progress);
      await writer.flush();
    } else {
      const parser = importer.createParser(ctx);
      await feed(stream, buffered, importer, parser, writer, src, opts, progress);
      await writer.add(parser.finish(), true);
    }
    const info: SourceInfo = {
      id: toSourceId(ids.source), path: src.path, size: src.size, sha256: await stream.sha256(), format: importer.id, confidence,
      parserVersion: importer.version, events: writer.events, merged: writer.merged, derived: writer.derived, errors: writer.errors,
      minTs: writer.minTs === null ? null : nanos(writer.minTs), maxTs: writer.maxTs === null ? null : (nanos(writer.maxTs) as Nanos),
      clockOffsetNs: opts.clockOffsetNs ?? 0n,
    };
    await insertSource(db, info);
    progress();
    return info;
  } catch (e) {
    await writer.rollback();
    throw e;
  }
}

async function feed(
  stream: ByteStream, buffered: Uint8Array[], importer: Importer, parser: RecordParser, writer: BatchWriter,
  src: ByteSource, opts: ImportOptions, progress: () => void,
): Promise<void> {
  const decoder = streamingDecoder();
  const safePush = (text: string, line: number) => {
    try {
      parser.push(text, line);
    } catch (e) {
      // A parser bug must cost one record, not the file.
      writer.addError({ line, reason: `parser failed: ${(e as Error)?.message ?? e}` });
    }
  };
  const splitter = new LineSplitter(safePush);
  const doc: string[] = [];
  let docBytes = 0;
  const take = (bytes: Uint8Array | undefined) => {
    const text = bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    if (importer.mode === 'lines') {
      splitter.push(text);
      if (!bytes) splitter.end();
      return;
    }
    docBytes += bytes?.length ?? 0;
    if (docBytes > MAX_DOCUMENT_BYTES) throw tooBig(src, importer);
    doc.push(text);
  };
  for (const b of buffered) take(b);
  for (;;) {
    checkAbort(opts.signal, src);
    let bytes: Uint8Array | undefined;
    try {
      bytes = await stream.next();
    } catch (e) {
      // Truncated or corrupt gzip: keep what decompressed, and say where it stopped.
      writer.addError({ line: splitter.lineNumber + 1, reason: `compressed data is truncated or corrupt: ${(e as Error)?.message ?? e}` });
      bytes = undefined;
    }
    take(bytes);
    if (!bytes) break;
    await writer.add(parser.drain(), false);
    progress();
  }
  if (importer.mode === 'document') safePush(doc.join(''), 1);
  checkAbort(opts.signal, src);
}

let nextStreamId = 1;

/**
 * Parsing on the pool, inserting here: jobs go out as they are read (a few in flight, so reading,
 * parsing and inserting overlap), and results are inserted in file order, so ids and lines come out
 * exactly as the single-threaded path numbers them. Lines that stand alone are parsed by every worker
 * at once; other line formats by one worker, job after job, with one parser; a document in one job.
 */
async function feedPool(
  stream: ByteStream, buffered: Uint8Array[], importer: Importer, ctx: ParseContext, pool: ParsePool, writer: BatchWriter,
  src: ByteSource, opts: ImportOptions, progress: () => void,
): Promise<void> {
  const streamId = importer.parallelSafe && importer.mode === 'lines' ? undefined : nextStreamId++;
  let ended = false;
  const cutter = new LineCutter(opts.jobBytes ?? jobSizes(stream.gzip ? Infinity : src.size), pool.memory && ((n) => pool.memory!.take(n)), (chunk) => stream.recycle(chunk));
  const doc: Uint8Array[] = [];
  let docBytes = 0;
  const inFlight: Promise<LineJobResult>[] = [];
  let lineBase = 0;
  const settleOne = async () => {
    const result = await inFlight.shift()!;
    try {
      await writer.addEncoded(result, result.absoluteLines ? 0 : lineBase);
    } finally {
      pool.release?.(result);
    }
    lineBase += result.lines;
    progress();
  };
  const submit = async (bytes: Uint8Array | undefined, last = false) => {
    if (!bytes && !(streamId && last)) return;
    if (last) ended = true;
    const job = pool.run({
      importerId: importer.id, ctx, bytes: bytes ?? new Uint8Array(0), sourceId: writer.sourceId, offsetNs: opts.clockOffsetNs ?? 0n,
      stream: streamId ? { id: streamId, last } : undefined,
    });
    job.catch(() => undefined); // rethrown when its turn comes in settleOne
    inFlight.push(job);
    if (inFlight.length > pool.size * 2) await settleOne();
  };
  const take = async (bytes: Uint8Array) => {
    if (importer.mode === 'lines') {
      cutter.push(bytes);
      for (let job = cutter.next(); job; job = cutter.next()) await submit(job);
      return;
    }
    docBytes += bytes.length;
    if (docBytes > MAX_DOCUMENT_BYTES) throw tooBig(src, importer);
    doc.push(bytes);
  };
  let truncated: string | undefined;
  try {
    for (const b of buffered) await take(b);
    for (;;) {
      checkAbort(opts.signal, src);
      let bytes: Uint8Array | undefined;
      try {
        bytes = await stream.next();
      } catch (e) {
        truncated = `compressed data is truncated or corrupt: ${(e as Error)?.message ?? e}`;
      }
      if (!bytes) break;
      await take(bytes);
    }
    await submit(importer.mode === 'lines' ? cutter.end() : concat(doc, docBytes), true);
    while (inFlight.length) await settleOne();
    // Where a corrupt gzip stopped is known only once every line before it has been counted.
    if (truncated) writer.addError({ line: lineBase + 1, reason: truncated });
    checkAbort(opts.signal, src);
  } finally {
    // A stream cut short must still end, or its parser would stay in the worker.
    if (streamId && !ended) pool.run({ importerId: importer.id, ctx, bytes: new Uint8Array(0), sourceId: 0, offsetNs: 0n, stream: { id: streamId, last: true } }).catch(() => undefined);
    // Never leave a job running that could finish after a rollback; what they hold goes back to the pool.
    for (const r of await Promise.allSettled(inFlight)) if (r.status === 'fulfilled') pool.release?.(r.value);
  }
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const tooBig = (src: ByteSource, importer: Importer) =>
  new Error(`Cannot import "${src.path}": ${importer.label} files are read whole, and this one is over ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB. Split it or convert it to JSON lines.`);

async function readHead(stream: ByteStream): Promise<{ head: string; buffered: Uint8Array[] }> {
  const buffered: Uint8Array[] = [];
  let total = 0;
  while (total < HEAD_BYTES) {
    let b: Uint8Array | undefined;
    try {
      b = await stream.next();
    } catch {
      break; // a corrupt gzip is reported by the main loop, with its line
    }
    if (!b) break;
    buffered.push(b);
    total += b.length;
  }
  const headBytes = new Uint8Array(Math.min(total, HEAD_BYTES));
  let at = 0;
  for (const b of buffered) {
    if (at >= headBytes.length) break;
    const part = b.subarray(0, headBytes.length - at);
    headBytes.set(part, at);
    at += part.length;
  }
  return { head: streamingDecoder().decode(headBytes), buffered };
}

function chooseImporter(src: ByteSource, head: string, format?: string): { importer: Importer; confidence: number } {
  if (format) {
    const forced = importerById(format);
    if (!forced) throw new Error(`Unknown format "${format}". Supported formats: ${supportedFormats()}.`);
    return { importer: forced, confidence: 1 };
  }
  if (head.trim().length === 0) throw new Error(`Cannot import "${src.path}": the file is empty.`);
  const d = detectFormat(head, src.name);
  if (d.importer) return { importer: d.importer, confidence: d.confidence };
  const binary = looksBinary(head) ? ' It looks like binary data, not text.' : '';
  const best = d.scores[0];
  const guess = best && best.confidence > 0 ? ` The closest match was ${best.id} (confidence ${best.confidence.toFixed(2)}), too weak to trust.` : '';
  throw new Error(`Cannot import "${src.path}": it is not a supported evidence format.${binary}${guess} Supported formats: ${supportedFormats()}.`);
}

function looksBinary(head: string): boolean {
  const sample = head.slice(0, 4096);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) odd++;
  }
  return odd > sample.length * 0.1;
}

async function nextIds(db: Db): Promise<{ source: number; event: number }> {
  const [s] = await db.query<{ n: number | bigint | null }>('import.nextSourceId', 'SELECT max(id) AS n FROM sources');
  const [e] = await db.query<{ n: number | bigint | null }>('import.nextEventId', 'SELECT max(id) AS n FROM events');
  return { source: Number(s?.n ?? 0) + 1, event: Number(e?.n ?? 0) + 1 };
}

async function insertSource(db: Db, s: SourceInfo): Promise<void> {
  // Literals, not params: duckdb-wasm serialises params as JSON, which has no BIGINT.
  const big = (v: bigint | null) => (v === null ? 'NULL' : v.toString());
  await db.exec(
    'import.insertSource',
    `INSERT INTO sources (id, path, size, sha256, format, confidence, parser_version, events, merged, derived, errors, min_ts, max_ts, clock_offset_ns)
     VALUES (${Number(s.id)}, ${sqlString(s.path)}, ${s.size}, ${sqlString(s.sha256)}, ${sqlString(s.format)}, ${s.confidence}, ${s.parserVersion},
       ${s.events}, ${s.merged}, ${s.derived}, ${s.errors}, ${big(s.minTs)}, ${big(s.maxTs)}, ${big(s.clockOffsetNs)})`,
  );
}

function checkAbort(signal: AbortSignal | undefined, src: ByteSource): void {
  if (signal?.aborted) throw new DOMException(`Import of "${src.path}" was cancelled`, 'AbortError');
}
