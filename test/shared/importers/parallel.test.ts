// Parsing on worker threads must give exactly what the single-threaded pipeline gives: same ids, lines,
// raw records, errors and counts, whatever the job boundaries.
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import { nodeHasher, nodeParsePool } from '../../../main/engine/parsePool';
import type { Db } from '../../../shared/db/db';
import { migrate } from '../../../shared/db/schema';
import { importSource, type ImportOptions } from '../../../shared/importers/pipeline';
import { LineCutter, rebaseColumns, runLineJob, type ParsePool } from '../../../shared/importers/parallel';
import { eventsToIpc } from '../../../shared/db/eventsArrow';
import { RecordBatchReader } from 'apache-arrow';
import { memorySource } from './helpers';

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

/** Runs jobs on this thread, through a structured clone, as a worker would receive them. */
const inThreadPool = (size: number): ParsePool => ({
  size,
  run: async (job) => runLineJob(structuredClone(job)),
  close: () => undefined,
});

async function snapshot(text: string | Uint8Array, name: string, opts: ImportOptions) {
  const db: Db = await openNodeDb();
  try {
    await migrate(db);
    const info = await importSource(db, memorySource(text, name), opts);
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
    workers = await nodeParsePool(2);
    const threaded = await snapshot(text, 'a.jsonl', { ...small, pool: workers, createHasher: nodeHasher });
    expect(threaded).toEqual(single);
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
    const failing: ParsePool = { size: 2, run: async (job) => (++jobs === 3 ? Promise.reject(new Error('boom')) : runLineJob(job)), close: () => undefined };
    await expect(importSource(db, memorySource(text, 'a.jsonl'), { ...small, pool: failing })).rejects.toThrow('boom');
    const [n] = await db.query<{ e: bigint; r: bigint; s: bigint }>('t', 'SELECT (SELECT count(*) FROM events) AS e, (SELECT count(*) FROM raw_records) AS r, (SELECT count(*) FROM sources) AS s');
    expect(n).toEqual({ e: 0n, r: 0n, s: 0n });
    await db.close();
  });

  it('leaves formats that carry state between lines to the single-threaded path', async () => {
    let used = 0;
    const counting: ParsePool = { size: 2, run: async (job) => (used++, runLineJob(job)), close: () => undefined };
    const cri = '2026-11-27T09:00:00.000000000Z stdout P part one \n2026-11-27T09:00:00.100000000Z stdout F and two\n';
    const out = await snapshot(cri, 'x.log', { pool: counting });
    expect(out.info.format).toBe('cri-log');
    expect(out.info.events).toBe(1);
    expect(used).toBe(0);
  });
});

describe('LineCutter', () => {
  it('cuts after the last newline once enough bytes gathered, and keeps the rest', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const dec = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : undefined);
    const c = new LineCutter(6);
    expect(c.push(enc('ab\ncd'))).toBeUndefined();
    expect(dec(c.push(enc('e\nfg')))).toBe('ab\ncde\n');
    expect(c.push(enc('hijklmnop'))).toBeUndefined(); // no newline: a long line waits
    expect(dec(c.push(enc('q\nr')))).toBe('fghijklmnopq\n');
    expect(dec(c.end())).toBe('r');
    expect(c.end()).toBeUndefined();
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
