// Hostile and damaged input: nothing may crash, and every damaged record is a located error.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import type { Db } from '../../../shared/db/db';
import { migrate } from '../../../shared/db/schema';
import { importSource } from '../../../shared/importers/pipeline';
import { IMPORTERS, detectFormat } from '../../../shared/importers/registry';
import { fixture, memorySource, parseWith } from './helpers';
import { countRecords } from './recordCount';
import { JobRunner, type ParsePool } from '../../../shared/importers/parallel';

const FIXTURES = ['jsonl-log/mixed.jsonl', 'k8s-audit/stages.jsonl', 'otlp-trace/agent.otlp.json'];

/** Every fixture of a format (scenario folders included; export and analysis scenarios are not evidence files). */
function fixtureFiles(dir = fixture()): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'export' ? [] : fixtureFiles(p);
    return p.endsWith('.gz') ? [] : [p];
  });
}

/** Line formats that also read a whole JSON document when the file opens like one (see common/jsonLinesOrDocument). */
const LINES_OR_DOCUMENT = new Set(['gcp-audit', 'openai-responses']);

function opensDocument(text: string): boolean {
  const first = text.split('\n').find((l) => l.trim())?.trim() ?? '';
  return first[0] === '[' || (first[0] === '{' && /[[{]$/.test(first));
}

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

  it('survives random truncation of every fixture, with records = events − derived + merged + errors for line formats', () => {
    const rand = rng(42);
    for (const f of FIXTURES) {
      const text = readFileSync(fixture(f), 'utf8');
      for (const imp of IMPORTERS) {
        for (let k = 0; k < 25; k++) {
          const cut = text.slice(0, Math.floor(rand() * text.length));
          const r = parseWith(imp, cut);
          if (imp.mode === 'lines') {
            // A document cut short is one record, refused with one located error; JSON lines are a record a line.
            const records = LINES_OR_DOCUMENT.has(imp.id) && opensDocument(cut) ? 1 : cut.split('\n').filter((l) => l.trim()).length;
            expect(r.events.length - r.derived + r.merged + r.errors.length, `${imp.id} on ${f} cut at ${cut.length}`).toBe(records);
          }
          for (const e of r.errors) expect(e.line).toBeGreaterThanOrEqual(1);
        }
      }
    }
  });

  it('accounts for every record of every format: records (counted without the importer) = events − derived + merged + errors', () => {
    const formats = new Set<string>();
    for (const file of fixtureFiles()) {
      const text = readFileSync(file, 'utf8');
      const det = detectFormat(text.slice(0, 64 * 1024), path.basename(file));
      if (!det.importer) continue;
      const records = countRecords(det.importer.id, text);
      if (records === undefined) continue;
      const r = parseWith(det.importer, text, path.basename(file));
      const shown = path.relative(fixture(), file);
      expect(r.events.length - r.derived + r.merged + r.errors.length, `${det.importer.id} on ${shown}`).toBe(records);
      // Derived events share the provenance of the record they came from.
      expect(r.events.length - r.derived, shown).toBe(new Set(r.events.map((e) => `${e.sourceLine}|${e.sourcePointer}`)).size);
      formats.add(det.importer.id);
    }
    // Every format but CSV (a quoted cell may span lines) has a fixture counted here.
    expect([...formats].sort()).toEqual(IMPORTERS.map((i) => i.id).filter((id) => id !== 'csv').sort());
  });

  it('the pipeline stores derived per source, parsed inline or by a parse pool', async () => {
    const text = readFileSync(fixture('otlp-trace/agent.otlp.json'), 'utf8');
    // The pool's job runner in this thread: what a worker returns, without the threads.
    const runner = new JobRunner();
    const pool: ParsePool = { size: 1, run: async (job) => runner.run(job), close: () => undefined };
    for (const opts of [{}, { pool }]) {
      const info = await importSource(db, memorySource(text, 'agent.otlp.json'), opts);
      const [row] = await db.query<{ events: number; derived: number; merged: number; errors: number }>('t', `SELECT events, derived, merged, errors FROM sources WHERE id = ${info.id}`);
      // 6 span records, one without a readable start; four tool spans give a call and a result each.
      expect(row).toEqual({ events: 9, derived: 4, merged: 0, errors: 1 });
      expect(info.derived).toBe(4);
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
