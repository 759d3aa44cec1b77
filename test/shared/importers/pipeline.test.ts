import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import { fileSource } from '../../../main/engine/fileSource';
import type { Db } from '../../../shared/db/db';
import { migrate } from '../../../shared/db/schema';
import { importSource } from '../../../shared/importers/pipeline';
import type { ImportProgress } from '../../../shared/importers/types';
import { toIso } from '../../../shared/model/time';
import { fixture, memorySource } from './helpers';

const count = async (db: Db, sql: string) => Number((await db.query<{ n: bigint }>('t', sql))[0].n);

describe('import pipeline', () => {
  let db: Db;
  beforeEach(async () => {
    db = await openNodeDb();
    await migrate(db);
  });
  afterEach(() => db.close());

  it('imports a file with provenance, located errors, hash and source row', async () => {
    const path = fixture('jsonl-log/mixed.jsonl');
    const info = await importSource(db, await fileSource(path));
    expect(info).toMatchObject({ id: 1, format: 'jsonl-log', events: 5, errors: 4, merged: 0, parserVersion: 1 });
    expect(info.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    expect(toIso(info.minTs!)).toBe('2026-11-27T09:00:01.000Z');
    const rows = await db.query('t', 'SELECT e.id, e.source_line, r.raw FROM events e JOIN raw_records r ON r.event_id = e.id ORDER BY e.id');
    expect(rows.map((r) => r.source_line)).toEqual([1, 2, 3, 5, 6]);
    const lines = readFileSync(path, 'utf8').split('\n');
    for (const r of rows) expect(r.raw).toBe(lines[(r.source_line as number) - 1]);
    expect(await db.query('t', 'SELECT line FROM import_errors ORDER BY line')).toEqual([7, 8, 9, 10].map((line) => ({ line })));
    const [src] = await db.query('t', 'SELECT id, format, events, errors, sha256 FROM sources');
    expect(src).toEqual({ id: 1, format: 'jsonl-log', events: 5, errors: 4, sha256: info.sha256 });
  });

  it('gives several files distinct source and event ids, and applies the clock offset', async () => {
    const a = await importSource(db, await fileSource(fixture('k8s-audit/stages.jsonl')));
    const b = await importSource(db, await fileSource(fixture('otlp-trace/agent.otlp.json')), { clockOffsetNs: 1_000_000_000n });
    expect([a.id, b.id]).toEqual([1, 2]);
    expect(a).toMatchObject({ format: 'k8s-audit', events: 5, merged: 2, errors: 2 });
    expect(b).toMatchObject({ format: 'otlp-trace', events: 9, errors: 1 }); // 8 spans' events and the chat span's user prompt
    expect(await count(db, 'SELECT count(DISTINCT id) AS n FROM events')).toBe(14);
    expect(await count(db, 'SELECT count(*) AS n FROM raw_records')).toBe(14);
    const [run] = await db.query<{ ts: bigint }>('t', "SELECT ts FROM events WHERE kind = 'agent_run'");
    expect(toIso(run.ts)).toBe('2026-11-27T10:00:01.000Z');
    expect(await count(db, 'SELECT count(*) AS n FROM import_errors WHERE source_id = 2')).toBe(1);
  });

  it('keeps line numbers through a BOM, CRLF and a last line without newline, and decompresses gzip', async () => {
    const bytes = readFileSync(fixture('jsonl-log/crlf-bom.jsonl'));
    const info = await importSource(db, memorySource(gzipSync(bytes), 'crlf.jsonl.gz'));
    expect(info).toMatchObject({ format: 'jsonl-log', events: 2, errors: 0, size: gzipSync(bytes).length });
    const rows = await db.query('t', 'SELECT source_line, message FROM events ORDER BY id');
    expect(rows).toEqual([{ source_line: 1, message: 'crlf line' }, { source_line: 2, message: 'last line without newline' }]);
  });

  it('reports a truncated gzip as a located error and keeps what came before', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ ts: 1795773600 + i, msg: `line ${i} ${Math.random()}` })).join('\n');
    const gz = gzipSync(lines);
    const info = await importSource(db, memorySource(gz.subarray(0, Math.floor(gz.length * 0.6)), 'cut.jsonl.gz'));
    expect(info.events).toBeGreaterThan(0);
    expect(info.events).toBeLessThan(3000);
    const errs = await db.query<{ line: number; reason: string }>('t', 'SELECT line, reason FROM import_errors');
    expect(errs.some((e) => /truncated or corrupt/.test(e.reason))).toBe(true);
  });

  it('refuses a file of the wrong kind with a message naming it and the supported formats', async () => {
    await expect(importSource(db, memorySource('%PDF-1.7\n\u0000\u0001\u0002 binary stuff\n', 'report.pdf'))).rejects.toThrow(/Cannot import "report.pdf".*Supported formats: .*jsonl-log/s);
    await expect(importSource(db, memorySource('', 'empty.log'))).rejects.toThrow(/"empty.log": the file is empty/);
    await expect(importSource(db, memorySource('{"a":1}\n'), { format: 'nope' })).rejects.toThrow(/Unknown format "nope"/);
    expect(await count(db, 'SELECT count(*) AS n FROM sources')).toBe(0);
  });

  it('reports progress and can be cancelled, removing what it inserted', async () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => `{"ts":${1795773600000 + i},"level":"info","service":"s","msg":"${'x'.repeat(90)}"}`).join('\n');
    const first = await importSource(db, memorySource('{"ts":1795773600,"msg":"keep me"}\n', 'keep.jsonl'));
    const ctl = new AbortController();
    const seen: ImportProgress[] = [];
    const p = importSource(db, memorySource(lines, 'big.jsonl'), {
      signal: ctl.signal,
      onProgress: (pr) => {
        seen.push(pr);
        if (pr.events > 0) ctl.abort();
      },
    });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0].totalBytes).toBe(lines.length);
    expect(await count(db, 'SELECT count(*) AS n FROM events')).toBe(first.events);
    expect(await count(db, 'SELECT count(*) AS n FROM raw_records')).toBe(first.events);
    expect(await count(db, 'SELECT count(*) AS n FROM sources')).toBe(1);
    const again = await importSource(db, memorySource(lines, 'big.jsonl'));
    expect(again).toMatchObject({ id: 2, events: 60_000, errors: 0 });
  });

  it('can force a format, and serialises concurrent imports into one db', async () => {
    const forced = importSource(db, memorySource('{"kind":"Event","auditID":"x","verb":"get","stage":"ResponseComplete","timestamp":"2026-11-27T10:00:00Z"}\n', 'a.txt'), { format: 'jsonl-log' });
    const other = importSource(db, await fileSource(fixture('k8s-audit/stages.jsonl')));
    const [f, o] = await Promise.all([forced, other]);
    expect(f).toMatchObject({ format: 'jsonl-log', confidence: 1, events: 1 });
    expect(new Set([f.id, o.id]).size).toBe(2);
    expect(await count(db, 'SELECT count(*) - count(DISTINCT id) AS n FROM events')).toBe(0);
  });
});
