// A CliIo that records what the CLI printed, rooted at the repository.
import path from 'node:path';
import type { CliIo } from '../../../main/cli/io';

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
