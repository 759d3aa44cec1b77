// A CliIo that records what the CLI printed, rooted at the repository.
import path from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../../main/cli/index';
import type { CliIo } from '../../../main/cli/io';
import type { AnalysisV1 } from '../../../shared/analysis/types';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function captureIo(cwd = repoRoot): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stderrIsTTY: false,
    cwd,
    stdout(t: string) { io.out += t; },
    stderr(t: string) { io.err += t; },
  };
  return io;
}

/** Runs `driftline analyze … --format json`, expecting exit 0, and returns the analysis and what went to stderr. */
export async function analyzeJson(...argv: string[]): Promise<{ a: AnalysisV1; err: string }> {
  const io = captureIo();
  const code = await runCli(['analyze', ...argv, '--format', 'json'], io);
  expect(code, io.err).toBe(0);
  return { a: JSON.parse(io.out) as AnalysisV1, err: io.err };
}
