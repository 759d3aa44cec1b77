// `driftline analyze` clock options: --start for untimed transcripts, --year for RFC 3164 syslog,
// --clock-offset with durations; and what the output says about anchoring and clock skew.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/index';
import { parseAnalyzeArgs } from '../../../main/cli/args';
import { analyzeJson, captureIo } from './captureIo';

const TRAJ = 'test/fixtures/transcripts/run.traj';
const SYSLOG = 'test/fixtures/syslog/mixed.log';
const SKEW = 'test/fixtures/scenarios/clock-skew';

describe('clock options', () => {
  it('parses durations, start times (for all files or one) and a year', () => {
    const a = parseAnalyzeArgs(['x', '--clock-offset', 'a.jsonl=+2.5s', '--clock-offset=b/=PT1M', '--clock-offset', 'c=1500',
      '--start', '2026-11-27T10:00:00Z', '--start=run.traj=2026-11-27T11:00:00.5Z', '--year', '2025']);
    expect([...a.clockOffsets]).toEqual([['a.jsonl', 2_500_000_000n], ['b/', 60_000_000_000n], ['c', 1_500_000_000n]]);
    expect([...a.starts]).toEqual([['', 1795773600_000_000_000n], ['run.traj', 1795777200_500_000_000n]]);
    expect(a.year).toBe(2025);
  });

  it('refuses values it cannot read, saying what it wants', () => {
    const bad: [string[], RegExp][] = [
      [['--clock-offset', 'a.jsonl=2 fortnights'], /"fortnights" is not a unit/],
      [['--clock-offset', '=1s'], /PATH=DURATION/],
      [['--start', 'yesterday'], /ISO-8601 time/],
      [['--year', '25'], /four-digit year/],
      [['--year'], /--year needs a value/],
    ];
    for (const [argv, why] of bad) expect(() => parseAnalyzeArgs(['x', ...argv])).toThrow(why);
  });

  it('says a transcript without times was placed at 0, and anchors it to --start', async () => {
    const bare = await analyzeJson(TRAJ);
    expect(bare.a.sources[0].anchoring?.basis).toBe('no_times');
    expect(bare.a.sources[0].first_ts).toBe('1970-01-01T00:00:00.000Z');
    expect(bare.err).toContain(`${TRAJ} has no times: its events start at 1970-01-01; give --start ${TRAJ}=<iso-time>`);
  });

  it('anchors a transcript without times to --start PATH=TIME', async () => {
    const started = await analyzeJson(TRAJ, '--start', 'run.traj=2026-11-27T10:00:00Z');
    expect(started.a.sources[0]).toMatchObject({ first_ts: '2026-11-27T10:00:00.000Z', anchoring: { basis: 'start_given', note: 'no times in the file: anchored to the start time you gave' } });
    expect(started.err).not.toContain('has no times');
  });

  it('takes the syslog year from --year and says it was assumed', async () => {
    const { a, err } = await analyzeJson(SYSLOG, '--year', '2025');
    expect(a.sources[0].anchoring).toEqual({ basis: 'year_assumed', note: expect.stringContaining('2025 assumed') });
    expect(a.sources[0].first_ts).toBe('2025-12-31T23:59:59.000Z');
    expect(err).not.toContain('--year');
  });

  it('reports clock skew in Markdown with the option that fixes it, and the fix clears it', async () => {
    const io = captureIo();
    expect(await runCli(['analyze', `${SKEW}/frontend.otlp.json`, `${SKEW}/backend.otlp.json`, '--format', 'md'], io)).toBe(0);
    expect(io.out).toContain('## Clock skew');
    expect(io.out).toContain(`| \`${SKEW}/backend.otlp.json\` | \`${SKEW}/frontend.otlp.json\` | +2450 ms | 2 of 2 |`);
    expect(io.err).toContain(`--clock-offset ${SKEW}/backend.otlp.json=2450ms`);

    const fixed = await analyzeJson(`${SKEW}/frontend.otlp.json`, `${SKEW}/backend.otlp.json`, '--clock-offset', 'backend.otlp.json=2450ms');
    expect(fixed.a.clock_skew).toBeUndefined();
    expect(fixed.a.sources.find((s) => s.path.endsWith('backend.otlp.json'))?.clock_offset_ms).toBe(2450);
  });
});
