// What a person sees when the command line is wrong: one line, a non-zero exit, no stack trace.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/index';
import { parseAnalyzeArgs, offsetFor } from '../../../main/cli/args';
import { captureIo } from './captureIo';

const oneLine = (s: string) => s.trim().split('\n').length === 1 && !/\n\s+at /.test(s);

describe('driftline CLI errors', () => {
  it('refuses a missing file with exit 2 and one line', async () => {
    const io = captureIo();
    expect(await runCli(['analyze', 'no/such/file.jsonl'], io)).toBe(2);
    expect(io.err).toBe('driftline: no such file or folder: no/such/file.jsonl\n');
    expect(io.out).toBe('');
  });

  it('refuses a named file of an unknown format with exit 3, naming the file', async () => {
    const io = captureIo();
    expect(await runCli(['analyze', 'assets/samples/payments-scale-down/README.md'], io)).toBe(3);
    expect(io.err).toContain('cannot import assets/samples/payments-scale-down/README.md');
    expect(oneLine(io.err)).toBe(true);
  });

  it('refuses unknown commands, options and formats', async () => {
    for (const argv of [['frobnicate'], ['analyze', 'x', '--bogus'], ['analyze', 'x', '--format', 'xml'], ['analyze'], ['export'], ['save']]) {
      const io = captureIo();
      expect(await runCli(argv, io)).toBe(2);
      expect(oneLine(io.err)).toBe(true);
      expect(io.err.startsWith('driftline: ')).toBe(true);
    }
  });

  it('lists the formats it can read', async () => {
    const io = captureIo();
    expect(await runCli(['formats'], io)).toBe(0);
    for (const id of ['jsonl-log', 'k8s-audit', 'otlp-trace']) expect(io.out).toContain(id);
  });
});

describe('analyze arguments', () => {
  it('parses formats, output and clock offsets', () => {
    const a = parseAnalyzeArgs(['a', '--format=md', '-o', 'out.md', '--clock-offset', 'logs/app.jsonl=-1500', 'b']);
    expect(a).toMatchObject({ inputs: ['a', 'b'], format: 'md', out: 'out.md' });
    expect([...a.clockOffsets]).toEqual([['logs/app.jsonl', -1_500_000_000n]]);
  });

  it('applies the most specific clock offset to a file', () => {
    const offsets = new Map([['evidence', 100n], ['evidence/app.jsonl', -250n]]);
    expect(offsetFor('evidence/app.jsonl', offsets)).toBe(-250n);
    expect(offsetFor('evidence/audit.jsonl', offsets)).toBe(100n);
    expect(offsetFor('other/app.jsonl', offsets)).toBe(0n);
  });
});
