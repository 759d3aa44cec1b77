// Parsing on worker threads must give exactly what the single-threaded pipeline gives: same ids, lines,
// raw records, errors and counts, whatever the job boundaries.
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import { nodeHasher, nodeParsePool } from '../../../main/engine/parsePool';
import type { SharedSlots } from '../../../shared/importers/sharedSlots';
import type { Db } from '../../../shared/db/db';
import { migrate } from '../../../shared/db/schema';
import { EDGE_JOB_BYTES, importSource, JOB_BYTES, jobSizes, type ImportOptions } from '../../../shared/importers/pipeline';
import { JobRunner, LineCutter, parseThreadsFor, SpareBuffers, rebaseColumns, type ParsePool } from '../../../shared/importers/parallel';
import { eventsToIpc } from '../../../shared/db/eventsArrow';
import { RecordBatchReader } from 'apache-arrow';
import { fixture, memorySource } from './helpers';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileSource } from '../../../main/engine/fileSource';
import type { ByteSource } from '../../../shared/importers/types';
import path from 'node:path';

/** A log with everything that can go wrong at a job boundary: blank lines, CRLF, errors, non-ASCII, a long line. */
function awkwardLog(lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const ts = new Date(Date.UTC(2026, 10, 27, 9, 0, 0) + i * 1000).toISOString();
    if (i % 97 === 13) out.push('');
    else if (i % 89 === 5) out.push('{"broken": ');
    else if (i % 71 === 7) out.push(`{"ts":"${ts}","level":"warn","msg":"héllo ☃ 𝄞 ${i}","service":"svc"}\r`);
    else if (i === 150) out.push(`{"ts":"${ts}","msg":"${'x'.repeat(20_000)}"}`);
    else out.push(`{"ts":"${ts}","level":"info","msg":"request ${i}","service":"svc-${i % 3}","trace_id":"${i.toString(16).padStart(32, '0')}"}`);
  }
  return out.join('\n'); // no newline after the last line
}

/**
 * Runs jobs on this thread, through a structured clone, as a worker would receive them; `sliceChars` small
 * makes each job parse and encode in many slices (several record batches per insert).
 */
function inThreadPool(size: number, sliceChars?: number): ParsePool {
  const runner = new JobRunner(undefined, sliceChars);
  return { size, run: async (job) => runner.run(structuredClone(job)), close: () => undefined };
}

async function snapshot(text: string | Uint8Array, name: string, opts: ImportOptions, src: ByteSource = memorySource(text, name)) {
  const db: Db = await openNodeDb();
  try {
    await migrate(db);
    const info = await importSource(db, src, opts);
    const events = await db.query('t', 'SELECT * FROM events ORDER BY id');
    const raws = await db.query('t', 'SELECT * FROM raw_records ORDER BY event_id');
    const errors = await db.query('t', 'SELECT * FROM import_errors ORDER BY line');
    return { info, events, raws, errors };
  } finally {
    await db.close();
  }
}

describe('parallel line parsing', () => {
  const text = awkwardLog(2_000);
  const small = { chunkBytes: 4096, jobBytes: 10_000 };
  let workers: ParsePool | undefined;
  afterAll(() => workers?.close());

  it('gives the same database as the single-threaded pipeline, on this thread and on worker threads', async () => {
    const single = await snapshot(text, 'a.jsonl', {});
    expect(single.info.events).toBeGreaterThan(1_900);
    expect(single.info.errors).toBeGreaterThan(10);
    const inThread = await snapshot(text, 'a.jsonl', { ...small, pool: inThreadPool(3) });
    expect(inThread).toEqual(single);
    const sliced = await snapshot(text, 'a.jsonl', { ...small, pool: inThreadPool(3, 300) });
    expect(sliced).toEqual(single);
    workers = await nodeParsePool(2);
    const threaded = await snapshot(text, 'a.jsonl', { ...small, pool: workers, createHasher: nodeHasher });
    expect(threaded).toEqual(single);
  });

  it('passes jobs and results through shared slots, and reused bytes never leak into a later job', async () => {
    // Jobs differ in length, so a reused buffer holds old bytes past the end of the job it carries next.
    const big = awkwardLog(45_000);
    expect(big.length).toBeGreaterThan(5 << 20);
    const single = await snapshot(big, 'big.jsonl', {});
    workers ??= await nodeParsePool(2);
    const before = workers.memory!.reused;
    const threaded = await snapshot(big, 'big.jsonl', { pool: workers, createHasher: nodeHasher, jobBytes: 1 << 20, chunkBytes: 300_000 });
    expect(workers.memory!.reused - before).toBeGreaterThan(0);
    expect(threaded).toEqual(single);
    // Every slot is handed back once its job has been inserted.
    expect((workers.memory as SharedSlots).free).toEqual({ inputs: 6, outputs: 6 });
    // From a file, whose reads also go into chunks handed back once they have been copied into a job.
    const dir = mkdtempSync(path.join(tmpdir(), 'driftline-reuse-'));
    try {
      writeFileSync(path.join(dir, 'big.jsonl'), big);
      const file = await fileSource(path.join(dir, 'big.jsonl'), 'big.jsonl');
      const into: boolean[] = [];
      // A handed-back chunk is scribbled over at once, so anything still reading it would show.
      const watched: ByteSource = { ...file, read: (offset, length, buf) => (into.push(!!buf), buf?.fill(0x7b), file.read(offset, length, buf)) };
      const fromFile = await snapshot(big, 'big.jsonl', { pool: workers, createHasher: nodeHasher, jobBytes: 1 << 20, chunkBytes: 300_000 }, watched);
      expect(into.filter(Boolean).length).toBeGreaterThan(5);
      expect(fromFile).toEqual(single);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('numbers lines across jobs through gzip and the clock offset', async () => {
    const opts = { clockOffsetNs: 2_000_000_000n };
    const single = await snapshot(gzipSync(text), 'a.jsonl.gz', opts);
    const parallel = await snapshot(gzipSync(text), 'a.jsonl.gz', { ...opts, ...small, pool: inThreadPool(2) });
    expect(parallel).toEqual(single);
    const first = single.events[0] as { ts: bigint; source_line: number };
    expect(first.source_line).toBe(1);
    expect(first.ts).toBe(BigInt(Date.UTC(2026, 10, 27, 9, 0, 2)) * 1_000_000n);
  });

  it('rolls back everything when a worker fails', async () => {
    const db = await openNodeDb();
    await migrate(db);
    let jobs = 0;
    const runner = new JobRunner();
    const failing: ParsePool = { size: 2, run: async (job) => (++jobs === 3 ? Promise.reject(new Error('boom')) : runner.run(job)), close: () => undefined };
    await expect(importSource(db, memorySource(text, 'a.jsonl'), { ...small, pool: failing })).rejects.toThrow('boom');
    const [n] = await db.query<{ e: bigint; r: bigint; s: bigint }>('t', 'SELECT (SELECT count(*) FROM events) AS e, (SELECT count(*) FROM raw_records) AS r, (SELECT count(*) FROM sources) AS s');
    expect(n).toEqual({ e: 0n, r: 0n, s: 0n });
    await db.close();
  });

  it('parses every fixture of every format to the same database, stateful and document formats included', async () => {
    const files = fixtureFiles();
    expect(files.length).toBeGreaterThan(25);
    workers ??= await nodeParsePool(2);
    // One thread; worker threads; and this thread again with jobs parsed in slices of ~100 characters.
    const arms: ImportOptions[] = [{}, { pool: workers, createHasher: nodeHasher }, { pool: inThreadPool(2, 97), jobBytes: 2_000 }];
    const [single, pooled, sliced] = await Promise.all(arms.map(async (arm) => {
      const db = await openNodeDb();
      await migrate(db);
      const outcome: string[] = [];
      for (const f of files) {
        // Small reads and jobs, so stateful formats cross job boundaries in the middle of their records.
        outcome.push(await importSource(db, memorySource(readFileSync(f), path.basename(f)), { chunkBytes: 512, jobBytes: 700, ...arm }).then(
          (info) => `${path.relative(fixture(), f)}: ${info.format} ${info.events}/${info.merged}/${info.errors}`,
          (e: Error) => `${path.relative(fixture(), f)}: refused ${e.message}`,
        ));
      }
      const tables = await Promise.all(['events ORDER BY id', 'raw_records ORDER BY event_id', 'import_errors ORDER BY source_id, line, reason', 'sources ORDER BY id'].map((t) => db.query('t', `SELECT * FROM ${t}`)));
      await db.close();
      return { outcome, tables };
    }));
    expect(pooled.outcome).toEqual(single.outcome);
    expect(pooled.tables).toEqual(single.tables);
    expect(sliced.outcome).toEqual(single.outcome);
    expect(sliced.tables).toEqual(single.tables);
    // The comparison means something only if stateful formats were among them.
    expect(single.outcome.join('\n')).toMatch(/k8s-audit \d+\/[1-9]/);
    expect(single.outcome.join('\n')).toMatch(/cri-log/);
  });
});

function fixtureFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else out.push(path.join(dir, e.name));
    }
  };
  for (const d of readdirSync(fixture()).filter((d) => !['export', 'scenarios'].includes(d)).sort()) walk(fixture(d));
  return out;
}

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : '');
const MIB = 1 << 20;
/** Pushes a chunk and takes every job it made ready. */
const cut = (c: LineCutter, chunk: Uint8Array) => {
  c.push(chunk);
  const jobs: string[] = [];
  for (let job = c.next(); job; job = c.next()) jobs.push(dec(job));
  return jobs;
};

describe('LineCutter', () => {
  it('hands out spare buffers big enough for the job, as views of exactly its length', () => {
    const spare = new SpareBuffers(2);
    const a = spare.take(1_500_000);
    expect(a.length).toBe(1_500_000);
    expect(a.buffer.byteLength).toBe(2 << 20); // rounded up to whole MiB, so later jobs fit
    spare.give(a.buffer as ArrayBuffer);
    spare.give(new ArrayBuffer(1000)); // too small to be worth keeping
    const b = spare.take(1_000_000);
    expect(b.buffer).toBe(a.buffer);
    expect(b.length).toBe(1_000_000);
    expect(spare.reused).toBe(1);
    expect(spare.take(3 << 20).buffer).not.toBe(a.buffer);
    for (let i = 0; i < 4; i++) spare.give(new ArrayBuffer(1 << 20));
    spare.take(1);
    spare.take(1);
    expect(spare.reused).toBe(3);
    expect(spare.take(1).buffer.byteLength).toBe(1 << 20); // new: only two were kept
    expect(spare.reused).toBe(3);
  });

  it('cuts after the last newline once enough bytes gathered, and keeps the rest', () => {
    const c = new LineCutter(6);
    expect(cut(c, enc('ab\ncd'))).toEqual([]);
    expect(cut(c, enc('e\nfg'))).toEqual(['ab\ncde\n']);
    expect(cut(c, enc('hijklmnop'))).toEqual([]); // no newline: a long line waits
    expect(cut(c, enc('q\nr'))).toEqual(['fghijklmnopq\n']);
    expect(dec(c.end())).toBe('r');
    expect(c.end()).toBeUndefined();
  });

  it('keeps what came after the last newline even when jobs are taken only after more chunks', () => {
    const c = new LineCutter(4);
    c.push(enc('ab\ncd\n'));
    c.push(enc('efg'));
    expect(dec(c.next())).toBe('ab\ncd\n');
    expect(c.next()).toBeUndefined();
    expect(cut(c, enc('h\nij'))).toEqual(['efgh\n']);
    expect(dec(c.end())).toBe('ij');
  });

  it('takes memory for one job per next(), never for jobs not asked for yet', () => {
    const taken: number[] = [];
    const c = new LineCutter(4, (n) => (taken.push(n), new Uint8Array(n)));
    c.push(enc('aaa\nbbb\nccc\nddd\neee\nfff\n'));
    expect(taken).toEqual([]);
    expect(dec(c.next())).toBe('aaa\n');
    expect(taken).toEqual([4]);
  });

  it('cuts several jobs from one chunk when they are small, each of whole lines, none lost or repeated', () => {
    // One line spans several chunks: the job that ends with it may leave less than a job's worth in the chunk.
    const lines = Array.from({ length: 400 }, (_, i) => `line ${i} ${'x'.repeat(i === 200 ? 10_000 : i % 37)}\n`);
    const text = lines.join('');
    const sizes: number[] = [];
    const c = new LineCutter((jobs, bytes) => (sizes.push(bytes), 100 * 2 ** Math.min(jobs, 3)));
    const jobs: string[] = [];
    const bytes = enc(text);
    for (let at = 0; at < bytes.length; at += 4096) jobs.push(...cut(c, bytes.subarray(at, at + 4096)));
    const rest = c.end();
    if (rest) jobs.push(dec(rest));
    expect(jobs.join('')).toBe(text);
    expect(jobs.every((j) => j.endsWith('\n'))).toBe(true);
    expect(jobs.length).toBeGreaterThan(8);
    // Growing as asked: the first job holds about 100 bytes, the next about 200, then 400.
    expect(jobs[0].length).toBeGreaterThanOrEqual(100);
    expect(jobs[0].length).toBeLessThan(160);
    expect(jobs[1].length).toBeGreaterThanOrEqual(200);
    expect(jobs[2].length).toBeGreaterThanOrEqual(400);
    // The sizer heard how many bytes the jobs before held.
    expect(sizes).toContain(jobs[0].length + jobs[1].length);
  });

  it('sizes jobs small at a file\'s start and end, and JOB_BYTES in between', () => {
    const size = jobSizes(100 * MIB);
    expect(size(0, 0)).toBe(EDGE_JOB_BYTES);
    expect(size(1, EDGE_JOB_BYTES)).toBe(2 * EDGE_JOB_BYTES);
    expect(size(20, 50 * MIB)).toBe(JOB_BYTES);
    expect(size(40, 100 * MIB - 2 * MIB)).toBe(MIB);
    expect(size(41, 100 * MIB - 100_000)).toBe(EDGE_JOB_BYTES);
    // A compressed file's size says nothing of its content: no end to plan for.
    expect(jobSizes(Infinity)(30, 10_000 * MIB)).toBe(JOB_BYTES);
  });
});

describe('rebaseColumns', () => {
  it('shifts ids and lines in the IPC bytes themselves', () => {
    const row = { sourceLine: 1, sourcePointer: '', ts: 5n, endTs: null, kind: 'log', actor: '', actorType: 'unknown', service: '', resource: '', action: '', severity: 'info', message: 'm', traceId: '', spanId: '', parentSpanId: '', callId: '', attributes: '{}' } as const;
    const ipc = eventsToIpc([row, { ...row, sourceLine: 3 }] as never, { firstId: 0, sourceId: 1 });
    rebaseColumns(ipc, { id: 100, source_line: 40 });
    const [batch] = [...RecordBatchReader.from(ipc)];
    expect([...batch.getChild('id')!.toArray()]).toEqual([100, 101]);
    expect([...batch.getChild('source_line')!.toArray()]).toEqual([41, 43]);
  });
});

describe('parse threads for a machine', () => {
  it('leaves one core to the importing thread, parses on at least one and at most four', () => {
    expect([1, 2, 3, 4, 8, 64].map(parseThreadsFor)).toEqual([1, 1, 2, 3, 4, 4]);
  });
});
