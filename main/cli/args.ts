// Command-line parsing for `driftline analyze`: small and strict, so a typo is an error, not a surprise.
import { CliError } from './io';

export interface AnalyzeArgs {
  inputs: string[];
  format: 'json' | 'md';
  out: string | undefined;
  /** Path (as given, or a suffix of it) → clock offset in milliseconds. */
  clockOffsets: Map<string, number>;
}

export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs {
  const inputs: string[] = [];
  let format: 'json' | 'md' = 'json';
  let out: string | undefined;
  const clockOffsets = new Map<string, number>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new CliError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--format' || flag === '-f') {
      const v = value();
      if (v !== 'json' && v !== 'md') throw new CliError(`unknown --format "${v}" (use json or md)`);
      format = v;
    } else if (flag === '--out' || flag === '-o') out = value();
    else if (flag === '--clock-offset') {
      const v = value();
      const m = /^(.+)=([+-]?\d+(?:\.\d+)?)$/.exec(v);
      if (!m) throw new CliError(`--clock-offset wants path=milliseconds, got "${v}"`);
      clockOffsets.set(m[1], Number(m[2]));
    } else if (a.startsWith('-') && a !== '-') throw new CliError(`unknown option ${a} (see driftline --help)`);
    else inputs.push(a);
  }
  if (!inputs.length) throw new CliError('analyze needs at least one file or folder (see driftline --help)');
  return { inputs, format, out, clockOffsets };
}

/** The offset that applies to a file: an exact path match, else the longest matching suffix or folder. */
export function offsetFor(file: string, offsets: Map<string, number>): number {
  let best: [string, number] | undefined;
  const norm = file.replaceAll('\\', '/');
  for (const [p, ms] of offsets) {
    const q = p.replaceAll('\\', '/').replace(/\/$/, '');
    const hit = norm === q || norm.endsWith('/' + q) || norm.startsWith(q + '/');
    if (hit && (!best || q.length > best[0].length)) best = [q, ms];
  }
  return best?.[1] ?? 0;
}
