// Command-line parsing for `driftline analyze` and `driftline save`: small and strict, so a typo is an
// error, not a surprise. Both take the same clock options, read by one function.
import { CliError } from './io';
import { parseDuration } from '../../shared/model/duration';
import { parseIsoNanos } from '../../shared/model/time';

/** How times are placed and corrected per file: the options `analyze` and `save` share. */
export interface ClockArgs {
  /** Path (as given, or a suffix or folder of it) → clock offset in nanoseconds. */
  clockOffsets: Map<string, bigint>;
  /** Start time for transcripts without times, ns UTC: per path, or '' for every file. */
  starts: Map<string, bigint>;
  /** Year for RFC 3164 syslog lines, which carry none. */
  year: number | undefined;
}

export interface AnalyzeArgs extends ClockArgs {
  inputs: string[];
  format: 'json' | 'md';
  out: string | undefined;
}

export interface SaveArgs extends ClockArgs {
  inputs: string[];
  out: string;
}

/** One `--flag`: its name and a reader for its value (`--flag=value` or the next argument). */
type FlagHandler = (flag: string, value: () => string) => boolean;

/** Walks argv: flags go to `onFlag` (false: unknown), everything else is an input. */
function walk(argv: readonly string[], onFlag: FlagHandler): string[] {
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new CliError(`${flag} needs a value`);
      return v;
    };
    if (a.startsWith('-') && a !== '-') {
      if (!onFlag(flag, value)) throw new CliError(`unknown option ${a} (see driftline --help)`);
    } else inputs.push(a);
  }
  return inputs;
}

/** Reads `--clock-offset`, `--start` or `--year` into `clock`; false when `flag` is none of them. */
function readClockOption(flag: string, value: () => string, clock: ClockArgs): boolean {
  if (flag === '--clock-offset') {
    const v = value();
    const at = v.lastIndexOf('=');
    if (at <= 0) throw new CliError(`--clock-offset wants PATH=DURATION (e.g. logs/app.jsonl=-2.5s), got "${v}"`);
    const d = parseDuration(v.slice(at + 1));
    if (!d.ok) throw new CliError(`--clock-offset ${v}: ${d.error}`);
    clock.clockOffsets.set(v.slice(0, at), d.ns);
  } else if (flag === '--start') {
    const v = value();
    // An ISO time has no '=', so "PATH=TIME" names one file and a bare time applies to all.
    const at = v.lastIndexOf('=');
    const [p, time] = at > 0 ? [v.slice(0, at), v.slice(at + 1)] : ['', v];
    const ns = parseIsoNanos(time);
    if (ns === undefined) throw new CliError(`--start wants an ISO-8601 time such as 2026-11-27T10:00:00Z (or PATH=TIME), got "${v}"`);
    clock.starts.set(p, ns);
  } else if (flag === '--year') {
    const v = value();
    if (!/^\d{4}$/.test(v) || +v < 1970) throw new CliError(`--year wants a four-digit year from 1970 on, got "${v}"`);
    clock.year = Number(v);
  } else return false;
  return true;
}

const noClock = (): ClockArgs => ({ clockOffsets: new Map(), starts: new Map(), year: undefined });

export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs {
  let format: 'json' | 'md' = 'json';
  let out: string | undefined;
  const clock = noClock();
  const inputs = walk(argv, (flag, value) => {
    if (flag === '--format' || flag === '-f') {
      const v = value();
      if (v !== 'json' && v !== 'md') throw new CliError(`unknown --format "${v}" (use json or md)`);
      format = v;
    } else if (flag === '--out' || flag === '-o') out = value();
    else return readClockOption(flag, value, clock);
    return true;
  });
  if (!inputs.length) throw new CliError('analyze needs at least one file or folder (see driftline --help)');
  return { inputs, format, out, ...clock };
}

export function parseSaveArgs(argv: readonly string[]): SaveArgs {
  let out: string | undefined;
  const clock = noClock();
  const inputs = walk(argv, (flag, value) => {
    if (flag === '--out' || flag === '-o') out = value();
    else return readClockOption(flag, value, clock);
    return true;
  });
  if (!out) throw new CliError('save needs --out FILE.driftline');
  if (!inputs.length) throw new CliError('save needs at least one evidence file or folder');
  return { inputs, out, ...clock };
}

/** The value that applies to a file: an exact path match, else the longest matching suffix or folder; '' matches all. */
export function matchFor<T>(file: string, byPath: Map<string, T>): T | undefined {
  let best: [string, T] | undefined;
  const norm = file.replaceAll('\\', '/');
  for (const [p, v] of byPath) {
    const q = p.replaceAll('\\', '/').replace(/\/$/, '');
    const hit = q === '' || norm === q || norm.endsWith('/' + q) || norm.startsWith(q + '/');
    if (hit && (!best || q.length > best[0].length)) best = [q, v];
  }
  return best?.[1];
}

/** The clock offset of a file, in nanoseconds (0 when none was given). */
export const offsetFor = (file: string, offsets: Map<string, bigint>): bigint => matchFor(file, offsets) ?? 0n;

/** The import options the clock arguments give one file (cited as `file`). */
export function clockImportOptions(file: string, clock: ClockArgs): { clockOffsetNs: bigint; anchorNs: bigint | undefined; assumeYear: number | undefined } {
  return { clockOffsetNs: offsetFor(file, clock.clockOffsets), anchorNs: matchFor(file, clock.starts), assumeYear: clock.year };
}
