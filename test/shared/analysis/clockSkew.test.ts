// Clock skew between sources sharing trace ids, through the real importers (fixtures in
// test/fixtures/scenarios/clock-skew/) and, for the orientation and drift rules, on constraint rows.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import { fileSource } from '../../../main/engine/fileSource';
import type { Db } from '../../../shared/db/db';
import { migrate } from '../../../shared/db/schema';
import { importSource } from '../../../shared/importers/pipeline';
import { setClockOffset } from '../../../shared/importers/clockOffset';
import { analyze } from '../../../shared/analysis/analyze';
import { detectClockSkew, toFindings } from '../../../shared/analysis/clockSkew';
import type { SkewSweepRow } from '../../../shared/queries/clockSkew';
import { getSources } from '../../../shared/queries/sources';
import { readFileSync } from 'node:fs';
import { validate } from '../../main/cli/miniSchema';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/scenarios/clock-skew');
let db: Db | undefined;
afterEach(async () => { await db?.close(); db = undefined; });

async function load(...files: string[]): Promise<Db> {
  db = await openNodeDb();
  await migrate(db);
  for (const f of files) {
    const src = await fileSource(path.join(DIR, f), f);
    try {
      await importSource(db, src);
    } finally {
      await src.close();
    }
  }
  return db;
}

const eventOf = async (d: Db, id: number) => (await d.query('t', 'SELECT span_id, message FROM events WHERE id = ?', [id]))[0];

describe('clock skew between sources', () => {
  it('finds child spans that start before their parent in another file: backend 2.5 s behind, +2.45 s puts both inside', async () => {
    const d = await load('frontend.otlp.json', 'backend.otlp.json', 'frontend-logs.jsonl');
    const a = await analyze(d);
    expect(a.clock_skew).toHaveLength(1);
    const [s] = a.clock_skew!;
    expect(s).toMatchObject({ source: 'backend.otlp.json', relative_to: 'frontend.otlp.json', evidence_pairs: 2, checked_pairs: 2, consistent: true });
    // Smallest shift that removes every violation: the second pair needs 2.45 s (real skew 2.5 s, child 50 ms in).
    expect(s.shift_ms).toBeGreaterThan(2449);
    expect(s.shift_ms).toBeLessThan(2451);
    expect(s.example.source.source).toBe('backend.otlp.json');
    expect(await eventOf(d, s.example.source.event_id)).toMatchObject({ span_id: 'b000000000000002' });
    expect(await eventOf(d, s.example.relative_to.event_id)).toMatchObject({ span_id: 'f000000000000002' });
    expect(s.why).toContain('+2.45 s');
    const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../docs/analysis-v1.schema.json'), 'utf8'));
    expect(validate(schema, JSON.parse(JSON.stringify(a)))).toEqual([]);

    // Applying the suggestion leaves nothing to report.
    const [backend] = await d.query<{ id: number }>('t', "SELECT id FROM sources WHERE path = 'backend.otlp.json'");
    await setClockOffset(d, backend.id, BigInt(Math.round(s.shift_ms * 1e6)));
    expect((await analyze(d)).clock_skew).toBeUndefined();
  });

  it('finds log lines written after the span they name ended: the proxy is ahead, the shift is negative', async () => {
    const d = await load('frontend.otlp.json', 'proxy-logs.jsonl');
    const [s, ...more] = (await analyze(d)).clock_skew ?? [];
    expect(more).toEqual([]);
    expect(s).toMatchObject({ source: 'proxy-logs.jsonl', relative_to: 'frontend.otlp.json', evidence_pairs: 2, consistent: true });
    // Line 2 at 13.9 s must end by 11 s: −2.9 s; line 1 (3.0 → by 1.0) is content with −2.9 too.
    expect(Math.abs(s.shift_ms - -2900)).toBeLessThan(1);
    expect(s.example.source).toMatchObject({ source: 'proxy-logs.jsonl', line: 2 });
  });

  it('reports nothing when the clocks agree', async () => {
    const a = await analyze(await load('frontend.otlp.json', 'backend-ok.otlp.json', 'frontend-logs.jsonl'));
    expect(a.clock_skew).toBeUndefined();
    expect(JSON.stringify(a)).not.toContain('clock_skew');
  });

  it('reports nothing for a single file, even with a child span outside its parent', async () => {
    const d = await load('single.otlp.json');
    const [bad] = await d.query<{ n: bigint }>('t', "SELECT count(*) AS n FROM events c JOIN events p ON c.parent_span_id = p.span_id WHERE c.ts < p.ts");
    expect(Number(bad.n)).toBe(1);
    expect((await analyze(d)).clock_skew).toBeUndefined();
  });
});

const S = 1_000_000_000n;
const T0 = 1795773600n * S;

/** Ten 1 s spans in spans.json and one log line per span in logs.jsonl, `at(i)` ns after its span starts. */
async function spansAndLogs(at: (i: number) => bigint, extra: [number, bigint][] = []): Promise<Db> {
  db = await openNodeDb();
  await migrate(db);
  await db.exec('t', "INSERT INTO sources (id, path, format) VALUES (1, 'spans.json', 'otlp-trace'), (2, 'logs.jsonl', 'jsonl-log')");
  const rows: string[] = [];
  for (let i = 0; i < 10; i++) {
    const start = T0 + BigInt(i) * 10n * S;
    rows.push(`(${i + 1}, 1, ${i + 1}, ${start}, ${start + S}, 'span', 't${i}', 's${i}')`);
    rows.push(`(${i + 101}, 2, ${i + 1}, ${start + at(i)}, NULL, 'log', 't${i}', 's${i}')`);
  }
  for (const [k, [i, off]] of extra.entries()) rows.push(`(${k + 201}, 2, ${k + 11}, ${T0 + BigInt(i) * 10n * S + off}, NULL, 'log', 't${i}', 's${i}')`);
  await db.exec('t', `INSERT INTO events (id, source_id, source_line, ts, end_ts, kind, trace_id, span_id) VALUES ${rows.join(', ')}`);
  return db;
}
const skews = async (d: Db) => detectClockSkew(d, { events: [], sources: new Map((await getSources(d)).map((s) => [s.id, s])) });

describe('skew, drift and stray lines', () => {
  it('does not call a few log lines written after their span ended skew: no shift helps them without hurting the rest', async () => {
    const d = await spansAndLogs(() => S / 2n, [[0, 3n * S], [4, 2n * S]]);
    expect(await skews(d)).toEqual([]);
  });

  it('reports drift (each line later than the one before) as not consistent, with the shift that fits the most', async () => {
    // Line i sits 0.5 s + 0.3 s·i into its 1 s span: lines 0 and 1 fit now; −0.4 s is the shift nearest zero
    // that fits four (0 to 3, line 3 ending exactly at its span's end).
    const [k, ...more] = await skews(await spansAndLogs((i) => S / 2n + (3n * S * BigInt(i)) / 10n));
    expect(more).toEqual([]);
    expect(k).toMatchObject({ source: 'logs.jsonl', relative_to: 'spans.json', shift_ms: -400, evidence_pairs: 8, checked_pairs: 10, consistent: false });
    expect(k.why).toContain('4 of 10, against 2 now');
    expect(k.example.source).toMatchObject({ source: 'logs.jsonl', line: 4 });
  });

  it('ignores disagreements within the tolerance (log times rounded to the millisecond)', async () => {
    expect(await skews(await spansAndLogs((i) => (i === 3 ? S + S / 2_000n : S / 2n)))).toEqual([]);
  });
});

const row = (r: Partial<SkewSweepRow>): SkewSweepRow => ({
  low: 1, high: 2, pairs: 10, violations: 4, lowInnerViolations: 4, coverNow: 6, coverBest: 10, shiftNs: 5n * MS,
  innerEvent: 11, innerSource: 1, outerEvent: 21, ...r,
});
const MS = 1_000_000n;

describe('toFindings', () => {
  it('shifts the source whose own events are out of place, turning the shift and the example round when that is the higher id', () => {
    expect(toFindings([row({ lowInnerViolations: 1, innerSource: 2 })])).toEqual([
      { shifted: 2, reference: 1, shiftNs: -5n * MS, example: [11, 21], violations: 4, pairs: 10, inPlaceNow: 6, inPlaceAfter: 10, consistent: true },
    ]);
    expect(toFindings([row({ lowInnerViolations: 1, innerSource: 1 })])[0].example).toEqual([21, 11]);
    expect(toFindings([row({})])[0]).toMatchObject({ shifted: 1, shiftNs: 5n * MS, example: [11, 21] });
  });

  it('reports nothing when no shift puts more pairs in place than now', () => {
    expect(toFindings([row({ coverBest: 6 }), row({ violations: 0 })])).toEqual([]);
  });
});
