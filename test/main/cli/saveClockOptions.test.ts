// `driftline save` takes analyze's clock options: the saved file, reopened, holds the shifted times,
// records each offset in its manifest and its analysis, and says how untimed files were placed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../main/engine/nodeDb';
import { parseSaveArgs } from '../../../main/cli/args';
import { runCli } from '../../../main/cli/index';
import { openInvestigation } from '../../../shared/investigation';
import { captureIo } from './captureIo';

const TRAJ = 'test/fixtures/transcripts/run.traj';
const SYSLOG = 'test/fixtures/syslog/mixed.log';
const BACKEND = 'test/fixtures/scenarios/clock-skew/backend.otlp.json';

let dir: string;
beforeAll(() => void (dir = mkdtempSync(path.join(tmpdir(), 'driftline-save-clock-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Saves, reopens into a fresh database and returns each source's first event time (ns) and what the file says. */
async function saveAndReopen(...argv: string[]) {
  const out = path.join(dir, `case-${Math.random().toString(36).slice(2)}.driftline`);
  const io = captureIo();
  expect(await runCli(['save', ...argv, '--out', out], io), io.err).toBe(0);
  const db = await openNodeDb();
  try {
    const opened = await openInvestigation(db, new Uint8Array(readFileSync(out)));
    const rows = await db.query<{ path: string; first: bigint | number }>(
      'test.first', 'SELECT s.path, min(e.ts) AS first FROM events e JOIN sources s ON s.id = e.source_id GROUP BY s.path',
    );
    const first = new Map(rows.map((r) => [r.path, BigInt(r.first)]));
    return { first, opened, err: io.err };
  } finally {
    await db.close();
  }
}

describe('driftline save with clock options', () => {
  it('parses the same clock options as analyze, and still wants --out and an input', () => {
    const a = parseSaveArgs(['logs', '-o', 'c.driftline', '--clock-offset=app.jsonl=-2.5s', '--start', 'run.traj=2026-11-27T10:00:00Z', '--year=2025']);
    expect(a).toMatchObject({ inputs: ['logs'], out: 'c.driftline', year: 2025 });
    expect([...a.clockOffsets]).toEqual([['app.jsonl', -2_500_000_000n]]);
    expect([...a.starts]).toEqual([['run.traj', 1795773600_000_000_000n]]);
    expect(() => parseSaveArgs(['logs', '--out', 'c.driftline', '--clock-offset', 'x=2 fortnights'])).toThrow(/"fortnights" is not a unit/);
    expect(() => parseSaveArgs(['logs', '--out', 'c.driftline', '--yaer', '2025'])).toThrow(/unknown option --yaer/);
    expect(() => parseSaveArgs(['logs', '--year', '2025'])).toThrow(/needs --out/);
    expect(() => parseSaveArgs(['--out', 'c.driftline'])).toThrow(/at least one evidence file/);
  });

  it('writes events shifted by --clock-offset, and records the offset in the manifest and the analysis', async () => {
    const { first, opened } = await saveAndReopen(BACKEND, '--clock-offset', 'backend.otlp.json=2450ms');
    // The file's first span starts at 1795773597600000000 (2026-11-27T09:59:57.6Z); 2.45 s later once shifted.
    expect(first.get(BACKEND)).toBe(1795773597600000000n + 2_450_000_000n);
    expect(opened.manifest.sources.map((s) => [s.path, s.clock_offset_ns])).toEqual([[BACKEND, '2450000000']]);
    expect(opened.analysis?.sources[0]).toMatchObject({ clock_offset_ms: 2450, first_ts: '2026-11-27T10:00:00.050Z' });
  });

  it('places an untimed transcript at --start and dates syslog with --year', async () => {
    const { first, opened, err } = await saveAndReopen(TRAJ, SYSLOG, '--start', 'run.traj=2026-11-27T10:00:00Z', '--year', '2025');
    expect(first.get(TRAJ)).toBe(1795773600_000_000_000n); // 2026-11-27T10:00:00Z
    const byPath = new Map(opened.analysis!.sources.map((s) => [s.path, s]));
    expect(byPath.get(TRAJ)).toMatchObject({ first_ts: '2026-11-27T10:00:00.000Z', anchoring: { basis: 'start_given' } });
    expect(byPath.get(SYSLOG)?.first_ts).toBe('2025-12-31T23:59:59.000Z');
    expect(err).not.toContain('has no times');
  });

  it('says on standard error when an untimed transcript was saved at 1970, with the option that fixes it', async () => {
    const { first, err } = await saveAndReopen(TRAJ);
    expect(first.get(TRAJ)).toBe(0n);
    expect(err).toContain(`${TRAJ} has no times: its events start at 1970-01-01; give --start ${TRAJ}=<iso-time>`);
  });
});
