// Editing a source's clock offset after import: its events move by the change, nothing else does, and
// the analysis reads the corrected times.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import { fileSource } from '../../../main/engine/fileSource';
import type { Db } from '../../../shared/db/db';
import { migrate } from '../../../shared/db/schema';
import { importSource } from '../../../shared/importers/pipeline';
import { offsetForStart, setClockOffset } from '../../../shared/importers/clockOffset';
import { analyze } from '../../../shared/analysis/analyze';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const SAMPLE = 'assets/samples/payments-scale-down';
const FILES = ['agent-trace.otlp.json', 'app-logs.jsonl', 'k8s-audit.jsonl'];

interface Times { id: number; source_id: number; ts: bigint; end_ts: bigint | null }
interface SourceTimes { id: number; min_ts: bigint; max_ts: bigint; clock_offset_ns: bigint }

let db: Db;
let original: Times[];
let originalSources: SourceTimes[];
const ids: Record<string, number> = {};

const times = () => db.query<Times & Record<string, unknown>>('t', 'SELECT id, source_id, ts, end_ts FROM events ORDER BY id');
const sources = () => db.query<SourceTimes & Record<string, unknown>>('t', 'SELECT id, min_ts, max_ts, clock_offset_ns FROM sources ORDER BY id');

/** Every event of `sourceId` moved by `by`, every other event where it was. */
function expectShifted(now: Times[], sourceId: number, by: bigint) {
  expect(now).toHaveLength(original.length);
  for (const [i, was] of original.entries()) {
    const d = was.source_id === sourceId ? by : 0n;
    expect(now[i].ts).toBe(was.ts + d);
    expect(now[i].end_ts).toBe(was.end_ts === null ? null : was.end_ts + d);
  }
}

beforeAll(async () => {
  db = await openNodeDb();
  await migrate(db);
  for (const f of FILES) {
    const src = await fileSource(path.join(repoRoot, SAMPLE, f), `${SAMPLE}/${f}`);
    try {
      ids[f] = Number((await importSource(db, src)).id);
    } finally {
      await src.close();
    }
  }
  original = await times();
  originalSources = await sources();
});
afterAll(() => db.close());

describe('setClockOffset', () => {
  it('moves the spans of one source, start and end, and its time range, and records the offset', async () => {
    const trace = ids['agent-trace.otlp.json'];
    expect(original.some((e) => e.source_id === trace && e.end_ts !== null)).toBe(true);
    const change = await setClockOffset(db, trace, 2_500_000_000n);
    expect(change).toEqual({ sourceId: trace, previousNs: 0n, offsetNs: 2_500_000_000n, shiftedNs: 2_500_000_000n });
    expectShifted(await times(), trace, 2_500_000_000n);
    const [was, now] = [originalSources.find((s) => s.id === trace)!, (await sources()).find((s) => s.id === trace)!];
    expect(now).toEqual({ id: trace, min_ts: was.min_ts + 2_500_000_000n, max_ts: was.max_ts + 2_500_000_000n, clock_offset_ns: 2_500_000_000n });
  });

  it('shifts by the difference when set a second time, and back to zero restores every time exactly', async () => {
    const trace = ids['agent-trace.otlp.json'];
    const change = await setClockOffset(db, trace, -300_000_000n);
    expect(change.shiftedNs).toBe(-2_800_000_000n);
    expectShifted(await times(), trace, -300_000_000n);
    expect((await sources()).find((s) => s.id === trace)?.clock_offset_ns).toBe(-300_000_000n);

    expect((await setClockOffset(db, trace, 0n)).shiftedNs).toBe(300_000_000n);
    expect(await times()).toEqual(original);
    expect(await sources()).toEqual(originalSources);
  });

  it('lets the analysis see the shifted times', async () => {
    const audit = ids['k8s-audit.jsonl'];
    await setClockOffset(db, audit, 2_500_000_000n);
    try {
      const a = await analyze(db);
      const src = a.sources.find((s) => s.path.endsWith('k8s-audit.jsonl'))!;
      expect(src.clock_offset_ms).toBe(2500);
      const stale = a.divergences.find((d) => d.kind === 'stale_context')!;
      // alice's change is in the audit log: 10:03:00 in the file, 10:03:02.5 corrected.
      expect(stale.actual).toMatchObject({ changed_by: 'alice@example.com', since: '2026-11-27T10:03:02.500Z' });
      // The agent's reading comes from the trace, which did not move.
      expect(stale.believed.observed_at).toBe('2026-11-27T10:00:05.000Z');
    } finally {
      await setClockOffset(db, audit, 0n);
    }
    expect(await times()).toEqual(original);
  });

  it('refuses an unknown source or an absurd offset in words, and changes nothing', async () => {
    await expect(setClockOffset(db, 99, 1n)).rejects.toThrow(/no imported source 99/);
    await expect(setClockOffset(db, ids['app-logs.jsonl'], 200n * 365n * 86_400_000_000_000n)).rejects.toThrow(/more than 100 years/);
    expect(await times()).toEqual(original);
    expect(await sources()).toEqual(originalSources);
  });
});

describe('offsetForStart', () => {
  it('gives the offset that puts the first event at the start time, from wherever it is now', () => {
    expect(offsetForStart({ minTs: 0n, clockOffsetNs: 0n }, 1_000n)).toBe(1_000n);
    expect(offsetForStart({ minTs: 1_500n, clockOffsetNs: 500n }, 1_000n)).toBe(0n);
    expect(() => offsetForStart({ minTs: null, clockOffsetNs: 0n }, 1n)).toThrow(/no events/);
  });
});
