// Hostile and damaged input: nothing may crash, and every damaged record is a located error.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import type { Db } from '../../../shared/db/db';
import { migrate } from '../../../shared/db/schema';
import { importSource } from '../../../shared/importers/pipeline';
import { IMPORTERS } from '../../../shared/importers/registry';
import { fixture, memorySource, parseWith } from './helpers';

const FIXTURES = ['jsonl-log/mixed.jsonl', 'k8s-audit/stages.jsonl', 'otlp-trace/agent.otlp.json'];

/** A seeded generator, so a failure reproduces. */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

describe('importers under damage', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openNodeDb();
    await migrate(db);
  });
  afterAll(() => db.close());

  it('survives random truncation of every fixture, with records = events + merged + errors for line formats', () => {
    const rand = rng(42);
    for (const f of FIXTURES) {
      const text = readFileSync(fixture(f), 'utf8');
      for (const imp of IMPORTERS) {
        for (let k = 0; k < 25; k++) {
          const cut = text.slice(0, Math.floor(rand() * text.length));
          const r = parseWith(imp, cut);
          if (imp.mode === 'lines') {
            const records = cut.split('\n').filter((l) => l.trim()).length;
            expect(r.events.length + r.merged + r.errors.length, `${imp.id} on ${f} cut at ${cut.length}`).toBe(records);
          }
          for (const e of r.errors) expect(e.line).toBeGreaterThanOrEqual(1);
        }
      }
    }
  });

  it('turns binary garbage into located errors when forced, and refuses it when detecting', async () => {
    const rand = rng(7);
    const bytes = new Uint8Array(200_000).map(() => Math.floor(rand() * 256));
    await expect(importSource(db, memorySource(bytes, 'garbage.bin'))).rejects.toThrow(/Cannot import "garbage.bin"/);
    for (const id of IMPORTERS.map((i) => i.id)) {
      const info = await importSource(db, memorySource(bytes, 'garbage.bin'), { format: id });
      expect(info.events).toBe(0);
      expect(info.errors).toBeGreaterThan(0);
    }
  });

  it('handles a 10 MB single line, deep nesting, invalid UTF-8 and __proto__ keys', async () => {
    const huge = `{"ts":"2026-11-27T10:00:00Z","msg":"${'a'.repeat(10 * 1024 * 1024)}"}`;
    const deep = `{"ts":"2026-11-27T10:00:01Z","msg":"deep","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const proto = '{"ts":"2026-11-27T10:00:02Z","msg":"p","__proto__":{"admin":true}}';
    const enc = new TextEncoder();
    const parts = [enc.encode(huge + '\n' + deep + '\n'), Uint8Array.from([0x7b, 0xff, 0xfe, 0x22, 0x0a]), enc.encode(proto + '\n'), enc.encode('{"ts":"2026-11-27T10:00:03Z","msg":"bad '), Uint8Array.from([0xc3]), enc.encode(' byte"}\n')];
    const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    const info = await importSource(db, memorySource(all, 'nasty.jsonl'), { format: 'jsonl-log' });
    const errors = await db.query<{ line: number }>('t', `SELECT line FROM import_errors WHERE source_id = ${info.id} ORDER BY line`);
    const events = await db.query<{ source_line: number; n: number }>('t', `SELECT source_line, CAST(length(message) AS INTEGER) AS n FROM events WHERE source_id = ${info.id} ORDER BY source_line`);
    // line 2 (deep) either parses or is an error; line 3 (bad bytes) is an error; all lines are accounted for.
    expect(info.events + info.errors).toBe(5);
    expect(errors.map((e) => e.line)).toContain(3);
    expect(events[0]).toEqual({ source_line: 1, n: 10 * 1024 * 1024 });
    expect(events.map((e) => e.source_line)).toEqual(expect.arrayContaining([1, 4, 5]));
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    const [bad] = await db.query<{ message: string }>('t', `SELECT message FROM events WHERE source_id = ${info.id} AND source_line = 5`);
    expect(bad.message).toBe('bad \uFFFD byte');
  });
});
