// The installed command: bin/driftline.cjs as a real process, from source through tsx (a fresh clone).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './captureIo';

const run = (args: string[]) => spawnSync(process.execPath, [path.join(repoRoot, 'bin/driftline.cjs'), ...args], {
  // A CLI that never exits (e.g. a worker thread holding it open) fails here instead of hanging the run.
  cwd: repoRoot, encoding: 'utf8', env: { ...process.env, DRIFTLINE_FROM_SOURCE: '1' }, timeout: 120_000,
});

describe('bin/driftline.cjs', () => {
  it('analyzes the sample from source, with a clock offset applied to one file', () => {
    const r = run(['analyze', 'assets/samples/payments-scale-down', '--format', 'json', '--clock-offset', 'app-logs.jsonl=60000']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const logs = out.sources.find((s: { path: string }) => s.path.endsWith('app-logs.jsonl'));
    expect(logs.clock_offset_ms).toBe(60000);
    const firstLine = JSON.parse(readFileSync(path.join(repoRoot, 'assets/samples/payments-scale-down/app-logs.jsonl'), 'utf8').split('\n')[0]);
    expect(logs.first_ts).toBe(new Date(Date.parse(firstLine.ts) + 60_000).toISOString());
    expect(out.divergences[0].kind).toBe('stale_context');
  });

  it('exits non-zero with one line for a missing file', () => {
    const r = run(['analyze', 'missing.jsonl']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('driftline: no such file or folder: missing.jsonl\n');
  });
});
