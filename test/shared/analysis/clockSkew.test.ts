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
import { findSkews } from '../../../shared/analysis/clockSkew';
import type { SkewConstraintRow } from '../../../shared/queries/clockSkew';
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

const row = (r: Partial<SkewConstraintRow>): SkewConstraintRow => ({
  shifted: 1, reference: 2, pairs: 1, late: 0, early: 0, lo: -10n, hi: 10n,
  loShiftedEvent: 11, loReferenceEvent: 21, hiShiftedEvent: 12, hiReferenceEvent: 22, ...r,
});
const MS = 1_000_000n;

describe('findSkews', () => {
  it('ignores disagreements within the tolerance (log times rounded to the millisecond)', () => {
    expect(findSkews([row({ lo: MS / 2n, hi: 5n * MS })])).toEqual([]);
  });

  it('joins both directions of a pair into one finding, oriented to the side whose events are out of place', () => {
    // Source 2's logs sit 4 ms before spans of source 1 (2 needs +4 ms); source 1's child spans agree with 2's parents.
    const out = findSkews([
      row({ shifted: 1, reference: 2, pairs: 3, lo: -50n * MS, hi: 20n * MS }),
      row({ shifted: 2, reference: 1, pairs: 5, late: 5, lo: 4n * MS, hi: 30n * MS, loShiftedEvent: 7, loReferenceEvent: 8 }),
    ]);
    expect(out).toEqual([{ shifted: 2, reference: 1, shiftNs: 4n * MS, example: [7, 8], violations: 5, pairs: 8, consistent: true }]);
  });

  it('says when no single shift fits (drift), and fixes the larger side', () => {
    const out = findSkews([row({ pairs: 4, late: 3, early: 1, lo: 8n * MS, hi: -2n * MS })]);
    expect(out).toEqual([{ shifted: 1, reference: 2, shiftNs: 8n * MS, example: [11, 21], violations: 4, pairs: 4, consistent: false }]);
  });
});
